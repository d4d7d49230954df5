// The Russell facts a real snapshot carries (docs/snapshot-format.md, docs/methodology.md): the 1000/2000 breakpoint, the upper band an R2000
// member must pass to move up, and the reconstitution calendar — the documented defaults, and how they are computed
// from the market caps of a whole Russell 3000 (the R1000 and R2000 holdings together, or the IWV holdings).
import { COMPUTED_BAND_SPREAD, DEFAULT_BAND_SPREAD, DEFAULT_BAND_WEIGHT } from "../model/graduation-spread";
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

/** The Russell 2000's total cap the published breakpoint is read against (the dated default, USD millions). */
export const BREAKPOINT_TOTAL_CAP = 2_950_000;

/**
 * The dated defaults for a real snapshot without Russell 1000 holdings, on the footing of its estimated caps: the
 * upper band is the fitted band weight (June 2025, scripts/fit-graduation.js) × the Russell 2000's total cap, and the
 * breakpoint the published USD 4,600m as the same share of its total. Caps and band then scale together with the
 * total, so the probability depends on the weights alone; the band's spread is the default band's prior.
 */
export function datedDefaultIndexFacts(name: string, r2000TotalCap: number): IndexFacts {
  const upperBand = Number(((DEFAULT_BAND_WEIGHT / 100) * r2000TotalCap).toPrecision(12));
  return {
    ...defaultIndexFacts(name),
    breakpoint: Number(((DEFAULT_BREAKPOINT / BREAKPOINT_TOTAL_CAP) * r2000TotalCap).toPrecision(12)),
    upperBand,
    bandSpread: DEFAULT_BAND_SPREAD,
    bandSource:
      `Dated default: upper band = ${DEFAULT_BAND_WEIGHT}% of the Russell 2000's total cap (the band as a fund weight, fitted on the June 2025 reconstitution) ` +
      `= USD ${Math.round(upperBand).toLocaleString("en-US")}m; breakpoint = the published USD 4,600m (2025) as a share of a USD 2.95tn total; give --r1000-holdings to compute both`,
  };
}

/** A band computed from holdings caps on one footing: its spread is the computed band's prior. */
export const COMPUTED_BAND = { bandSpread: COMPUTED_BAND_SPREAD } as const;

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
