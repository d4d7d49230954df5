// Cross-sectional percentile ranks: among the values present (null is left out), the percentile of the value with
// average 1-based rank r among n is (r − 1) / (n − 1) — 0 for the lowest, 1 for the highest, ties sharing the
// average of their ranks; a lone value is 0.5. "Lower is better" metrics are turned round: 1 − that.
export type Direction = "higher" | "lower";

export function percentileRanks(
  values: readonly (number | null)[],
  direction: Direction = "higher",
): (number | null)[] {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] !== null && !Number.isNaN(values[i])) present.push(i);
  const out: (number | null)[] = values.map(() => null);
  const n = present.length;
  if (n === 0) return out;
  present.sort((a, b) => cmp(values[a]!, values[b]!) || a - b);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && values[present[j + 1]!] === values[present[i]!]) j++;
    const avgRank = (i + j) / 2 + 1;
    const p = n === 1 ? 0.5 : (avgRank - 1) / (n - 1);
    for (let k = i; k <= j; k++) out[present[k]!] = direction === "higher" ? p : 1 - p;
    i = j + 1;
  }
  return out;
}

function cmp(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
