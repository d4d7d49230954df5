// What a table holds, computed from the engine and a table's spec: its columns (header, number format, the live
// formula), its rows (one per company the screen keeps, in the screen's order) and, for static tables, the
// provenance block. Pure: no Excel here; the writer turns this into requests.
import { findField, liveFormulaFor, type FieldDef, type FieldValue } from "../../model/catalogue";
import type { Engine } from "../../model/engine";
import { normalizeTicker } from "../../model/tickers";
import type { Company } from "../../model/types";
import { thisRowRef } from "./excel-names";
import { provenanceLines, type ProvenanceFacts } from "./provenance";
import type { ColumnRecord, OutputMode, TableSpec } from "./table-record";

export const TICKER_FIELD = "ticker";

export interface ColumnContent extends ColumnRecord {
  numberFormat: string;
  /** Live tables: the calculated-column formula for every row (null for the ticker column, which holds values). */
  formula: string | null;
}

export interface TableContent {
  output: OutputMode;
  /** columns[0] is the ticker column. */
  columns: ColumnContent[];
  tickers: string[];
  /** The engine's value for every row and column; null where the snapshot has none (written as an empty cell). */
  values: (FieldValue | null)[][];
  /** Static tables: the lines of the provenance block. */
  provenance: string[] | null;
  /** Fields of the spec that the catalogue no longer knows (left out, reported). */
  unknownFields: string[];
}

/** The ticker column first, then the chosen fields in the order given, each once; unknown names set aside. */
export function columnsFor(fields: readonly string[]): { columns: ColumnRecord[]; unknown: string[] } {
  const ticker = findField(TICKER_FIELD);
  const columns: ColumnRecord[] = [{ field: TICKER_FIELD, header: ticker?.label ?? "Ticker" }];
  const unknown: string[] = [];
  for (const name of fields) {
    const def = findField(name);
    if (!def) unknown.push(name);
    else if (!columns.some((c) => c.field === def.name)) columns.push({ field: def.name, header: def.label });
  }
  return { columns, unknown };
}

/**
 * The number format a column is written with. A formula typed into a cell formatted as Text ("@") stays text, so
 * in a live table a text field's formula column is General; the ticker column holds values and keeps "@".
 */
export function columnFormat(def: FieldDef, output: OutputMode, isTicker: boolean): string {
  if (output === "live" && !isTicker && def.numberFormat === "@") return "General";
  return def.numberFormat;
}

/**
 * What a table should hold now. A table with fixed membership that is being refreshed passes `tickersNow`, the
 * tickers it holds: its rows stay those (blanks and repeats aside), in that order, whatever the screen says; a
 * ticker the data no longer knows keeps its row, with no values.
 */
export function buildTableContent(
  engine: Engine,
  spec: TableSpec,
  facts: ProvenanceFacts,
  now: Date,
  tickersNow?: readonly string[],
): TableContent {
  const defs: { col: ColumnRecord; def: FieldDef }[] = [];
  const unknownFields: string[] = [];
  for (const col of spec.columns) {
    const def = findField(col.field);
    if (def) defs.push({ col, def });
    else unknownFields.push(col.field);
  }
  if (defs[0]?.def.name !== TICKER_FIELD) throw new Error("A table's first column must be the ticker column.");
  const tickerRef = thisRowRef(defs[0].col.header);
  const columns: ColumnContent[] = defs.map(({ col, def }, i) => ({
    field: def.name,
    header: col.header,
    numberFormat: columnFormat(def, spec.output, i === 0),
    formula: spec.output === "live" && i > 0 ? `=${liveFormulaFor(def, tickerRef)}` : null,
  }));
  const rows: { ticker: string; company: Company | null }[] =
    spec.membership === "fixed" && tickersNow
      ? keptTickers(tickersNow).map((t) => {
          const c = engine.index.find(t);
          return { ticker: c?.ticker ?? t, company: c ?? null };
        })
      : engine.screen(spec.criteria).map((c) => ({ ticker: c.ticker, company: c }));
  const companies = rows.flatMap((r) => (r.company ? [r.company] : []));
  const values = rows.map(({ ticker, company }) =>
    defs.map(({ def }, j) => {
      if (!company) return j === 0 ? ticker : null;
      const v = engine.fieldOf(company, def);
      return v.ok ? v.value : null;
    }),
  );
  return {
    output: spec.output,
    columns,
    tickers: rows.map((r) => r.ticker),
    values,
    provenance: spec.output === "values" ? provenanceLines(facts, spec.criteria, companies.length, now) : null,
    unknownFields,
  };
}

/** The tickers a fixed table holds, in order: each once, blanks left out. */
function keptTickers(tickers: readonly string[]): string[] {
  const seen = new Set<string>();
  return tickers.filter((t) => {
    const k = normalizeTicker(t);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * A value as it is sent to a cell. Missing values become empty cells. Text in a column formatted as Text ("@") is
 * stored as typed (the writer sets the format before the values). Anywhere else, text that Excel would read as a
 * formula or a number (starting with =, +, -, @, an apostrophe, a digit or a point) gets the apostrophe prefix
 * Excel itself uses to say "this is text".
 */
export function cellFor(value: FieldValue | null, numberFormat: string): string | number | boolean {
  if (value === null) return "";
  if (typeof value !== "string" || numberFormat === "@") return value;
  return /^[=+\-@'0-9.]/.test(value) ? `'${value}` : value;
}
