import { averageRanks, factorBacktest, median, quantileGroups, spearman } from "../../../src/model/backtest/factor";

describe("factor backtest: groups, spreads, rank correlation", () => {
  // Values 1, 2, 2, 3, 4, 5 in three groups: A at position 0 → group 1; the tie B, C spans positions 1–2, middle 1.5,
  // ⌊1.5·3/6⌋ + 1 = 1; D at 3 → ⌊9/6⌋ + 1 = 2; E, F at 4, 5 → 3.
  const obs = [
    { ticker: "F", value: 5, ret: 0.5 },
    { ticker: "A", value: 1, ret: 0.1 },
    { ticker: "C", value: 2, ret: -0.1 },
    { ticker: "B", value: 2, ret: 0.2 },
    { ticker: "D", value: 3, ret: 0 },
    { ticker: "E", value: 4, ret: 0.3 },
  ];

  it("puts equal values in one group, the lowest values in group 1", () => {
    const r = factorBacktest(obs, 3);
    expect(r.n).toBe(6);
    expect(r.groups.map((g) => [g.group, g.n, g.min, g.max])).toEqual([
      [1, 3, 1, 2],
      [2, 1, 3, 3],
      [3, 2, 4, 5],
    ]);
    expect(r.groups[0]!.mean_return).toBeCloseTo(0.2 / 3, 12);
    expect(r.groups[0]!.median_return).toBeCloseTo(0.1, 12);
    expect(r.groups[1]!.mean_return).toBe(0);
    expect(r.groups[2]!.mean_return).toBeCloseTo(0.4, 12);
    expect(r.groups[2]!.median_return).toBeCloseTo(0.4, 12);
    expect(r.spread_mean).toBeCloseTo(0.4 - 0.2 / 3, 12);
    expect(r.spread_median).toBeCloseTo(0.3, 12);
  });

  it("Spearman with average ranks for ties", () => {
    // Value ranks A..F: 1, 2.5, 2.5, 4, 5, 6; return ranks: 3, 4, 1, 2, 5, 6. Deviations from 3.5 give
    // Σdxdy = 11, Σdx² = 17, Σdy² = 17.5.
    expect(averageRanks([1, 2, 2, 3, 4, 5])).toEqual([1, 2.5, 2.5, 4, 5, 6]);
    expect(factorBacktest(obs, 3).rank_ic).toBeCloseTo(11 / Math.sqrt(17 * 17.5), 12);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 1, 1], [3, 2, 1])).toBeNull();
    expect(spearman([1, 2], [1, 2])).toBeNull();
  });

  it("a TRUE/FALSE field makes two groups, FALSE first", () => {
    const r = factorBacktest([
      { ticker: "P", value: true, ret: 0.1 },
      { ticker: "Q", value: true, ret: 0.3 },
      { ticker: "R", value: false, ret: -0.2 },
      { ticker: "S", value: false, ret: 0 },
      { ticker: "T", value: false, ret: 0.4 },
    ]);
    expect(r.groups.map((g) => [g.group, g.n, g.min, g.max])).toEqual([
      [1, 3, 0, 0],
      [2, 2, 1, 1],
    ]);
    expect(r.groups[0]!.mean_return).toBeCloseTo(0.2 / 3, 12);
    expect(r.groups[0]!.median_return).toBe(0);
    expect(r.groups[1]!.median_return).toBeCloseTo(0.2, 12);
    expect(r.spread_mean).toBeCloseTo(0.2 - 0.2 / 3, 12);
    expect(r.spread_median).toBeCloseTo(0.2, 12);
    // x ranks P..T: 4.5, 4.5, 2, 2, 2; y ranks: 3, 4, 1, 2, 5 → Σdxdy 2.5, Σdx² 7.5, Σdy² 10.
    expect(r.rank_ic).toBeCloseTo(2.5 / Math.sqrt(75), 12);
  });

  it("a tie larger than a group leaves a group empty, listed with n 0, and the spread spans the held groups", () => {
    expect(quantileGroups([0, 0, 0, 0, 1, 2], 3)).toEqual([1, 1, 1, 1, 3, 3]);
    const r = factorBacktest(
      [0, 0, 0, 0, 1, 2].map((v, i) => ({ ticker: `T${i}`, value: v, ret: i / 10 })),
      3,
    );
    expect(r.groups[1]).toEqual({ group: 2, n: 0, min: null, max: null, mean_return: null, median_return: null });
    expect(r.spread_mean).toBeCloseTo(0.45 - 0.15, 12);
  });

  it("ten names in five groups: two each; the median of an even count is the mean of the middle two", () => {
    const r = factorBacktest(
      Array.from({ length: 10 }, (_, i) => ({ ticker: `N${i}`, value: 10 - i, ret: i })),
      5,
    );
    expect(r.groups.map((g) => g.n)).toEqual([2, 2, 2, 2, 2]);
    expect(r.groups[0]!.median_return).toBe(8.5);
    expect(r.rank_ic).toBeCloseTo(-1, 12);
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });

  it("refuses fewer than two groups", () => {
    expect(() => factorBacktest(obs, 1)).toThrow(/at least 2/);
  });
});
