// Range in, same shape out: every per-company function maps a ticker matrix cell by cell. A blank cell gives a
// blank; a failure stays in its own cell and the rest of the array still fills.
import type { Engine } from "../model/engine";
import type { Outcome } from "../model/outcome";
import { excelError, notAvailable } from "./excel-errors";
import { currentEngine } from "./universe-runtime";

export type CellValue = string | number | boolean | CustomFunctions.Error;

/** A cell's ticker text, or null for a blank cell. Numbers and booleans are read as text (an unknown ticker). */
export function tickerText(cell: unknown): string | null {
  if (cell === null || cell === undefined) return null;
  const text = String(cell).trim();
  return text === "" ? null : text;
}

/** Excel passes a matrix; a lone value (a caller outside Excel) is read as a 1×1 range. */
function asMatrix(tickers: unknown): unknown[][] {
  if (!Array.isArray(tickers)) return [[tickers]];
  return tickers.map((row) => (Array.isArray(row) ? row : [row]));
}

export function mapTickers<T extends string | number | boolean>(
  tickers: unknown,
  lookup: (ticker: string) => Outcome<T>,
): CellValue[][] {
  return asMatrix(tickers).map((row) => row.map((cell) => answerCell(cell, lookup)));
}

/**
 * One cell's answer. Whatever goes wrong stays in its own cell as a typed error — an unexpected exception too, so
 * one bad company cannot fail a 2,000-row range — and no NaN or infinity ever reaches Excel.
 */
function answerCell<T extends string | number | boolean>(cell: unknown, lookup: (ticker: string) => Outcome<T>): CellValue {
  let ticker: string | null = null;
  try {
    ticker = tickerText(cell);
    if (ticker === null) return "";
    const out = lookup(ticker);
    if (!out.ok) return excelError(out);
    if (typeof out.value === "number" && !Number.isFinite(out.value)) return notAvailable(`No value for '${ticker}': the result is out of range`);
    return out.value;
  } catch (e) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Internal error for '${ticker ?? "?"}': ${(e as Error)?.message ?? String(e)}. Please report it.`);
  }
}

/** Waits for the universe, then answers every ticker cell from its engine; a failed argument is one error cell. */
export async function answerTickers<T extends string | number | boolean>(
  tickers: unknown,
  lookup: (engine: Engine, ticker: string) => Outcome<T>,
): Promise<CellValue[][]> {
  const e = await currentEngine();
  if (!e.ok) return [[e.error]];
  const engine = e.engine;
  return mapTickers(tickers, (t) => lookup(engine, t));
}
