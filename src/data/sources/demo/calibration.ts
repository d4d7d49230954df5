// The demo's calibration on the real index (docs/snapshot-format.md: the iShares IWM list of 10 Apr 2026, published
// Russell figures): sector shares, loss-makers by sector, gaps, market caps, and the index facts it carries.
import { type Sector, SECTORS } from "../../../model/sectors";
import type { IndexFacts } from "../../../model/types";
import { defaultIndexFacts } from "../../index-facts";
import { floor } from "./numbers";

export const DEMO_SEED = 20260425;
export const DEMO_COUNT = 2000;
export const DEMO_AS_OF = "2026-10-30";

/** Sector shares of the index (they sum to 0.99 as measured; counts are rounded to the requested total). */
export const DEMO_SECTOR_SHARES: Readonly<Record<Sector, number>> = {
  Financials: 0.21,
  "Health Care": 0.21,
  Industrials: 0.13,
  "Information Technology": 0.11,
  "Consumer Discretionary": 0.1,
  Energy: 0.05,
  "Real Estate": 0.05,
  Materials: 0.04,
  Communication: 0.04,
  "Consumer Staples": 0.03,
  Utilities: 0.02,
};

/** Share of each sector with negative net income (FY2024 as measured; the demo applies it to trailing net income). */
export const DEMO_UNPROFITABLE_RATES: Readonly<Record<Sector, number>> = {
  "Health Care": 0.78,
  "Information Technology": 0.54,
  Communication: 0.41,
  Energy: 0.34,
  "Consumer Discretionary": 0.31,
  Materials: 0.3,
  "Real Estate": 0.29,
  Financials: 0.28,
  "Consumer Staples": 0.26,
  Industrials: 0.24,
  Utilities: 0.09,
};

/** Companies without any fundamentals, without a volatility, with fewer than five fiscal years. */
export const DEMO_NO_FUNDAMENTALS_SHARE = 0.015;
export const DEMO_NO_VOLATILITY_SHARE = 0.03;
export const DEMO_SHORT_HISTORY_SHARE = 0.04;
/** Companies whose fiscal year ends in June or September rather than December. */
export const DEMO_OFF_CALENDAR_SHARE = 0.15;

/**
 * Total market caps, USD millions: log-normal (median, sigma of the logarithm) truncated to [floor, ceiling], the
 * Russell 3000's smallest member (2024) to roughly the upper band; plus a thin tail up to tailCeiling of companies
 * that have grown past the band since the last reconstitution. The tail sets how many demo members graduate at the
 * next rank day (the late-year one, a month after the demo's date): 1.25% of 2,000 = 25, between the 28 (2024) and
 * 19 (2025) annual moves and about half of June 2026's roughly doubled count — a half-year's worth at that pace.
 */
export const DEMO_MARKET_CAP = {
  floor: 150,
  ceiling: 7000,
  tailCeiling: 9500,
  tailShare: 0.0125,
  median: 850,
  sigma: 1.05,
} as const;

/** The index facts of the demo: the documented defaults (src/data/index-facts.ts), said to be the demo's. */
export const DEMO_INDEX_FACTS: Readonly<IndexFacts> = {
  ...defaultIndexFacts("Russell 2000"),
  bandSource: "Demo: published 2025 breakpoint ($4.6bn); upper band estimated",
};

export interface DemoOptions {
  seed?: number;
  count?: number;
  /** YYYY-MM-DD; the trailing twelve months end on the last quarter end at least 30 days before it. */
  asOf?: string;
}

/** Companies per sector: the calibrated shares, rounded to `count` by largest remainder (ties in SECTORS order). */
export function demoSectorCounts(count: number): Record<Sector, number> {
  const total = SECTORS.reduce((s, k) => s + DEMO_SECTOR_SHARES[k], 0);
  const raw = SECTORS.map((s) => (DEMO_SECTOR_SHARES[s] / total) * count);
  const out = {} as Record<Sector, number>;
  SECTORS.forEach((s, i) => (out[s] = floor(raw[i]!)));
  let left = count - SECTORS.reduce((s, k) => s + out[k], 0);
  const order = SECTORS.map((s, i) => ({ s, rem: raw[i]! - floor(raw[i]!), i })).sort(
    (a, b) => b.rem - a.rem || a.i - b.i,
  );
  for (const { s } of order) {
    if (left <= 0) break;
    out[s] += 1;
    left -= 1;
  }
  return out;
}
