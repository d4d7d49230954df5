import { computeBands, defaultIndexFacts } from "../../src/data/index-facts";

describe("breakpoint and upper band from ranked market caps", () => {
  // Caps 40, 20, 10, 8, 7, 5, 4, 3, 2, 1 (total 100): cumulative percentiles 40, 60, 70, 78, 85, 90, 94, 97, 99, 100.
  const caps = [3, 40, 1, 20, 8, 10, 7, 5, 4, 2];

  test("the breakpoint is the cap of the given rank; the band is read 'band' points towards the large end", () => {
    // rank 6: breakpoint 5 at 90; 90 − 10 = 80 falls in the 5th company's span (78, 85]: upper band 7.
    expect(computeBands(caps, 6, 10)).toEqual({
      breakpoint: 5,
      upperBand: 7,
      breakpointPercentile: 90,
      upperPercentile: 85,
      ranked: 10,
    });
    // 90 − 12 = 78 is reached exactly by the 4th company (78): upper band 8.
    expect(computeBands(caps, 6, 12)!.upperBand).toBe(8);
  });

  test("a band narrower than the breakpoint company's own span leaves the band at the breakpoint", () => {
    // 90 − 2.5 = 87.5 lies inside the breakpoint company's span (85, 90].
    expect(computeBands(caps, 6, 2.5)).toMatchObject({ breakpoint: 5, upperBand: 5 });
  });

  test("fewer caps than the rank: no bands", () => {
    expect(computeBands(caps, 11)).toBeNull();
    expect(computeBands([], 1000)).toBeNull();
  });

  test("missing, zero and non-finite caps are not ranked", () => {
    expect(computeBands([2, 0, Number.NaN, 1, -3], 2, 10)).toMatchObject({ breakpoint: 1, ranked: 2 });
  });

  test("defaults: the published breakpoint, the estimated band, the Russell calendar", () => {
    expect(defaultIndexFacts("Russell 2000")).toEqual({
      name: "Russell 2000",
      breakpoint: 4600,
      upperBand: 7000,
      bandPercentile: 2.5,
      bandSource: expect.stringMatching(/^Default: breakpoint USD 4,600m, as published by FTSE Russell/),
      calendar: { annualRankMonth: 4, lateRankMonth: 11, lateFromYear: 2026 },
    });
  });
});
