// The graduation probability (docs/methodology.md): the chance that a Russell 2000 member's total market cap is above the
// index's upper band U on a coming rank day, so that it moves into the Russell 1000.
//
// Model: X = ln(cap on rank day / U) is ln(cap/U) − σ²τ/2 plus a normal error of variance s_cap² + s_band² + σ²τ
// (the price move to rank day, the error of an estimated cap and of the band) and, for a cap estimated from fund
// weights, a one-sided exponential part (float-adjusted caps understate total caps): an exponentially modified
// normal (graduation-spread.ts). σ is the company's volatility, else the prior by sector and size
// (volatility-prior.ts); τ the years (ACT/365.25) to the next rank day, 0 once it has passed — then only the errors
// of cap and band remain, so no answer is exactly 0 or 1 unless those are known exactly.
// For N reconstitutions: the probability that the same walk is above 0 on ANY of the next N rank days (not
// 1 − Π(1 − pᵢ), which would treat the dates as independent), by sequential quadrature (probAboveOnAny below).
// The band is held at today's U for every rank day.
import { probAboveEmg, spreadOf, type Spread } from "./graduation-spread";
import { normalCdf, normalPdf } from "./normal";
import { failure, success, type Outcome } from "./outcome";
import { priorVolatility } from "./volatility-prior";
import { dayNumber } from "./periods";
import { pendingReconstitutions, type Reconstitution } from "./reconstitution";
import type { Company, Universe } from "./types";

/** Volatility is taken as at least this (0.1% a year): a smaller σ underflows the quadrature's grid. */
export const MIN_VOLATILITY = 0.001;
export const MAX_RECONSTITUTIONS = 4;
export const DAYS_PER_YEAR = 365.25;

const { sqrt, max, min, ceil, floor } = Math;

/** Standard deviations beyond which a density or a future move is treated as nil. */
const TAIL_SD = 10;
/** Grid points per standard deviation of the narrowest Gaussian a step integrates. */
const POINTS_PER_SD = 16;
const MAX_INTERVALS = 4000;

/** Nodes x_i = −q_i·h (ascending x) with quadrature weights w_i. */
interface Grid {
  h: number;
  q: number[];
  w: number[];
}

/**
 * P(X(t_k) > 0 for some k) for X(0) = x0, X a Brownian motion with drift `drift` and volatility `sigma`, observed at
 * the increasing positive times `times` (years).
 *
 * Method (sequential quadrature): a first crossing at t_1 has probability Φ(μ₁/s₁). The sub-density g_k of the paths
 * still at or below 0 after t_k is carried to t_{k+1} by the Gaussian transition kernel, and a first crossing at
 * t_{k+1} has probability ∫ g_k(x) Φ((x + drift·Δ) / (σ√Δ)) dx. Every integral is composite Boole's rule on a
 * fixed grid of multiples of a spacing h_k of at most 1/16 of the narrowest Gaussian involved, over the range where
 * g_k is not nil (ten standard deviations) and from where 0 can still be reached (ten standard deviations of the
 * time left). Each grid's spacing is a whole multiple of the one before, so the kernel is tabulated once per step.
 * Deterministic: no sampling, the same inputs give the same number.
 */
export function probAboveOnAny(x0: number, drift: number, sigma: number, times: readonly number[]): number {
  const n = times.length;
  const sdOver = (dt: number) => sigma * sqrt(dt);
  const t1 = times[0]!;
  const mean1 = x0 + drift * t1;
  const sd1 = sdOver(t1);
  let p = normalCdf(mean1 / sd1);
  if (n === 1) return p;

  /** Where the "still below" density at t_k matters: [lo, hi], or null. */
  const range = (k: number): [number, number] | null => {
    const t = times[k]!;
    const mean = x0 + drift * t;
    const hi = min(0, mean + TAIL_SD * sdOver(t));
    const lo = max(mean - TAIL_SD * sdOver(t), -TAIL_SD * sdOver(times[n - 1]! - t));
    return lo < hi ? [lo, hi] : null;
  };
  /** The narrowest Gaussian the density at t_k meets: its own last step, and the step to come. */
  const narrowest = (k: number) =>
    min(sdOver(times[k]! - (k === 0 ? 0 : times[k - 1]!)), sdOver(times[k + 1]! - times[k]!));

  let r = range(0);
  if (!r) return p;
  let grid = alignedGrid(r, max(narrowest(0) / POINTS_PER_SD, (r[1] - r[0]) / MAX_INTERVALS));
  let density = grid.q.map((q) => normalPdf((-q * grid.h - mean1) / sd1) / sd1);

  for (let k = 1; k < n; k++) {
    const s = sdOver(times[k]! - times[k - 1]!);
    const shift = drift * (times[k]! - times[k - 1]!);
    // A first crossing at t_{k+1}.
    for (let i = 0; i < grid.q.length; i++)
      p += grid.w[i]! * density[i]! * normalCdf((-grid.q[i]! * grid.h + shift) / s);
    if (k === n - 1) break;
    r = range(k);
    if (!r) break;
    // Carry the "still below" density to t_{k+1}, on a grid whose spacing is m × the current one.
    const h = grid.h;
    const m = max(1, floor(narrowest(k) / POINTS_PER_SD / h), ceil((r[1] - r[0]) / MAX_INTERVALS / h));
    const next = alignedGrid(r, m * h);
    // y_j − x_i = (q_i − m·q'_j)·h = d·h: the kernel φ((d·h − shift)/s)/s tabulated over the d that matter.
    const dMin = ceil((shift - TAIL_SD * s) / h);
    const dMax = floor((shift + TAIL_SD * s) / h);
    const kernel = new Float64Array(dMax - dMin + 1);
    for (let d = dMin; d <= dMax; d++) kernel[d - dMin] = normalPdf((d * h - shift) / s) / s;
    const weighted = grid.q.map((_, i) => grid.w[i]! * density[i]!);
    const qTop = grid.q[0]!; // q_i = qTop − i
    const carried = next.q.map((qy) => {
      let acc = 0;
      const iFrom = max(0, qTop - m * qy - dMax);
      const iTo = min(grid.q.length - 1, qTop - m * qy - dMin);
      for (let i = iFrom; i <= iTo; i++) acc += weighted[i]! * kernel[qTop - i - m * qy - dMin]!;
      return acc;
    });
    grid = next;
    density = carried;
  }
  return min(1, max(0, p));
}

/** Composite Boole's rule weights (× 2h/45): 7 at the ends, then 32, 12, 32, 14 (where panels join), …, 32, 12, 32. */
const BOOLE = [14, 32, 12, 32];

/** Nodes on multiples of h covering [lo, hi] (hi ≤ 0), a multiple of four intervals, ascending x; Boole weights. */
function alignedGrid([lo, hi]: [number, number], h: number): Grid {
  const qHi = hi >= 0 ? 0 : floor(-hi / h);
  let qLo = max(qHi + 4, ceil(-lo / h));
  qLo += (4 - ((qLo - qHi) % 4)) % 4;
  const n = qLo - qHi;
  const q: number[] = [];
  const w: number[] = [];
  for (let i = 0; i <= n; i++) {
    q.push(qLo - i);
    w.push(((i === 0 || i === n ? 7 : BOOLE[i % 4]!) * 2 * h) / 45);
  }
  return { h, q, w };
}

export interface GraduationDetail {
  probability: number;
  sigma: number;
  sigmaIsDefault: boolean;
  upperBand: number;
  /** Whether the cap is an estimate (float-adjusted, from a fund weight) rather than price × shares. */
  capEstimated: boolean;
  /** Years to the next rank day (0 where it has ranked). */
  years: number;
  /** The spreads behind the probability at the next rank day (log units). */
  spread: Spread;
  /** The reconstitutions considered, with the years to each rank day (0 where it has already ranked). */
  reconstitutions: (Reconstitution & { years: number; known: boolean })[];
}

export function parseReconstitutions(raw: unknown): Outcome<number> {
  if (raw === undefined || raw === null || raw === "") return success(1);
  const n = typeof raw === "number" ? raw : Number(String(raw).trim());
  if (!Number.isInteger(n) || n < 1 || n > MAX_RECONSTITUTIONS) {
    return failure(
      "invalid_argument",
      `reconstitutions must be a whole number from 1 to ${MAX_RECONSTITUTIONS} (got '${String(raw)}')`,
    );
  }
  return success(n);
}

const MEMBERSHIP_TEXT = {
  R1000: "it is in the Russell 1000",
  none: "it is in neither the Russell 1000 nor the Russell 2000",
} as const;

export function graduation(c: Company, u: Universe, reconstitutions: number): Outcome<GraduationDetail> {
  if (c.membership !== "R2000") {
    return failure(
      "not_member",
      `'${c.ticker}' is not a Russell 2000 member (${MEMBERSHIP_TEXT[c.membership]} in this snapshot): only Russell 2000 members can graduate`,
    );
  }
  if (c.marketCap === null)
    return failure(
      "insufficient_data",
      `No market cap for '${c.ticker}' in this snapshot — the graduation probability needs one`,
    );
  const asOf = u.provenance.asOf;
  const U = u.index.upperBand;
  // Without the company's own volatility: the prior by sector and size (volatility-prior.ts).
  const sigma = max(c.volatility ?? priorVolatility(c.sector, c.marketCap), MIN_VOLATILITY);
  const recons = pendingReconstitutions(u.index.calendar, asOf, reconstitutions).map((r) => {
    const years = (dayNumber(r.rankDay) - dayNumber(asOf)) / DAYS_PER_YEAR;
    return { ...r, years: max(0, years), known: years <= 0 };
  });
  const x = Math.log(c.marketCap / U);
  const bandSpread = u.index.bandSpread ?? 0;
  const estimated = c.marketCapEstimated;
  const first = recons[0];
  const years = first?.years ?? 0;
  const spread = spreadOf(estimated, bandSpread, sigma, years);
  // The next rank day: exact (an exponentially modified normal; graduation-spread.ts).
  let probability = probAboveEmg(x - (sigma * sigma * years) / 2, spread.total, spread.skew);
  // Two reconstitutions ranking on the same day (a calendar whose late month is the annual one) are one look.
  const future = [...new Set(recons.filter((r) => !r.known).map((r) => r.years))];
  if (recons.length > 1 && future.length > (first?.known ? 0 : 1)) {
    // Any of the coming rank days: the walk from today, with the errors of cap and band as a head start of
    // t0 = s²/σ² years (the same normal spread at today's date) and the cap's one-sided part by its mean and
    // variance. P(any) is at least P(the next one).
    const s2 = spread.cap ** 2 + spread.band ** 2 + spread.skew ** 2;
    const t0 = s2 / (sigma * sigma);
    const drift = (-sigma * sigma) / 2;
    const anyFuture = probAboveOnAny(
      x + spread.skew - drift * t0,
      drift,
      sigma,
      future.map((t) => t + t0),
    );
    probability = max(probability, anyFuture);
  }
  return success({
    probability,
    sigma,
    sigmaIsDefault: c.volatility === null,
    upperBand: U,
    capEstimated: estimated,
    years,
    spread,
    reconstitutions: recons,
  });
}
