// The field catalogue: the one list of every field — name, label, unit, description, Excel number format, group,
// and how it is computed. QUALIS.FIELD/FIELDS, the task pane's picker, the table writer's formats, the CLI's CSV
// columns, the help page and docs/fields.md all read it; nothing restates it.
//
// Fractions are stored as fractions (0.123) with a percent number format. Money is in USD millions. The current
// period is the trailing twelve months, else the last fiscal year (periods.ts); balance-sheet values are at its end.
import { ALTMAN_WEIGHTS, ALTMAN_ZONES, altmanOf } from "./altman";
import * as m from "./metrics";
import type { Outcome } from "./outcome";
import { failure, success } from "./outcome";
import { hasFundamentals } from "./periods";
import { piotroski } from "./piotroski";
import { PILLARS, type PillarId, type ScorePath } from "./pillars";
import { PATH_PILLARS } from "./quality";
import { isProfitable, type ProfitBasis } from "./profitability";
import type { Company, Universe } from "./types";
import { themeLabel } from "./themes";
import { noFundamentals } from "./universe-index";

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
  readonly universe: Universe;
  qualityScore(c: Company): Outcome<number>;
  /** A pillar's score, 0–100. */
  pillarScore(c: Company, pillar: PillarId): Outcome<number>;
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

/** A value computed from fundamentals: no fundamentals at all is its own failure; a gap says what it needs. */
function fromFundamentals(c: Company, v: number | null, label: string, needs?: string): Outcome<number> {
  if (v !== null) return success(v);
  if (!hasFundamentals(c)) return noFundamentals(c);
  return failure("insufficient_data", `No ${inSentence(label)} for '${c.ticker}' in this snapshot${needs ? ` — ${needs}` : ""}`);
}

/** A label inside a sentence: without its unit, lower-case unless it starts with an acronym or a name. */
function inSentence(label: string): string {
  const bare = label.replace(/\s*\((\$m|\$|m)\)$/, "");
  const first = bare.split(" ")[0]!;
  return first === first.toUpperCase() || /^(Altman|Piotroski)/.test(first) ? bare : bare[0]!.toLowerCase() + bare.slice(1);
}

const FORMAT = {
  money: "#,##0.0",
  percent: "0.0%",
  multiple: "0.00",
  score: "0.0",
  count: "0",
  text: "@",
  boolean: "General",
} as const;

type Pick = (c: Company) => number | null;

interface NumberSpec {
  name: string;
  label: string;
  group: FieldGroupId;
  description: string;
  /** What the value needs, said when it is missing ("needs revenue above 0"). */
  needs?: string;
  pick: Pick;
}

function numeric(unit: string, numberFormat: string) {
  return (s: NumberSpec): FieldDef => ({
    name: s.name,
    label: s.label,
    group: s.group,
    kind: "number",
    unit,
    description: s.description,
    numberFormat,
    value: (c) => fromFundamentals(c, s.pick(c), s.label, s.needs),
  });
}

const money = numeric("USD m", FORMAT.money);
const fraction = numeric("%", FORMAT.percent);
const multiple = numeric("x", FORMAT.multiple);
const count = numeric("count", FORMAT.count);

/** A raw value of the current period (trailing twelve months, else the last fiscal year). */
function reported(name: string, label: string, group: FieldGroupId, key: keyof NonNullable<ReturnType<typeof m.current>>, description: string): FieldDef {
  return money({ name, label, group, description, pick: (c) => m.current(c)?.[key] ?? null });
}

function profitFlag(name: string, label: string, basis: ProfitBasis, description: string): FieldDef {
  return {
    name,
    label,
    group: "profitability",
    kind: "boolean",
    unit: "TRUE/FALSE",
    description,
    numberFormat: FORMAT.boolean,
    liveFormula: (ref) => (basis === "net_income" ? `QUALIS.IS_PROFITABLE(${ref})` : `QUALIS.IS_PROFITABLE(${ref},"${basis}")`),
    value: (c) => isProfitable(c, basis),
  };
}

/** A pillar's score field; its description lists the pillar's metrics on each path (quality.ts). */
function pillarField(pillar: PillarId, label: string): FieldDef {
  const on = (path: ScorePath) => PATH_PILLARS[path].find((p) => p.id === pillar);
  const describe = (path: ScorePath) => {
    const p = on(path);
    if (!p) return null;
    return p.metrics.length ? `the mean percentile of ${p.metrics.map((x) => x.field).join(", ")}` : "100 × F-score / 9, absolute rather than a percentile";
  };
  const operating = describe("operating");
  const financial = describe("financial");
  const description =
    `${label}, 0–100: ${operating}` +
    (financial === null ? " (operating companies only)." : financial === operating ? "." : ` (financials & real estate: ${financial}).`);
  return {
    name: `${pillar}_score`,
    label,
    group: "scores",
    kind: "number",
    unit: "0–100",
    description,
    numberFormat: FORMAT.score,
    value: (c, ctx) => ctx.pillarScore(c, pillar),
  };
}

function text(name: string, label: string, description: string, value: FieldDef["value"]): FieldDef {
  return { name, label, group: "identity", kind: "text", unit: "text", description, numberFormat: FORMAT.text, value };
}

const MEMBERSHIP_LABEL = { R2000: "Russell 2000", R1000: "Russell 1000", none: "none" } as const;

export const FIELD_CATALOGUE: readonly FieldDef[] = [
  // ── Identity ────────────────────────────────────────────────────────────────────────────────────────────
  text("ticker", "Ticker", "Exchange ticker as the snapshot lists it.", (c) => success(c.ticker)),
  text("name", "Name", "Company name.", (c) => success(c.name)),
  text("sector", "Sector", "GICS sector (iShares spelling).", (c) => present(c, c.sector, "sector")),
  text("industry", "Industry", "Industry description (the SEC's SIC title or similar).", (c) => present(c, c.industry, "industry")),
  {
    name: "sic",
    label: "SIC code",
    group: "identity",
    kind: "number",
    unit: "code",
    description: "Standard Industrial Classification code (SEC).",
    numberFormat: "0",
    value: (c) => present(c, c.sic, "SIC code"),
  },
  text("cik", "CIK", "SEC Central Index Key, without leading zeros.", (c) => present(c, c.cik, "CIK")),
  text("themes", "Themes", "Structural themes the company's industry maps to, comma-separated (empty when none); the mapping is the theme table in model/theme-rules.ts.", (c) =>
    success(c.themes.map(themeLabel).join(", ")),
  ),
  text("membership", "Index membership", "Current index membership: Russell 2000, Russell 1000 or none.", (c) => success(MEMBERSHIP_LABEL[c.membership])),

  // ── Size & index ────────────────────────────────────────────────────────────────────────────────────────
  {
    name: "price",
    label: "Price ($)",
    group: "size_index",
    kind: "number",
    unit: "USD",
    description: "Share price as of the snapshot's date.",
    numberFormat: "#,##0.00",
    value: (c) => present(c, c.price, "price"),
  },
  {
    name: "shares_outstanding",
    label: "Shares outstanding (m)",
    group: "size_index",
    kind: "number",
    unit: "m shares",
    description: "Shares outstanding, millions.",
    numberFormat: FORMAT.money,
    value: (c) => present(c, c.sharesOutstanding, "share count"),
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
  {
    name: "market_cap_estimated",
    label: "Market cap estimated",
    group: "size_index",
    kind: "boolean",
    unit: "TRUE/FALSE",
    description: "TRUE where the market cap was estimated from the index weight rather than price × shares.",
    numberFormat: FORMAT.boolean,
    value: (c) => success(c.marketCapEstimated),
  },
  {
    name: "weight",
    label: "Index weight",
    group: "size_index",
    kind: "number",
    unit: "%",
    description: "Float-adjusted weight in the index, as a fraction (0.0005 = 0.05%).",
    numberFormat: "0.000%",
    value: (c) => present(c, c.weight === null ? null : c.weight / 100, "index weight"),
  },
  {
    name: "volatility",
    label: "Volatility",
    group: "size_index",
    kind: "number",
    unit: "%",
    description: "Annualised volatility of the share's returns, as the snapshot gives it (the graduation probability uses a default where it is missing).",
    numberFormat: FORMAT.percent,
    value: (c) => present(c, c.volatility, "volatility"),
  },
  {
    name: "distance_to_band",
    label: "Distance to upper band",
    group: "size_index",
    kind: "number",
    unit: "%",
    description: "Market cap / the index's upper band − 1: how far the company is below (negative) or above the cap at which a Russell 2000 member moves up.",
    numberFormat: FORMAT.percent,
    value: (c, ctx) => present(c, c.marketCap === null ? null : c.marketCap / ctx.universe.index.upperBand - 1, "market cap"),
  },
  {
    name: "graduation_prob",
    label: "Graduation probability",
    group: "size_index",
    kind: "number",
    unit: "0–1",
    description: "Probability that the company moves from the Russell 2000 to the Russell 1000 at the next reconstitution (see Methodology); QUALIS.GRADUATION_PROB.",
    numberFormat: FORMAT.percent,
    liveFormula: (ref) => `QUALIS.GRADUATION_PROB(${ref})`,
    value: (c, ctx) => ctx.graduationProbability(c, 1),
  },

  // ── Profitability ───────────────────────────────────────────────────────────────────────────────────────
  reported("revenue", "Revenue ($m)", "profitability", "revenue", "Revenue of the current period (trailing twelve months, else the last fiscal year)."),
  reported("gross_profit", "Gross profit ($m)", "profitability", "grossProfit", "Gross profit (revenue − cost of revenue) of the current period."),
  reported("operating_income", "Operating income ($m)", "profitability", "operatingIncome", "Operating income (EBIT) of the current period."),
  reported("net_income", "Net income ($m)", "profitability", "netIncome", "Net income of the current period."),
  reported("ebitda", "EBITDA ($m)", "profitability", "ebitda", "Operating income plus depreciation and amortisation, current period."),
  fraction({ name: "gross_margin", label: "Gross margin", group: "profitability", description: "Gross profit / revenue.", needs: "needs gross profit and revenue above 0", pick: m.grossMargin }),
  fraction({ name: "operating_margin", label: "Operating margin", group: "profitability", description: "Operating income / revenue.", needs: "needs operating income and revenue above 0", pick: m.operatingMargin }),
  fraction({ name: "net_margin", label: "Net margin", group: "profitability", description: "Net income / revenue.", needs: "needs net income and revenue above 0", pick: m.netMargin }),
  fraction({ name: "roa", label: "Return on assets", group: "profitability", description: "Net income / total assets at the period's end.", needs: "needs net income and total assets", pick: m.roa }),
  fraction({ name: "roe", label: "Return on equity", group: "profitability", description: "Net income / book equity at the period's end (not meaningful, so empty, where equity ≤ 0).", needs: "needs net income and book equity above 0", pick: m.roe }),
  fraction({ name: "gross_profit_to_assets", label: "Gross profit / assets", group: "profitability", description: "Gross profitability (Novy-Marx 2013): gross profit / total assets.", needs: "needs gross profit and total assets", pick: m.grossProfitToAssets }),
  fraction({ name: "roa_stdev", label: "ROA volatility (annual)", group: "profitability", description: "Sample standard deviation of annual return on assets (net income / year-end total assets) over the fiscal years in the snapshot (at least three); lower is steadier.", needs: "needs at least three fiscal years of net income and total assets", pick: m.roaStdev }),
  profitFlag("is_profitable", "Profitable (net income)", "net_income", "TRUE where trailing-twelve-month net income is above 0; QUALIS.IS_PROFITABLE's default basis."),
  profitFlag("is_profitable_operating", "Profitable (operating income)", "operating_income", "TRUE where trailing-twelve-month operating income is above 0."),
  profitFlag("is_profitable_fcf", "Profitable (free cash flow)", "fcf", "TRUE where trailing-twelve-month free cash flow is above 0."),
  profitFlag("is_profitable_consistent", "Consistently profitable", "consistent", "TRUE where net income was above 0 in each of the last three fiscal years."),

  // ── Cash flow ───────────────────────────────────────────────────────────────────────────────────────────
  reported("operating_cash_flow", "Operating cash flow ($m)", "cash_flow", "operatingCashFlow", "Cash flow from operations of the current period."),
  reported("capex", "Capital expenditure ($m)", "cash_flow", "capex", "Capital expenditure of the current period, as a positive outflow."),
  money({ name: "fcf", label: "Free cash flow ($m)", group: "cash_flow", description: "Free cash flow = operating cash flow − capital expenditure, current period.", needs: "needs operating cash flow and capital expenditure", pick: m.fcf }),
  fraction({ name: "fcf_margin", label: "FCF margin", group: "cash_flow", description: "Free cash flow / revenue.", needs: "needs free cash flow and revenue above 0", pick: m.fcfMargin }),
  fraction({ name: "fcf_yield", label: "FCF yield", group: "cash_flow", description: "Free cash flow / total market cap.", needs: "needs free cash flow and a market cap", pick: m.fcfYield }),
  multiple({
    name: "fcf_to_net_income",
    label: "FCF / net income (capped)",
    group: "cash_flow",
    description: `Cash conversion: free cash flow / net income, capped to [${m.FCF_CONVERSION_CAP.min}, ${m.FCF_CONVERSION_CAP.max}]; empty where net income ≤ 0, where the ratio means nothing.`,
    needs: "needs free cash flow and net income above 0",
    pick: m.fcfConversion,
  }),
  fraction({
    name: "fcf_improvement",
    label: "FCF improvement / assets",
    group: "cash_flow",
    description: "(Current free cash flow − prior-year free cash flow) / total assets; the prior year is the fiscal year ending nearest to one year before the current period's end.",
    needs: "needs free cash flow of the current period and of the prior year, and total assets",
    pick: m.fcfImprovement,
  }),
  count({
    name: "positive_fcf_years",
    label: "Positive-FCF years (of 5)",
    group: "cash_flow",
    description: "How many of the last five fiscal years had free cash flow above 0 (needs at least three years with free cash flow).",
    needs: "needs at least three fiscal years of free cash flow",
    pick: m.positiveFcfYears,
  }),

  // ── Balance sheet ───────────────────────────────────────────────────────────────────────────────────────
  reported("total_assets", "Total assets ($m)", "balance_sheet", "totalAssets", "Total assets at the current period's end."),
  reported("cash", "Cash ($m)", "balance_sheet", "cash", "Cash and equivalents at the current period's end."),
  reported("total_debt", "Total debt ($m)", "balance_sheet", "totalDebt", "Short- and long-term debt at the current period's end."),
  reported("equity", "Book equity ($m)", "balance_sheet", "equity", "Shareholders' equity at the current period's end."),
  money({ name: "net_debt", label: "Net debt ($m)", group: "balance_sheet", description: "Total debt − cash; negative is net cash.", needs: "needs total debt and cash", pick: m.netDebt }),
  multiple({
    name: "net_debt_to_ebitda",
    label: "Net debt / EBITDA",
    group: "balance_sheet",
    description: "Net debt / EBITDA where EBITDA > 0 (empty otherwise).",
    needs: "needs net debt and EBITDA above 0",
    pick: m.netDebtToEbitda,
  }),
  multiple({
    name: "interest_coverage",
    label: "Interest coverage",
    group: "balance_sheet",
    description: "Operating income (EBIT) / interest expense, where interest expense > 0 (empty otherwise).",
    needs: "needs operating income and an interest expense above 0",
    pick: m.interestCoverage,
  }),
  multiple({ name: "current_ratio", label: "Current ratio", group: "balance_sheet", description: "Current assets / current liabilities.", needs: "needs current assets and current liabilities", pick: m.currentRatio }),
  fraction({ name: "equity_to_assets", label: "Equity / assets", group: "balance_sheet", description: "Book equity / total assets.", needs: "needs equity and total assets", pick: m.equityToAssets }),
  multiple({
    name: "altman_z",
    label: "Altman Z″",
    group: "balance_sheet",
    description: `Altman Z″ (non-manufacturer model): ${ALTMAN_WEIGHTS.x1}·X1 + ${ALTMAN_WEIGHTS.x2}·X2 + ${ALTMAN_WEIGHTS.x3}·X3 + ${ALTMAN_WEIGHTS.x4}·X4 with X1 = working capital / assets, X2 = retained earnings / assets, X3 = EBIT / assets, X4 = book equity / total liabilities.`,
    needs: "needs current assets and liabilities, retained earnings, operating income, total assets and equity (with liabilities above 0)",
    pick: (c) => altmanOf(c)?.z ?? null,
  }),
  {
    name: "altman_zone",
    label: "Altman zone",
    group: "balance_sheet",
    kind: "text",
    unit: "text",
    description: `Altman Z″ zone: safe (Z″ > ${ALTMAN_ZONES.safeAbove.toFixed(2)}), grey (${ALTMAN_ZONES.distressBelow.toFixed(2)}–${ALTMAN_ZONES.safeAbove.toFixed(2)}) or distress (Z″ < ${ALTMAN_ZONES.distressBelow.toFixed(2)}).`,
    numberFormat: FORMAT.text,
    value: (c) => {
      const a = altmanOf(c);
      return a ? success(a.zone) : fromFundamentals(c, null, "Altman Z″", "needs the inputs of Altman Z″ (see altman_z)");
    },
  },

  // ── Scores ──────────────────────────────────────────────────────────────────────────────────────────────
  {
    name: "quality_score",
    label: "Quality score",
    group: "scores",
    kind: "number",
    unit: "0–100",
    description: "Composite quality score: 100 × the weighted mean of the available pillar scores (see Methodology); QUALIS.QUALITY_SCORE.",
    numberFormat: FORMAT.score,
    liveFormula: (ref) => `QUALIS.QUALITY_SCORE(${ref})`,
    value: (c, ctx) => ctx.qualityScore(c),
  },
  ...PILLARS.map((p) => pillarField(p.id, `${p.label} pillar`)),
  count({
    name: "piotroski_f_score",
    label: "Piotroski F-score",
    group: "scores",
    description: "Piotroski (2000) F-score, 0–9: how many of nine accounting signals hold over the last two fiscal years (see Methodology).",
    needs: "needs at least two consecutive fiscal years",
    pick: (c) => piotroski(c)?.score ?? null,
  }),
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
