// Small numeric helpers of the demo generator. Module-local aliases: global lookups are slow inside jest's vm
// sandbox, and the generator runs them by the million.
export const { PI, abs, exp, floor, log, max, min, pow, round, sign, sin } = Math;
export const NOT_CLASSIFIED = Number.NaN;

export const clamp = (x: number, lo: number, hi: number): number => min(hi, max(lo, x));
/** Rounds to a multiple of 10^-decimals, never returning -0. */
export function roundTo(x: number, decimals: 1 | 2 | 3 | 5): number {
  const f = decimals === 1 ? 10 : decimals === 2 ? 100 : decimals === 3 ? 1000 : 100000;
  const v = round(x * f) / f;
  return v === 0 ? 0 : v;
}
export const money = (x: number): number => roundTo(x, 1);
export const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
