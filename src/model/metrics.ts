// Per-company metrics: each one formula, written once, read by the field catalogue, the quality score and
// SCORE_BREAKDOWN. Every function answers null where an input is missing or the ratio is not meaningful (a zero or
// negative denominator) — never 0 in place of "unknown". Money in USD millions; ratios as fractions (0.123).
import { freeCashFlow, type Fundamentals } from "./fundamentals";
import { currentPeriod, priorYear } from "./periods";
import type { Company } from "./types";

type V = number | null;

/** The current period's values (trailing twelve months, else the last fiscal year). */
export function current(c: Company): Fundamentals | null {
  return currentPeriod(c)?.values ?? null;
}

/** a / b where both are known and b > 0; otherwise null. */
export function ratio(a: V, b: V): V {
  return a === null || b === null || !(b > 0) ? null : a / b;
}

const cur = (c: Company, f: keyof Fundamentals): V => current(c)?.[f] ?? null;

// ── Levels ────────────────────────────────────────────────────────────────────────────────────────────────

export const fcf = (c: Company): V => freeCashFlow(current(c));

export function netDebt(c: Company): V {
  const v = current(c);
  return v && v.totalDebt !== null && v.cash !== null ? v.totalDebt - v.cash : null;
}

// ── Profitability ─────────────────────────────────────────────────────────────────────────────────────────

export const grossMargin = (c: Company): V => ratio(cur(c, "grossProfit"), cur(c, "revenue"));
export const operatingMargin = (c: Company): V => ratio(cur(c, "operatingIncome"), cur(c, "revenue"));
export const netMargin = (c: Company): V => ratio(cur(c, "netIncome"), cur(c, "revenue"));
/** Return on assets: net income / total assets at the period's end. */
export const roa = (c: Company): V => ratio(cur(c, "netIncome"), cur(c, "totalAssets"));
/** Return on equity: net income / book equity at the period's end (null where equity ≤ 0). */
export const roe = (c: Company): V => ratio(cur(c, "netIncome"), cur(c, "equity"));
/** Gross profitability (Novy-Marx 2013): gross profit / total assets. */
export const grossProfitToAssets = (c: Company): V => ratio(cur(c, "grossProfit"), cur(c, "totalAssets"));

/** Fiscal years a stability measure needs at the least. */
export const MIN_STABILITY_YEARS = 3;

/** Sample standard deviation (n − 1) of annual ROA (net income / year-end total assets) over the fiscal years. */
export function roaStdev(c: Company): V {
  const xs: number[] = [];
  for (const y of c.years) {
    const r = ratio(y.values.netIncome, y.values.totalAssets);
    if (r !== null) xs.push(r);
  }
  return sampleStdev(xs, MIN_STABILITY_YEARS);
}

export function sampleStdev(xs: readonly number[], minCount = 2): V {
  if (xs.length < Math.max(2, minCount)) return null;
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const ss = xs.reduce((s, x) => s + (x - mean) ** 2, 0);
  return Math.sqrt(ss / (xs.length - 1));
}

// ── Cash flow ─────────────────────────────────────────────────────────────────────────────────────────────

export const fcfMargin = (c: Company): V => ratio(fcf(c), cur(c, "revenue"));
/** FCF yield: free cash flow / total market cap. */
export const fcfYield = (c: Company): V => ratio(fcf(c), c.marketCap);

/** FCF / net income is capped to this range, and defined only where net income > 0. */
export const FCF_CONVERSION_CAP = { min: -1, max: 2 } as const;

export function fcfConversion(c: Company): V {
  const r = ratio(fcf(c), cur(c, "netIncome"));
  return r === null ? null : Math.min(FCF_CONVERSION_CAP.max, Math.max(FCF_CONVERSION_CAP.min, r));
}

/** (Current FCF − prior-year FCF) / current total assets. */
export function fcfImprovement(c: Company): V {
  const now = fcf(c);
  const before = freeCashFlow(priorYear(c)?.values);
  return now === null || before === null ? null : ratio(now - before, cur(c, "totalAssets"));
}

/** Fiscal years (of the last five) with positive free cash flow; null where fewer than three years have FCF. */
export function positiveFcfYears(c: Company): V {
  const known = c.years
    .slice(0, 5)
    .map((y) => freeCashFlow(y.values))
    .filter((x): x is number => x !== null);
  return known.length < MIN_STABILITY_YEARS ? null : known.filter((x) => x > 0).length;
}

// ── Balance sheet ─────────────────────────────────────────────────────────────────────────────────────────

/** Net debt / EBITDA where EBITDA > 0 (the ratio means nothing otherwise). */
export const netDebtToEbitda = (c: Company): V => ratio(netDebt(c), cur(c, "ebitda"));

/**
 * The ranking key of net debt / EBITDA (lower is better): net cash (net debt ≤ 0) ranks best whatever EBITDA is,
 * then the ratio, then net debt with EBITDA ≤ 0 worst.
 */
export function leverageRankKey(c: Company): V {
  const nd = netDebt(c);
  if (nd === null) return null;
  if (nd <= 0) return -Infinity;
  const ebitda = cur(c, "ebitda");
  if (ebitda === null) return null;
  return ebitda > 0 ? nd / ebitda : Infinity;
}

/** Interest coverage: operating income (EBIT) / interest expense, where interest expense > 0. */
export const interestCoverage = (c: Company): V => ratio(cur(c, "operatingIncome"), cur(c, "interestExpense"));

/** The ranking key of interest coverage (higher is better): no interest expense at all ranks best. */
export function coverageRankKey(c: Company): V {
  const interest = cur(c, "interestExpense");
  const ebit = cur(c, "operatingIncome");
  if (interest === null || ebit === null) return null;
  return interest > 0 ? ebit / interest : interest === 0 ? Infinity : null;
}

export const currentRatio = (c: Company): V => ratio(cur(c, "currentAssets"), cur(c, "currentLiabilities"));
export const equityToAssets = (c: Company): V => ratio(cur(c, "equity"), cur(c, "totalAssets"));
