// The QUALIS functions, declared once: their words (what Excel shows, the help page, docs/functions.md) and their
// shapes (parameter and result types and dimensionality). functions.json is written from this
// (src/reference/functions-json.ts); src/functions/functions.ts implements each id and associates it by hand.
import { DEFAULT_PROFIT_BASIS, PROFIT_BASES, PROFIT_BASIS_TEXT } from "./profitability";
import { SECTORS } from "./sectors";
import { THEMES } from "./themes";

/** A value type of the custom-functions metadata; "any" takes whatever a cell holds. */
export type CellType = "any" | "string" | "number" | "boolean";
/** A lone value, or a range (T[][]: a 1-D array is no shape Excel knows). */
export type Dimensionality = "scalar" | "matrix";

export interface FunctionParamSpec {
  name: string;
  optional: boolean;
  /** The parameter help Excel shows while typing. */
  description: string;
  type: CellType;
  dimensionality: Dimensionality;
}

export interface FunctionSpec {
  /** The Excel name after QUALIS. — also the help anchor, in lower case. */
  id: string;
  /** What Excel shows in the function list. */
  summary: string;
  params: readonly FunctionParamSpec[];
  /** What the function returns, in words (help page, docs). */
  returns: string;
  result: { type: CellType; dimensionality: Dimensionality };
  /** Longer notes for the help page and docs/functions.md. */
  notes: readonly string[];
  examples: readonly string[];
}

const param = (name: string, type: CellType, description: string, optional = false): FunctionParamSpec => ({
  name,
  optional,
  description,
  type,
  dimensionality: "scalar",
});
const optional = (name: string, type: CellType, description: string) => param(name, type, description, true);
const MATRIX = { type: "any", dimensionality: "matrix" } as const;

const TICKERS: FunctionParamSpec = {
  name: "tickers",
  optional: false,
  description: 'A ticker (e.g. "ABCD") or a range of tickers. Blank cells give blanks.',
  type: "any",
  dimensionality: "matrix",
};

const BASES = PROFIT_BASES.map(
  (b) => `${b} (${PROFIT_BASIS_TEXT[b]}${b === DEFAULT_PROFIT_BASIS ? ", the default" : ""})`,
);
const BASIS_CHOICES = `${BASES.slice(0, -1).join(", ")}, or ${BASES[BASES.length - 1]}.`;

const RANGE_NOTE =
  "Give one ticker or a whole range: the answer has the range's shape, one call for 2,000 rows. Tickers match case- and space-insensitively, share classes alike (BRK.B = BRK-B = BRK B). An unknown ticker is #N/A in its own cell; the rest still fills.";

export const FUNCTION_SPECS = [
  {
    id: "QUALITY_SCORE",
    summary:
      "Composite quality score, 0–100, for each ticker: the weighted mean of five pillars (profitability, cash generation, balance sheet, stability, Piotroski F-score), ranked across the universe.",
    params: [TICKERS],
    returns: "A score from 0 to 100 for each ticker, in the shape of the range given.",
    result: MATRIX,
    notes: [
      RANGE_NOTE,
      "Financials and real estate are scored on their own path (return on equity, return on assets, equity / assets, earnings stability) and ranked among their own group.",
      'A company with fewer than three pillars of data (a financial or real-estate company: two of its three) gives #N/A "insufficient data"; QUALIS.SCORE_BREAKDOWN shows what is missing.',
    ],
    examples: ["=QUALIS.QUALITY_SCORE(A2)", "=QUALIS.QUALITY_SCORE(A2:A2001)"],
  },
  {
    id: "IS_PROFITABLE",
    summary: "Whether each company is profitable: TRUE or FALSE per ticker, in the shape of the range given.",
    params: [TICKERS, optional("basis", "string", BASIS_CHOICES)],
    returns: "TRUE/FALSE for each ticker.",
    result: MATRIX,
    notes: [RANGE_NOTE, "A missing input is #N/A, never FALSE. A basis other than the four is #VALUE!."],
    examples: ["=QUALIS.IS_PROFITABLE(A2:A2001)", '=QUALIS.IS_PROFITABLE(A2, "fcf")'],
  },
  {
    id: "GRADUATION_PROB",
    summary:
      "Probability (0–1) that each Russell 2000 member moves up into the Russell 1000 at the next reconstitution, or at any of the next N.",
    params: [
      TICKERS,
      optional(
        "reconstitutions",
        "number",
        "How many coming reconstitutions to consider, 1 (default) to 4: the probability of being above the upper band on any of their rank days.",
      ),
    ],
    returns: "A probability from 0 to 1 for each ticker.",
    result: MATRIX,
    notes: [
      RANGE_NOTE,
      "Between a rank day and its effective date the answer is 0 or 1 from the snapshot's market caps. A company that is not a Russell 2000 member is #N/A.",
      "Works on holdings-only snapshots too: it needs only market caps (and volatility, with a documented default).",
    ],
    examples: ["=QUALIS.GRADUATION_PROB(A2:A2001)", "=QUALIS.GRADUATION_PROB(A2, 2)"],
  },
  {
    id: "FIELD",
    summary:
      "Any field of the catalogue for each ticker: market cap, FCF margin, net debt / EBITDA, sector, themes, … (see QUALIS.FIELDS()).",
    params: [
      TICKERS,
      param(
        "field",
        "string",
        'The field\'s name, e.g. "market_cap", "fcf_margin" or "sector"; QUALIS.FIELDS() lists them all.',
      ),
    ],
    returns: "The field's value for each ticker.",
    result: MATRIX,
    notes: [
      RANGE_NOTE,
      "Fractions come as fractions (0.123): format the cells as percentages. An unknown field name is #VALUE!.",
    ],
    examples: ['=QUALIS.FIELD(A2:A2001, "market_cap")', '=QUALIS.FIELD(A2, "altman_zone")'],
  },
  {
    id: "FIELDS",
    summary:
      "The field catalogue as a table: the name, label, unit and description of every field QUALIS.FIELD accepts.",
    params: [],
    returns: "A table with a header row and one row per field.",
    result: { type: "string", dimensionality: "matrix" },
    notes: ["Spills; put it where there is room below and to the right."],
    examples: ["=QUALIS.FIELDS()"],
  },
  {
    id: "SCORE_BREAKDOWN",
    summary:
      "The pillar scores and the metric values behind one company's quality score, as a two-column table of label and value.",
    params: [param("ticker", "any", 'One ticker, e.g. "ABCD".')],
    returns:
      "Rows of label and value: the score, each pillar, each metric with its percentile, the Piotroski signals and the Altman Z″ components.",
    result: MATRIX,
    notes: [
      "Pillar scores and the quality score are 0–100; metric values are as QUALIS.FIELD gives them; percentiles are 0–1 with the direction applied (1 is best). Every number can be recomputed from the rows above it.",
    ],
    examples: ['=QUALIS.SCORE_BREAKDOWN("ABCD")'],
  },
  {
    id: "CONSTITUENTS",
    summary: "The universe's tickers as a column, optionally filtered by theme, sector and profitability.",
    params: [
      optional(
        "theme",
        "string",
        'A theme by id or label, e.g. "electrification"; several comma-separated match any. Blank: no theme filter.',
      ),
      optional(
        "sector",
        "string",
        'A GICS sector, e.g. "Industrials"; several comma-separated match any. Blank: no sector filter.',
      ),
      optional(
        "profitable",
        "any",
        `TRUE for profitable companies only (${PROFIT_BASIS_TEXT[DEFAULT_PROFIT_BASIS]}), or a basis: ${PROFIT_BASES.join(", ")}. Blank or FALSE: no filter.`,
      ),
    ],
    returns: "The matching tickers, sorted, as a column.",
    result: MATRIX,
    notes: [
      "Text is matched case-insensitively. A theme or sector that does not exist is #VALUE! with the list of valid ones; no match at all is #N/A.",
      `Themes: ${THEMES.map((t) => `${t.id} (${t.label})`).join(", ")}. Sectors: ${SECTORS.join(", ")}.`,
    ],
    examples: [
      "=QUALIS.CONSTITUENTS()",
      '=QUALIS.CONSTITUENTS("electrification", "Industrials", TRUE)',
      '=QUALIS.CONSTITUENTS("defence, automation", , "fcf")',
    ],
  },
  {
    id: "AS_OF",
    summary:
      'The loaded snapshot\'s date and source, e.g. "2026-10-30 · DEMO (fictional companies)". Says so when the last refresh failed and older data is in use.',
    params: [],
    returns: "The as-of date and source of the data in use.",
    result: { type: "string", dimensionality: "scalar" },
    notes: ["Put it beside any table you share: every number is as of this date."],
    examples: ["=QUALIS.AS_OF()"],
  },
  {
    id: "UNPROFITABLE_SHARE",
    summary: "The share (0–1) of the universe that is unprofitable, among the companies whose profitability is known.",
    params: [optional("basis", "string", BASIS_CHOICES)],
    returns: "A fraction from 0 to 1.",
    result: { type: "number", dimensionality: "scalar" },
    notes: ["About 40% of the Russell 2000 lose money on trailing net income."],
    examples: ["=QUALIS.UNPROFITABLE_SHARE()", '=QUALIS.UNPROFITABLE_SHARE("fcf")'],
  },
] as const satisfies readonly FunctionSpec[];

/** The id of each QUALIS function. */
export type FunctionId = (typeof FUNCTION_SPECS)[number]["id"];

export const HELP_PAGE = "help.html";

export function helpAnchor(id: string): string {
  return id.toLowerCase();
}
