import { percentileRanks } from "../../src/model/percentile";

describe("percentileRanks", () => {
  test("(rank − 1) / (n − 1): lowest 0, highest 1, ties share the average rank", () => {
    // ranks 1, 2.5, 2.5, 4 → 0, 1.5/3, 1.5/3, 1
    expect(percentileRanks([10, 20, 20, 30])).toEqual([0, 0.5, 0.5, 1]);
    expect(percentileRanks([3, 1, 2])).toEqual([1, 0, 0.5]);
    // ranks 1, 2, 4, 4, 4 → 0, 0.25, 0.75 ×3
    expect(percentileRanks([1, 2, 5, 5, 5])).toEqual([0, 0.25, 0.75, 0.75, 0.75]);
  });

  test("lower is better turns the ranks round", () => {
    expect(percentileRanks([10, 20, 20, 30], "lower")).toEqual([1, 0.5, 0.5, 0]);
  });

  test("missing values are left out of the cross-section and stay missing", () => {
    expect(percentileRanks([null, 5, null, 9])).toEqual([null, 0, null, 1]);
    expect(percentileRanks([null, 5, null])).toEqual([null, 0.5, null]); // a lone value is the middle
    expect(percentileRanks([null, null])).toEqual([null, null]);
    expect(percentileRanks([Number.NaN, 1, 2])).toEqual([null, 0, 1]);
  });

  test("all tied: everyone in the middle", () => {
    expect(percentileRanks([7, 7, 7])).toEqual([0.5, 0.5, 0.5]);
  });

  test("±Infinity rank keys sort at the ends and tie with each other", () => {
    // ranks 1, 2, 3.5, 3.5 → 0, 1/3, 2.5/3, 2.5/3
    const p = percentileRanks([-Infinity, 1, Infinity, Infinity]);
    expect(p[0]).toBe(0);
    expect(p[1]).toBeCloseTo(1 / 3, 15);
    expect(p[2]).toBeCloseTo(2.5 / 3, 15);
    expect(p[3]).toBe(p[2]);
  });
});
