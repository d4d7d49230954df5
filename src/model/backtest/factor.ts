// A factor backtest (docs/methodology.md, "Evidence: factor backtests"): companies grouped by a field's value at the
// start date, and each group's price return to the end date. Pure: prices come in as numbers, matched here.
//
// Returns are price only (no dividends): end price ÷ start price − 1, as a fraction (0.127 = 12.7%).
// Grouping: a numeric field makes `groups` quantile groups of equal count, group 1 holding the lowest values. Names are
// sorted by value (then ticker); position i of n goes to group ⌊i·groups/n⌋ + 1, except that a run of equal values is
// never split: the whole run goes to the group its middle position falls in (so a group can end up empty, listed with
// n 0). A TRUE/FALSE field makes two groups: 1 = FALSE, 2 = TRUE.
// Spread: top group − bottom group (the highest and lowest groups that hold names), of means and of medians.
// Rank IC: Spearman's correlation of field and return, ties given the average of their ranks (TRUE/FALSE as 1/0).
export type FactorValue = number | boolean;

export interface FactorObservation {
  ticker: string;
  value: FactorValue;
  /** Price return, a fraction. */
  ret: number;
}

export interface FactorGroup {
  group: number;
  n: number;
  /** The field's range in the group (for TRUE/FALSE, 0 or 1); null for an empty group. */
  min: number | null;
  max: number | null;
  mean_return: number | null;
  median_return: number | null;
}

export interface FactorResult {
  groups: FactorGroup[];
  spread_mean: number | null;
  spread_median: number | null;
  rank_ic: number | null;
  /** Names with a return and a value: the names grouped. */
  n: number;
}

export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** 1-based ranks, ties sharing the average of the ranks they span. */
export function averageRanks(xs: readonly number[]): number[] {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]! || a - b);
  const ranks = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && xs[order[j + 1]!] === xs[order[i]!]) j++;
    for (let k = i; k <= j; k++) ranks[order[k]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return ranks;
}

function pearson(a: readonly number[], b: readonly number[]): number | null {
  const ma = mean(a)!;
  const mb = mean(b)!;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return saa === 0 || sbb === 0 ? null : sab / Math.sqrt(saa * sbb);
}

/** Spearman's rank correlation with average ranks for ties; null under 3 pairs or where either side is constant. */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new Error("spearman: the two series differ in length");
  if (x.length < 3) return null;
  return pearson(averageRanks(x), averageRanks(y));
}

const asNumber = (v: FactorValue) => (typeof v === "boolean" ? (v ? 1 : 0) : v);

/** Group numbers (1-based) for values sorted ascending, equal values kept together (see the file's comment). */
export function quantileGroups(sortedValues: readonly number[], groups: number): number[] {
  const n = sortedValues.length;
  const out = new Array<number>(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && sortedValues[j + 1] === sortedValues[i]) j++;
    const g = Math.floor((((i + j) / 2) * groups) / n) + 1;
    for (let k = i; k <= j; k++) out[k] = g;
    i = j + 1;
  }
  return out;
}

/** `binary`: a TRUE/FALSE field (two groups even where no name has a value); default: every value is TRUE/FALSE. */
export function factorBacktest(observations: readonly FactorObservation[], groups = 5, binary?: boolean): FactorResult {
  if (!Number.isInteger(groups) || groups < 2)
    throw new Error(`groups must be a whole number of at least 2 (got ${groups})`);
  const obs = observations.filter((o) => Number.isFinite(o.ret) && Number.isFinite(asNumber(o.value)));
  binary ??= obs.length > 0 && obs.every((o) => typeof o.value === "boolean");
  const sorted = [...obs].sort((a, b) => asNumber(a.value) - asNumber(b.value) || cmp(a.ticker, b.ticker));
  const values = sorted.map((o) => asNumber(o.value));
  const k = binary ? 2 : groups;
  const assigned = binary ? values.map((v) => v + 1) : quantileGroups(values, k);

  const table: FactorGroup[] = [];
  for (let g = 1; g <= k; g++) {
    const members = sorted.filter((_, i) => assigned[i] === g);
    const vs = members.map((o) => asNumber(o.value));
    const rs = members.map((o) => o.ret);
    table.push({
      group: g,
      n: members.length,
      min: vs.length ? Math.min(...vs) : null,
      max: vs.length ? Math.max(...vs) : null,
      mean_return: mean(rs),
      median_return: median(rs),
    });
  }
  const held = table.filter((g) => g.n > 0);
  const top = held[held.length - 1];
  const bottom = held[0];
  const two = held.length >= 2 && top && bottom;
  return {
    groups: table,
    spread_mean: two ? top.mean_return! - bottom.mean_return! : null,
    spread_median: two ? top.median_return! - bottom.median_return! : null,
    rank_ic: spearman(
      values,
      sorted.map((o) => o.ret),
    ),
    n: obs.length,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
