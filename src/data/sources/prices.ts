// Per-company volatility from a price history (`qualis snapshot build --prices FILE`): a CSV with the columns ticker,
// date (YYYY-MM-DD) and close, any order, one row per ticker and day. The graduation probability's price-move term
// σ²τ then uses each company's own σ instead of the default (docs/methodology.md, docs/real-data.md).
import Papa from "papaparse";
import { normalizeTicker } from "../../model/tickers";
import type { ParsedHoldings } from "./holdings/parse-holdings";

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

/** Fewest returns from earlier holdings exports (`--history`): few files give few returns, so two will do. */
export const MIN_HISTORY_RETURNS = 2;
/** A fund's share count of one company moving more than this factor between exports is taken for a split. */
const SPLIT_FACTOR = 1.5;

export interface HoldingsPrices {
  asOf: string;
  /** Price and the fund's quantity, by normalised ticker. */
  prices: Map<string, { price: number; quantity: number | null }>;
}

/**
 * Volatility from the prices of one fund's holdings exports of different dates (`--history`): the same estimator
 * over the returns between successive exports. A return across a split (the fund's quantity of the company moving
 * by more than 1.5×, as the price moves the other way) is left out rather than read as a crash or a jump.
 */
export function volatilityFromHoldings(dated: readonly HoldingsPrices[], minReturns = MIN_HISTORY_RETURNS) {
  const sorted = [...dated].sort((a, b) => (a.asOf < b.asOf ? -1 : 1));
  const acc = new Map<string, { sumSq: number; years: number; n: number }>();
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    const dt = (Date.parse(cur.asOf) - Date.parse(prev.asOf)) / DAY_MS / DAYS_PER_YEAR;
    if (!(dt > 0)) continue;
    for (const [ticker, now] of cur.prices) {
      const was = prev.prices.get(ticker);
      if (!was) continue;
      if (now.quantity && was.quantity) {
        const q = now.quantity / was.quantity;
        if (q > SPLIT_FACTOR || q < 1 / SPLIT_FACTOR) continue;
      }
      const r = Math.log(now.price / was.price);
      const a = acc.get(ticker) ?? { sumSq: 0, years: 0, n: 0 };
      a.sumSq += r * r;
      a.years += dt;
      a.n++;
      acc.set(ticker, a);
    }
  }
  const out = new Map<string, number>();
  for (const [ticker, a] of acc) if (a.n >= minReturns && a.years > 0) out.set(ticker, Math.sqrt(a.sumSq / a.years));
  return out;
}

/** The prices and quantities of one holdings export, for volatilityFromHoldings. */
export function holdingsPrices(p: ParsedHoldings): HoldingsPrices {
  const prices = new Map<string, { price: number; quantity: number | null }>();
  for (const h of p.holdings)
    if (h.price !== null) prices.set(normalizeTicker(h.ticker), { price: h.price, quantity: h.quantity });
  return { asOf: p.asOf ?? "", prices };
}
