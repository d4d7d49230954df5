// Range in, same shape out: every per-company function maps a ticker matrix cell by cell. A blank cell gives a
// blank; a failure stays in its own cell and the rest of the array still fills.
import type { Outcome } from "../model/outcome";
import { excelError } from "./excel-errors";

export type CellValue = string | number | boolean | CustomFunctions.Error;

/** A cell's ticker text, or null for a blank cell. Numbers and booleans are read as text (an unknown ticker). */
export function tickerText(cell: unknown): string | null {
  if (cell === null || cell === undefined) return null;
  const text = String(cell).trim();
  return text === "" ? null : text;
}

export function mapTickers<T extends string | number | boolean>(
  tickers: unknown[][],
  lookup: (ticker: string) => Outcome<T>,
): CellValue[][] {
  return tickers.map((row) =>
    row.map((cell) => {
      const ticker = tickerText(cell);
      if (ticker === null) return "";
      const out = lookup(ticker);
      return out.ok ? out.value : excelError(out);
    }),
  );
}
