// Scoring a set of probabilities against what happened (docs/methodology.md, "Backtest"): ranking (AUC, precision
// at k), level (expected vs actual count, Brier score) and a calibration table. Pure: the CLI's
// `qualis backtest graduation` feeds it the graduation probabilities of a snapshot and the movers of a later file.

export interface Scored {
  p: number;
  /** true where the event happened (the company moved up). */
  moved: boolean;
}

export interface CalibrationBin {
  lo: number;
  hi: number;
  n: number;
  /** Mean probability in the bin; null where the bin is empty. */
  mean_p: number | null;
  /** Share of the bin that moved; null where the bin is empty. */
  rate: number | null;
}

export interface BacktestMetrics {
  n: number;
  /** Probability that a random mover is ranked above a random non-mover (ties count one half); null without both. */
  auc: number | null;
  k: number;
  /** Share of movers among the k highest probabilities (k = how many moved); ties at the cut shared pro rata. */
  precision_at_k: number | null;
  expected: number;
  actual: number;
  /** Mean of (p − outcome)². */
  brier: number | null;
  calibration: CalibrationBin[];
  /** Non-movers given p ≥ 0.99, and movers given p < 0.01: the confident mistakes. */
  confidentNonMovers: number;
  confidentMisses: number;
}

/** Bin edges: the tails are split finely because a confident mistake matters most there. */
export const CALIBRATION_EDGES = [0, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1] as const;

/** Mann–Whitney AUC: ranks by p (average ranks for ties). */
export function auc(rows: readonly Scored[]): number | null {
  const pos = rows.filter((r) => r.moved).length;
  const neg = rows.length - pos;
  if (pos === 0 || neg === 0) return null;
  const sorted = [...rows].sort((a, b) => a.p - b.p);
  let rankSum = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.p === sorted[i]!.p) j++;
    const avgRank = (i + j) / 2 + 1; // 1-based average rank of the tie group
    for (let m = i; m <= j; m++) if (sorted[m]!.moved) rankSum += avgRank;
    i = j + 1;
  }
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/**
 * Movers among the k highest p, divided by k. A tie group that straddles the cut contributes its movers in
 * proportion to the places it gets (the expected value under a random order of the tied names).
 */
export function precisionAtK(rows: readonly Scored[], k: number): number | null {
  if (k <= 0 || rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => b.p - a.p);
  let hits = 0;
  let taken = 0;
  for (let i = 0; i < sorted.length && taken < k;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.p === sorted[i]!.p) j++;
    const size = j - i + 1;
    const movers = sorted.slice(i, j + 1).filter((r) => r.moved).length;
    const places = Math.min(size, k - taken);
    hits += (movers * places) / size;
    taken += places;
    i = j + 1;
  }
  return hits / k;
}

export function brier(rows: readonly Scored[]): number | null {
  if (rows.length === 0) return null;
  return rows.reduce((s, r) => s + (r.p - (r.moved ? 1 : 0)) ** 2, 0) / rows.length;
}

/** Bins [lo, hi), the last one [0.99, 1] closed. */
export function calibration(rows: readonly Scored[], edges: readonly number[] = CALIBRATION_EDGES): CalibrationBin[] {
  const bins: CalibrationBin[] = [];
  for (let b = 0; b + 1 < edges.length; b++) {
    const lo = edges[b]!;
    const hi = edges[b + 1]!;
    const last = b + 2 === edges.length;
    const inBin = rows.filter((r) => r.p >= lo && (r.p < hi || (last && r.p <= hi)));
    const n = inBin.length;
    bins.push({
      lo,
      hi,
      n,
      mean_p: n === 0 ? null : inBin.reduce((s, r) => s + r.p, 0) / n,
      rate: n === 0 ? null : inBin.filter((r) => r.moved).length / n,
    });
  }
  return bins;
}

export function backtestMetrics(rows: readonly Scored[]): BacktestMetrics {
  const actual = rows.filter((r) => r.moved).length;
  return {
    n: rows.length,
    auc: auc(rows),
    k: actual,
    precision_at_k: precisionAtK(rows, actual),
    expected: rows.reduce((s, r) => s + r.p, 0),
    actual,
    brier: brier(rows),
    calibration: calibration(rows),
    confidentNonMovers: rows.filter((r) => !r.moved && r.p >= 0.99).length,
    confidentMisses: rows.filter((r) => r.moved && r.p < 0.01).length,
  };
}
