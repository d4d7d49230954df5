// What the graduation probability does not know (docs/methodology.md, "Graduation probability"): besides the price
// move to rank day, the error of an estimated market cap and of the band. With m = ln(cap/U) − σ²τ/2,
//   ln(true cap / U) on rank day = m + N(0, S²) + E,   S² = s_cap² + s_band² + σ²τ,
// where E ≥ 0 is the one-sided gap between a float-adjusted cap (estimated from a fund weight) and the total cap
// FTSE Russell ranks on: exponential with mean λ (0 where the cap is known: price × SEC shares). The sum of a normal
// and an exponential is an exponentially modified normal (EMG), whose tail is closed-form:
//   P = Φ(m/S) + exp(m/λ + S²/(2λ²)) Φ(−m/S − S/λ).
// The parameters of an estimated cap and the dated default band are fitted on the June 2025 reconstitution by
// scripts/fit-graduation.js (which prints them); the band spreads are priors (see the docs).
import { normalCdf, normalPdf } from "./normal";

/** Fitted on June 2025 (scripts/fit-graduation.js prints 0.1980): normal part of ln(total cap / estimated cap). */
export const ESTIMATED_CAP_SPREAD = 0.198;
/** Fitted on June 2025 (0.2398): mean of the one-sided (exponential) part — float-adjusted caps understate totals. */
export const ESTIMATED_CAP_SKEW = 0.24;
/**
 * Fitted on June 2025 (0.4574): the upper band as a weight in the Russell 2000 fund, percent. The dated default band
 * is this share of the Russell 2000's total cap, so it sits on the same footing as caps estimated from weights.
 */
export const DEFAULT_BAND_WEIGHT = 0.4574;
/** Prior: the log error of a band computed from holdings caps on one footing (the index totals' error). */
export const COMPUTED_BAND_SPREAD = 0.05;
/** Prior: the log error of the dated default band when no Russell 1000 holdings are given. */
export const DEFAULT_BAND_SPREAD = 0.1;

export interface Spread {
  /** Normal part of the cap's error (log units); 0 where the cap is known. */
  cap: number;
  /** Mean of the one-sided part of the cap's error; 0 where the cap is known. */
  skew: number;
  /** The band's error (log units). */
  band: number;
  /** The price move to rank day, σ√τ. */
  move: number;
  /** √(cap² + band² + move²). */
  total: number;
}

export function spreadOf(capEstimated: boolean, bandSpread: number, sigma: number, years: number): Spread {
  const cap = capEstimated ? ESTIMATED_CAP_SPREAD : 0;
  const move = sigma * Math.sqrt(Math.max(0, years));
  return {
    cap,
    skew: capEstimated ? ESTIMATED_CAP_SKEW : 0,
    band: bandSpread,
    move,
    total: Math.sqrt(cap * cap + bandSpread * bandSpread + move * move),
  };
}

/** Φ(−t)/φ(t) (Mills' ratio) for t ≥ 0; the asymptotic series where both underflow. */
function millsRatio(t: number): number {
  if (t < 30) return normalCdf(-t) / normalPdf(t);
  const t2 = t * t;
  return (1 / t) * (1 - 1 / t2 + 3 / (t2 * t2));
}

/**
 * P(m + N(0, s²) + E > 0), E exponential with mean `skew` (none where skew is 0). s = 0 and skew = 0: the answer is
 * known, 1 above the band and 0 at or below it.
 */
export function probAboveEmg(m: number, s: number, skew: number): number {
  if (skew <= 0) return s > 0 ? normalCdf(m / s) : m > 0 ? 1 : 0;
  const k = 1 / skew;
  if (s <= 0) return m > 0 ? 1 : Math.exp(k * m); // P(E > −m)
  const t = m / s + k * s;
  // exp(k·m + k²s²/2)·Φ(−t), written so that neither factor overflows: for t ≥ 0 it equals φ(m/s)·Φ(−t)/φ(t).
  const tail = t < 0 ? Math.exp(k * m + (k * k * s * s) / 2) * normalCdf(-t) : normalPdf(m / s) * millsRatio(t);
  return Math.min(1, Math.max(0, normalCdf(m / s) + tail));
}
