// A cell holding an Excel data type (a Stocks record, or any entity) reaches a function as an object, not text;
// String() of it reads "[object Object]". Its ticker is taken from the record's ticker property where it has one
// (the Stocks type's "Ticker symbol"), else its display text; a record with neither gets a text that says so, which
// the function answers as an unknown ticker naming it.
type EntityLike = { text?: unknown; basicValue?: unknown; properties?: Record<string, unknown> };

const TICKER_PROPERTIES = ["Ticker symbol", "Ticker", "Symbol"];
export const ENTITY_WITHOUT_TICKER = "(a data type with no ticker symbol)";

function basicText(v: unknown): string | null {
  const b = v && typeof v === "object" ? (v as { basicValue?: unknown }).basicValue : v;
  return typeof b === "string" && b.trim() !== "" ? b.trim() : null;
}

export function entityText(cell: object): string {
  const e = cell as EntityLike;
  const props = e.properties && typeof e.properties === "object" ? e.properties : {};
  for (const name of TICKER_PROPERTIES) {
    const t = basicText(props[name]);
    if (t) return t;
  }
  return basicText(e.basicValue) ?? basicText(e.text) ?? ENTITY_WITHOUT_TICKER;
}
