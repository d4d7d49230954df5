// Per-company volatility from a price history (`qualis snapshot build --prices FILE`): a CSV with the columns ticker,
// date (YYYY-MM-DD) and close, any order, one row per ticker and day. The graduation probability's price-move term
// σ²τ then uses each company's own σ instead of the default (docs/methodology.md, docs/real-data.md).
import Papa from "papaparse";
import { normalizeTicker } from "../../model/tickers";

/** Fewest returns from which a volatility is estimated. */
export const MIN_RETURNS = 20;
const DAY_MS = 86_400_000;
const DAYS_PER_YEAR = 365.25;

export interface PricePoint {
  date: string;
  close: number;
}

/** Prices by normalised ticker, in date order. Throws with the line and field of the first bad row. */
export function parsePricesCsv(text: string): Map<string, PricePoint[]> {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  for (const need of ["ticker", "date", "close"])
    if (!fields.includes(need))
      throw new Error(`prices: no '${need}' column (the header must name ticker, date, close)`);
  const out = new Map<string, PricePoint[]>();
  parsed.data.forEach((row, i) => {
    const line = i + 2;
    const ticker = (row.ticker ?? "").trim();
    const date = (row.date ?? "").trim();
    const close = Number((row.close ?? "").replace(/,/g, ""));
    if (!ticker) throw new Error(`prices, line ${line}: ticker is empty`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
      throw new Error(`prices, line ${line}: date '${date}' is not YYYY-MM-DD`);
    if (!(close > 0) || !Number.isFinite(close))
      throw new Error(`prices, line ${line}: close '${row.close ?? ""}' is not a positive number`);
    const key = normalizeTicker(ticker);
    const list = out.get(key) ?? [];
    list.push({ date, close });
    out.set(key, list);
  });
  for (const list of out.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}

/**
 * Annualised volatility of a price series: √(Σ r² / Σ Δt), r the log returns between successive dates and Δt their
 * spacing in years (calendar days / 365.25) — driftless, and right for uneven spacing. Null with fewer than
 * MIN_RETURNS returns; a repeated date is dropped (the later close is kept).
 */
export function volatilityOf(series: readonly PricePoint[], minReturns = MIN_RETURNS): number | null {
  const byDate = new Map(series.map((p) => [p.date, p.close]));
  const dates = [...byDate.keys()].sort();
  let sumSq = 0;
  let years = 0;
  for (let i = 1; i < dates.length; i++) {
    const r = Math.log(byDate.get(dates[i]!)! / byDate.get(dates[i - 1]!)!);
    sumSq += r * r;
    years += (Date.parse(dates[i]!) - Date.parse(dates[i - 1]!)) / DAY_MS / DAYS_PER_YEAR;
  }
  return dates.length - 1 >= minReturns && years > 0 ? Math.sqrt(sumSq / years) : null;
}
