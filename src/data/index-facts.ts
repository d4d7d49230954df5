// The Russell facts a real snapshot carries (docs/snapshot-format.md, docs/methodology.md): the 1000/2000 breakpoint, the upper band an R2000
// member must pass to move up, and the reconstitution calendar — the documented defaults, and how they are computed
// from the market caps of a whole Russell 3000 (the R1000 and R2000 holdings together, or the IWV holdings).
import type { IndexFacts, ReconstitutionCalendar } from "../model/types";

/** Rank day at the end of April every year; from 2026 a second, late-year reconstitution (rank day in November). */
export const RUSSELL_CALENDAR: Readonly<ReconstitutionCalendar> = {
  annualRankMonth: 4,
  lateRankMonth: 11,
  lateFromYear: 2026,
};

/** FTSE Russell's band: ±2.5 cumulative market-cap percentile points around the breakpoint. */
export const BAND_PERCENTILE = 2.5;

/** Used when no Russell 1000 holdings are given: the published breakpoint and an upper band of that size. */
export const DEFAULT_BREAKPOINT = 4600;
export const DEFAULT_UPPER_BAND = 7000;
export const DEFAULT_BAND_SOURCE =
  "Default: breakpoint USD 4,600m, as published by FTSE Russell for the 2024 and 2025 reconstitutions; " +
  "upper band USD 7,000m, an estimate (give --r1000-holdings to compute both from the holdings)";

export function defaultIndexFacts(name: string): IndexFacts {
  return {
    name,
    breakpoint: DEFAULT_BREAKPOINT,
    upperBand: DEFAULT_UPPER_BAND,
    bandPercentile: BAND_PERCENTILE,
    bandSource: DEFAULT_BAND_SOURCE,
    calendar: { ...RUSSELL_CALENDAR },
  };
}

export interface Bands {
  breakpoint: number;
  upperBand: number;
  /** Cumulative market-cap percentile (0–100) at the breakpoint company, and where the upper band was read. */
  breakpointPercentile: number;
  upperPercentile: number;
  /** How many caps were ranked. */
  ranked: number;
}

/**
 * Breakpoint and upper band from the total market caps of the Russell 3000 (R1000 + R2000 members).
 * Caps are ranked largest first; the cumulative percentile of rank k is 100 × (sum of the k largest caps) / (sum
 * of all). The breakpoint is the cap of rank `rank` (1000), with cumulative percentile P. The upper band is the cap
 * of the first company whose cumulative percentile reaches P − band (2.5 points towards the large end): per FTSE
 * Russell's banding rule an R2000 member moves up only if its cumulative percentile is more than 2.5 points beyond
 * the breakpoint's, i.e. if its cap is above that company's. Null where fewer than `rank` caps are given.
 */
export function computeBands(caps: readonly number[], rank = 1000, band = BAND_PERCENTILE): Bands | null {
  const sorted = caps.filter((c) => Number.isFinite(c) && c > 0).sort((a, b) => b - a);
  if (sorted.length < rank) return null;
  const total = sorted.reduce((s, c) => s + c, 0);
  const cumulative: number[] = [];
  let run = 0;
  for (const c of sorted) cumulative.push((100 * (run += c)) / total);
  const breakpointPercentile = cumulative[rank - 1]!;
  const target = breakpointPercentile - band;
  const k = Math.max(
    0,
    cumulative.findIndex((p) => p >= target),
  );
  return {
    breakpoint: sorted[rank - 1]!,
    upperBand: sorted[k]!,
    breakpointPercentile,
    upperPercentile: cumulative[k]!,
    ranked: sorted.length,
  };
}
