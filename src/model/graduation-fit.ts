// Fitting the estimation-error part of the graduation probability on one reconstitution (docs/methodology.md):
// the members' fund weights after rank day (τ = 0, so the price move plays no part) and who moved up. Maximum
// likelihood over the band as a fund weight u, the normal spread s and the one-sided skew λ of an estimated cap,
// with the band's own spread held at its prior:
//   P_i = EMG tail of ln(w_i/u) with spread √(s² + s_band²) and skew λ (graduation-spread.ts).
// scripts/fit-graduation.js runs it on the June 2025 files and prints the result.
import { probAboveEmg } from "./graduation-spread";

export interface FitRow {
  /** Weight in the fund, percent (any positive size measure on one footing). */
  weight: number;
  moved: boolean;
}

export interface GraduationFit {
  /** The band as a weight, percent. */
  bandWeight: number;
  capSpread: number;
  capSkew: number;
  /** Negative log-likelihood at the optimum, and with no skew (λ fixed near 0) for comparison. */
  nll: number;
  iterations: number;
}

const EPS = 1e-12;

export function negLogLikelihood(
  rows: readonly FitRow[],
  bandWeight: number,
  s: number,
  skew: number,
  bandSpread: number,
): number {
  const total = Math.sqrt(s * s + bandSpread * bandSpread);
  let nll = 0;
  for (const r of rows) {
    const p = Math.min(1 - EPS, Math.max(EPS, probAboveEmg(Math.log(r.weight / bandWeight), total, skew)));
    nll -= r.moved ? Math.log(p) : Math.log(1 - p);
  }
  return nll;
}

/** Nelder–Mead on a small smooth problem: deterministic, no library needed for three parameters. */
export function nelderMead(
  f: (x: number[]) => number,
  start: number[],
  step = 0.3,
  maxIter = 2000,
  tol = 1e-10,
): { x: number[]; value: number; iterations: number } {
  const n = start.length;
  let simplex = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))].map((x) => ({
    x,
    v: f(x),
  }));
  let it = 0;
  for (; it < maxIter; it++) {
    simplex.sort((a, b) => a.v - b.v);
    if (Math.abs(simplex[n]!.v - simplex[0]!.v) < tol) break;
    const centroid = start.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + p.x[j]!, 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n]!.x[j]! - c));
    const r = { x: along(-1), v: 0 };
    r.v = f(r.x);
    if (r.v < simplex[0]!.v) {
      const e = { x: along(-2), v: 0 };
      e.v = f(e.x);
      simplex[n] = e.v < r.v ? e : r;
    } else if (r.v < simplex[n - 1]!.v) simplex[n] = r;
    else {
      const c = { x: along(r.v < simplex[n]!.v ? -0.5 : 0.5), v: 0 };
      c.v = f(c.x);
      if (c.v < Math.min(r.v, simplex[n]!.v)) simplex[n] = c;
      else {
        const best = simplex[0]!.x;
        simplex = simplex.map((p, i) =>
          i === 0 ? p : { x: p.x.map((v, j) => best[j]! + 0.5 * (v - best[j]!)), v: 0 },
        );
        for (const p of simplex.slice(1)) p.v = f(p.x);
      }
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  return { x: simplex[0]!.x, value: simplex[0]!.v, iterations: it };
}

/** Parameters in logs (all positive); starts from the weight of the k-th largest name, k = how many moved. */
export function fitGraduation(rows: readonly FitRow[], bandSpread: number, withSkew = true): GraduationFit {
  const k = Math.max(1, rows.filter((r) => r.moved).length);
  const sorted = rows.map((r) => r.weight).sort((a, b) => b - a);
  const u0 = sorted[Math.min(sorted.length - 1, k - 1)]!;
  const f = (x: number[]) =>
    negLogLikelihood(rows, Math.exp(x[0]!), Math.exp(x[1]!), withSkew ? Math.exp(x[2]!) : 0, bandSpread);
  const start = withSkew ? [Math.log(u0), Math.log(0.2), Math.log(0.2)] : [Math.log(u0), Math.log(0.2)];
  const best = nelderMead(f, start);
  return {
    bandWeight: Math.exp(best.x[0]!),
    capSpread: Math.exp(best.x[1]!),
    capSkew: withSkew ? Math.exp(best.x[2]!) : 0,
    nll: best.value,
    iterations: best.iterations,
  };
}
