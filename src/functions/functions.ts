// The Excel entry points (namespace QUALIS). custom-functions-metadata reads the JSDoc below into functions.json:
// only `function` declarations are seen, and matrix shapes must be written as T[][] (DESIGN.md §8).
// Thin by design: parse arguments, ask the model's engine, map failures to typed Excel errors.
// The descriptions are FUNCTION_SPECS' (src/model/function-specs.ts) word for word; a test holds them together.
import { FIELD_CATALOGUE, findField, unknownField, type FieldDef } from "../model/catalogue";
import type { Engine } from "../model/engine";
import { parseReconstitutions } from "../model/graduation";
import { failure } from "../model/outcome";
import { parseProfitBasis, type ProfitBasis } from "../model/profitability";
import { constituentsCriteria } from "../model/screen";
import { asOfText } from "../data/universe-status";
import { answerTickers, tickerText } from "./cells";
import { excelError } from "./excel-errors";
import { currentEngine, getStore } from "../runtime/shared-store";

// What each per-company function asks the engine for a ticker. One function each, made once: the answers cells.ts
// remembers are kept under it.
const qualityOf = (e: Engine, t: string) => e.qualityScoreOf(t);
const profitableOf = (e: Engine, t: string, basis: ProfitBasis) => e.isProfitable(t, basis);
const graduationOf = (e: Engine, t: string, reconstitutions: number) => e.graduationProbabilityOf(t, reconstitutions);
const fieldOf = (e: Engine, t: string, def: FieldDef) => e.field(t, def);

/**
 * Composite quality score, 0–100, for each ticker: the weighted mean of five pillars (profitability, cash generation, balance sheet, stability, Piotroski F-score), ranked across the universe.
 * @customfunction QUALITY_SCORE
 * @helpurl https://localhost:3000/help.html#quality_score
 * @param tickers A ticker (e.g. "ABCD") or a range of tickers. Blank cells give blanks.
 * @returns A score from 0 to 100 for each ticker, in the shape of the range given.
 */
export async function qualityScore(tickers: any[][]): Promise<any[][]> {
  return answerTickers(tickers, qualityOf, null);
}

/**
 * Whether each company is profitable: TRUE or FALSE per ticker, in the shape of the range given.
 * @customfunction IS_PROFITABLE
 * @helpurl https://localhost:3000/help.html#is_profitable
 * @param tickers A ticker (e.g. "ABCD") or a range of tickers. Blank cells give blanks.
 * @param [basis] net_income (default: trailing twelve months), operating_income, fcf (free cash flow), or consistent (net income above zero in each of the last three fiscal years).
 * @returns TRUE/FALSE for each ticker.
 */
export async function isProfitable(tickers: any[][], basis?: string): Promise<any[][]> {
  const b = parseProfitBasis(basis);
  if (!b.ok) return [[excelError(b)]];
  return answerTickers(tickers, profitableOf, b.value);
}

/**
 * Probability (0–1) that each Russell 2000 member moves up into the Russell 1000 at the next reconstitution, or at any of the next N.
 * @customfunction GRADUATION_PROB
 * @helpurl https://localhost:3000/help.html#graduation_prob
 * @param tickers A ticker (e.g. "ABCD") or a range of tickers. Blank cells give blanks.
 * @param [reconstitutions] How many coming reconstitutions to consider, 1 (default) to 4: the probability of being above the upper band on any of their rank days.
 * @returns A probability from 0 to 1 for each ticker.
 */
export async function graduationProb(tickers: any[][], reconstitutions?: number): Promise<any[][]> {
  const n = parseReconstitutions(reconstitutions);
  if (!n.ok) return [[excelError(n)]];
  return answerTickers(tickers, graduationOf, n.value);
}

/**
 * Any field of the catalogue for each ticker: market cap, FCF margin, net debt / EBITDA, sector, themes, … (see QUALIS.FIELDS()).
 * @customfunction FIELD
 * @helpurl https://localhost:3000/help.html#field
 * @param tickers A ticker (e.g. "ABCD") or a range of tickers. Blank cells give blanks.
 * @param field The field's name, e.g. "market_cap", "fcf_margin" or "sector"; QUALIS.FIELDS() lists them all.
 * @returns The field's value for each ticker.
 */
export async function fieldValue(tickers: any[][], field: string): Promise<any[][]> {
  const def = findField(String(field ?? ""));
  if (!def) return [[excelError(unknownField(String(field ?? "")))]];
  return answerTickers(tickers, fieldOf, def);
}

/**
 * The field catalogue as a table: the name, label, unit and description of every field QUALIS.FIELD accepts.
 * @customfunction FIELDS
 * @helpurl https://localhost:3000/help.html#fields
 * @returns A table with a header row and one row per field.
 */
export function fields(): string[][] {
  return [["name", "label", "unit", "description"], ...FIELD_CATALOGUE.map((f) => [f.name, f.label, f.unit, f.description])];
}

/**
 * The pillar scores and the metric values behind one company's quality score, as a two-column table of label and value.
 * @customfunction SCORE_BREAKDOWN
 * @helpurl https://localhost:3000/help.html#score_breakdown
 * @param ticker One ticker, e.g. "ABCD".
 * @returns Rows of label and value: the score, each pillar, each metric with its percentile, the Piotroski signals and the Altman Z″ components.
 */
export async function scoreBreakdown(ticker: any): Promise<any[][]> {
  const text = tickerText(Array.isArray(ticker) ? ticker[0]?.[0] : ticker);
  if (text === null) return [[excelError(failure("invalid_argument", 'Give one ticker, e.g. =QUALIS.SCORE_BREAKDOWN("ABCD")'))]];
  const e = await currentEngine();
  if (!e.ok) return [[excelError(e)]];
  const rows = e.engine.breakdown(text);
  return rows.ok ? rows.value : [[excelError(rows)]];
}

/**
 * The universe's tickers as a column, optionally filtered by theme, sector and profitability.
 * @customfunction CONSTITUENTS
 * @helpurl https://localhost:3000/help.html#constituents
 * @param [theme] A theme by id or label, e.g. "electrification"; several comma-separated match any. Blank: no theme filter.
 * @param [sector] A GICS sector, e.g. "Industrials"; several comma-separated match any. Blank: no sector filter.
 * @param [profitable] TRUE for profitable companies only (trailing net income), or a basis: net_income, operating_income, fcf, consistent. Blank or FALSE: no filter.
 * @returns The matching tickers, sorted, as a column.
 */
export async function constituents(theme?: string, sector?: string, profitable?: any): Promise<any[][]> {
  const criteria = constituentsCriteria(theme, sector, profitable);
  if (!criteria.ok) return [[excelError(criteria)]];
  const e = await currentEngine();
  if (!e.ok) return [[excelError(e)]];
  const tickers = e.engine.screen(criteria.value).map((c) => [c.ticker]);
  return tickers.length > 0 ? tickers : [[excelError(failure("insufficient_data", "No constituent matches these filters"))]];
}

/**
 * The loaded snapshot's date and source, e.g. "2026-10-30 · DEMO (fictional companies)". Says so when the last refresh failed and older data is in use.
 * @customfunction AS_OF
 * @helpurl https://localhost:3000/help.html#as_of
 * @returns The as-of date and source of the data in use.
 */
export async function asOf(): Promise<string> {
  const e = await currentEngine();
  if (!e.ok) throw excelError(e);
  return asOfText(e.loaded, getStore().lastFailure);
}

/**
 * The share (0–1) of the universe that is unprofitable, among the companies whose profitability is known.
 * @customfunction UNPROFITABLE_SHARE
 * @helpurl https://localhost:3000/help.html#unprofitable_share
 * @param [basis] net_income (default: trailing twelve months), operating_income, fcf (free cash flow), or consistent (net income above zero in each of the last three fiscal years).
 * @returns A fraction from 0 to 1.
 */
export async function unprofitableShare(basis?: string): Promise<number> {
  const b = parseProfitBasis(basis);
  if (!b.ok) throw excelError(b);
  const e = await currentEngine();
  if (!e.ok) throw excelError(e);
  const share = e.engine.unprofitableShare(b.value);
  if (!share.ok) throw excelError(share);
  return share.value;
}
