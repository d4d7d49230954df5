// The Excel entry points (namespace QUALIS). Thin by design: parse arguments, ask the model's engine, map failures
// to typed Excel errors. What each function is called, says and takes is declared once, in FUNCTION_SPECS
// (src/model/function-specs.ts), from which functions.json is written; QUALIS_FUNCTIONS below associates each id
// with its implementation, and the compiler refuses a table that misses one.
import { FIELD_CATALOGUE, findField, unknownField, type FieldDef } from "../model/catalogue";
import type { FunctionId } from "../model/function-specs";
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

export async function qualityScore(tickers: any[][]): Promise<any[][]> {
  return answerTickers(tickers, qualityOf, null);
}

export async function isProfitable(tickers: any[][], basis?: string): Promise<any[][]> {
  const b = parseProfitBasis(basis);
  if (!b.ok) return [[excelError(b)]];
  return answerTickers(tickers, profitableOf, b.value);
}

export async function graduationProb(tickers: any[][], reconstitutions?: number): Promise<any[][]> {
  const n = parseReconstitutions(reconstitutions);
  if (!n.ok) return [[excelError(n)]];
  return answerTickers(tickers, graduationOf, n.value);
}

export async function fieldValue(tickers: any[][], field: string): Promise<any[][]> {
  const def = findField(String(field ?? ""));
  if (!def) return [[excelError(unknownField(String(field ?? "")))]];
  return answerTickers(tickers, fieldOf, def);
}

export function fields(): string[][] {
  return [
    ["name", "label", "unit", "description"],
    ...FIELD_CATALOGUE.map((f) => [f.name, f.label, f.unit, f.description]),
  ];
}

export async function scoreBreakdown(ticker: any): Promise<any[][]> {
  const text = tickerText(Array.isArray(ticker) ? ticker[0]?.[0] : ticker);
  if (text === null)
    return [[excelError(failure("invalid_argument", 'Give one ticker, e.g. =QUALIS.SCORE_BREAKDOWN("ABCD")'))]];
  const e = await currentEngine();
  if (!e.ok) return [[excelError(e)]];
  const rows = e.engine.breakdown(text);
  return rows.ok ? rows.value : [[excelError(rows)]];
}

export async function constituents(theme?: string, sector?: string, profitable?: any): Promise<any[][]> {
  const criteria = constituentsCriteria(theme, sector, profitable);
  if (!criteria.ok) return [[excelError(criteria)]];
  const e = await currentEngine();
  if (!e.ok) return [[excelError(e)]];
  const tickers = e.engine.screen(criteria.value).map((c) => [c.ticker]);
  return tickers.length > 0
    ? tickers
    : [[excelError(failure("insufficient_data", "No constituent matches these filters"))]];
}

export async function asOf(): Promise<string> {
  const e = await currentEngine();
  if (!e.ok) throw excelError(e);
  return asOfText(e.loaded, getStore().lastFailure);
}

export async function unprofitableShare(basis?: string): Promise<number> {
  const b = parseProfitBasis(basis);
  if (!b.ok) throw excelError(b);
  const e = await currentEngine();
  if (!e.ok) throw excelError(e);
  const share = e.engine.unprofitableShare(b.value);
  if (!share.ok) throw excelError(share);
  return share.value;
}

/** Each QUALIS id and the function Excel calls for it (entry.ts associates them). */
export const QUALIS_FUNCTIONS: Readonly<Record<FunctionId, (...args: any[]) => unknown>> = {
  QUALITY_SCORE: qualityScore,
  IS_PROFITABLE: isProfitable,
  GRADUATION_PROB: graduationProb,
  FIELD: fieldValue,
  FIELDS: fields,
  SCORE_BREAKDOWN: scoreBreakdown,
  CONSTITUENTS: constituents,
  AS_OF: asOf,
  UNPROFITABLE_SHARE: unprofitableShare,
};

/** Registers every QUALIS function with the runtime, by its id. */
export function associateFunctions(): void {
  for (const [id, fn] of Object.entries(QUALIS_FUNCTIONS)) CustomFunctions.associate(id, fn);
}
