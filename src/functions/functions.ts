// The Excel entry points (namespace QUALIS). custom-functions-metadata reads the JSDoc below into functions.json:
// only `function` declarations are seen, and matrix shapes must be written as T[][] (DESIGN.md §8).
// Thin by design: parse arguments, ask the model's engine, map failures to typed Excel errors.
import { parseProfitBasis } from "../model/profitability";
import { asOfText } from "../data/universe-status";
import { mapTickers, type CellValue } from "./cells";
import { excelError } from "./excel-errors";
import { currentEngine, getStore } from "./universe-runtime";

/**
 * The loaded snapshot's date and source, e.g. "2026-10-30 · DEMO (fictional companies)". Says so when the last refresh failed and older data is in use.
 * @customfunction AS_OF
 * @helpurl https://localhost:3000/help.html#as_of
 * @returns The as-of date and source of the data in use.
 */
export async function asOf(): Promise<string> {
  const e = await currentEngine();
  if (!e.ok) throw e.error;
  return asOfText(e.loaded, getStore().lastFailure);
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
  const e = await currentEngine();
  if (!e.ok) return [[e.error]];
  const engine = e.engine;
  return mapTickers(tickers, (t) => engine.isProfitable(t, b.value)) satisfies CellValue[][];
}
