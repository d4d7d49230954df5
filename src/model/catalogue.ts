// The field catalogue: the one list of every field — name, label, unit, description, Excel number format, group,
// and how it is computed. QUALIS.FIELD/FIELDS, the task pane's picker, the table writer's formats, the CLI's CSV
// columns and the README's reference all read it; nothing restates it.
import type { Outcome } from "./outcome";
import { failure, success } from "./outcome";
import type { Company } from "./types";
import { themeLabel } from "./themes";

export const FIELD_GROUPS = [
  { id: "identity", label: "Identity" },
  { id: "size_index", label: "Size & index" },
  { id: "profitability", label: "Profitability" },
  { id: "cash_flow", label: "Cash flow" },
  { id: "balance_sheet", label: "Balance sheet" },
  { id: "scores", label: "Scores" },
] as const;

export type FieldGroupId = (typeof FIELD_GROUPS)[number]["id"];
export type FieldValue = number | string | boolean;
export type FieldKind = "number" | "text" | "boolean";

/** What a field's computation may ask beyond the company itself (scores are cross-sectional). */
export interface FieldContext {
  qualityScore(c: Company): Outcome<number>;
  graduationProbability(c: Company, reconstitutions: number): Outcome<number>;
}

export interface FieldDef {
  /** snake_case key: =QUALIS.FIELD(A2,"market_cap"), the CLI's CSV column, the picker's id. */
  name: string;
  /** Column header and picker label. */
  label: string;
  group: FieldGroupId;
  kind: FieldKind;
  /** Unit as shown to a person: "USD m", "USD", "%", "x", "0–100", "0–1", "count", "text", "TRUE/FALSE". */
  unit: string;
  /** One or two sentences: what it is and how it is computed. */
  description: string;
  /** Excel number format for table columns ("@" for text). */
  numberFormat: string;
  /** The live formula a table cell uses for a ticker cell reference (default: QUALIS.FIELD(ref,"name")). */
  liveFormula?: (tickerRef: string) => string;
  value: (c: Company, ctx: FieldContext) => Outcome<FieldValue>;
}

const present = <T extends FieldValue>(c: Company, v: T | null, what: string): Outcome<T> =>
  v === null ? failure("insufficient_data", `No ${what} for '${c.ticker}' in this snapshot`) : success(v);

export const FIELD_CATALOGUE: readonly FieldDef[] = [
  {
    name: "ticker",
    label: "Ticker",
    group: "identity",
    kind: "text",
    unit: "text",
    description: "Exchange ticker as the snapshot lists it.",
    numberFormat: "@",
    value: (c) => success(c.ticker),
  },
  {
    name: "name",
    label: "Name",
    group: "identity",
    kind: "text",
    unit: "text",
    description: "Company name.",
    numberFormat: "@",
    value: (c) => success(c.name),
  },
  {
    name: "sector",
    label: "Sector",
    group: "identity",
    kind: "text",
    unit: "text",
    description: "GICS sector (iShares spelling).",
    numberFormat: "@",
    value: (c) => present(c, c.sector, "sector"),
  },
  {
    name: "themes",
    label: "Themes",
    group: "identity",
    kind: "text",
    unit: "text",
    description: "Structural themes the company's industry maps to, comma-separated (empty when none).",
    numberFormat: "@",
    value: (c) => success(c.themes.map(themeLabel).join(", ")),
  },
  {
    name: "market_cap",
    label: "Market cap ($m)",
    group: "size_index",
    kind: "number",
    unit: "USD m",
    description: "Total market capitalisation: price × shares outstanding (estimated from index weight where shares are unknown).",
    numberFormat: "#,##0",
    value: (c) => present(c, c.marketCap, "market cap"),
  },
];

const BY_NAME = new Map(FIELD_CATALOGUE.map((f) => [f.name, f]));

export function findField(name: string): FieldDef | undefined {
  return BY_NAME.get(name.trim().toLowerCase().replace(/[\s-]+/g, "_"));
}

export function unknownField(name: string) {
  return failure("unknown_field", `Unknown field '${name}' — see QUALIS.FIELDS()`);
}

export function liveFormulaFor(field: FieldDef, tickerRef: string): string {
  return field.liveFormula ? field.liveFormula(tickerRef) : `QUALIS.FIELD(${tickerRef},"${field.name}")`;
}
