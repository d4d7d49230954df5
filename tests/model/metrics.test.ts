import * as m from "../../src/model/metrics";
import { currentPeriod, priorYear } from "../../src/model/periods";
import { company, values, year } from "../support/universe-builders";

// One company, every input chosen by hand. TTM to 30 September 2026; December fiscal years.
const c = company("M", {
  marketCap: 600,
  ttm: {
    end: "2026-09-30",
    values: values({
      revenue: 200,
      grossProfit: 80,
      operatingIncome: 30,
      netIncome: 20,
      operatingCashFlow: 40,
      capex: 10,
      totalAssets: 400,
      currentAssets: 150,
      currentLiabilities: 100,
      totalDebt: 120,
      cash: 20,
      equity: 160,
      interestExpense: 6,
      ebitda: 50,
      retainedEarnings: 90,
      sharesOutstanding: 10,
    }),
  },
  years: [
    year(2025, { netIncome: 16, totalAssets: 380, operatingCashFlow: 30, capex: 12 }), // FCF 18
    year(2024, { netIncome: 12, totalAssets: 350, operatingCashFlow: 25, capex: 14 }), // FCF 11
    year(2023, { netIncome: -4, totalAssets: 330, operatingCashFlow: 8, capex: 10 }), // FCF −2
    year(2022, { netIncome: 8, totalAssets: 300, operatingCashFlow: 9, capex: 5 }), // FCF 4
  ],
});

describe("metrics on hand-chosen inputs", () => {
  test.each([
    ["grossMargin", m.grossMargin, 80 / 200],
    ["operatingMargin", m.operatingMargin, 30 / 200],
    ["netMargin", m.netMargin, 20 / 200],
    ["roa", m.roa, 0.05],
    ["roe", m.roe, 0.125],
    ["grossProfitToAssets", m.grossProfitToAssets, 0.2],
    ["fcf", m.fcf, 30],
    ["fcfMargin", m.fcfMargin, 0.15],
    ["fcfYield", m.fcfYield, 0.05],
    ["fcfConversion", m.fcfConversion, 1.5],
    ["fcfImprovement", m.fcfImprovement, (30 - 18) / 400], // prior year = FY2025
    ["positiveFcfYears", m.positiveFcfYears, 3], // 18, 11, −2, 4
    ["netDebt", m.netDebt, 100],
    ["netDebtToEbitda", m.netDebtToEbitda, 2],
    ["interestCoverage", m.interestCoverage, 5],
    ["currentRatio", m.currentRatio, 1.5],
    ["equityToAssets", m.equityToAssets, 0.4],
  ] as const)("%s", (_name, f, expected) => {
    expect(f(c)).toBeCloseTo(expected, 12);
  });

  test("ROA volatility: sample standard deviation of 16/380, 12/350, −4/330, 8/300", () => {
    expect(m.roaStdev(c)).toBeCloseTo(0.024076541960660485, 12);
    expect(m.sampleStdev([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(m.sampleStdev([1, 2], 3)).toBeNull();
  });

  test("a zero or negative denominator, or a missing input, is missing — never 0", () => {
    const z = company("Z", {
      ttm: {
        end: "2026-09-30",
        values: values({
          revenue: 0,
          netIncome: 5,
          equity: -10,
          totalAssets: 50,
          interestExpense: 0,
          operatingIncome: 3,
        }),
      },
    });
    expect(m.netMargin(z)).toBeNull(); // revenue 0
    expect(m.roe(z)).toBeNull(); // negative equity
    expect(m.interestCoverage(z)).toBeNull(); // no interest expense
    expect(m.fcf(z)).toBeNull(); // no cash flows
    expect(m.positiveFcfYears(z)).toBeNull(); // no fiscal years
    expect(m.roaStdev(z)).toBeNull();
  });

  test("FCF / net income is capped to [−1, 2] and only defined where net income > 0", () => {
    const conv = (ni: number, ocf: number) =>
      m.fcfConversion(
        company("X", {
          ttm: { end: "2026-09-30", values: values({ netIncome: ni, operatingCashFlow: ocf, capex: 0 }) },
        }),
      );
    expect(conv(1, 10)).toBe(2);
    expect(conv(1, -10)).toBe(-1);
    expect(conv(4, 3)).toBe(0.75);
    expect(conv(-4, 3)).toBeNull();
    expect(conv(0, 3)).toBeNull();
  });

  test("ranking keys: net cash best, net debt with EBITDA ≤ 0 worst; no interest expense best", () => {
    const k = (v: Parameters<typeof values>[0]) => company("K", { ttm: { end: "2026-09-30", values: values(v) } });
    expect(m.leverageRankKey(k({ totalDebt: 5, cash: 10, ebitda: -3 }))).toBe(-Infinity);
    expect(m.leverageRankKey(k({ totalDebt: 50, cash: 10, ebitda: 20 }))).toBe(2);
    expect(m.leverageRankKey(k({ totalDebt: 50, cash: 10, ebitda: 0 }))).toBe(Infinity);
    expect(m.leverageRankKey(k({ totalDebt: 50, cash: 10 }))).toBeNull();
    expect(m.coverageRankKey(k({ operatingIncome: -5, interestExpense: 0 }))).toBe(Infinity);
    expect(m.coverageRankKey(k({ operatingIncome: -6, interestExpense: 3 }))).toBe(-2);
    expect(m.coverageRankKey(k({ operatingIncome: 6 }))).toBeNull();
  });
});

describe("periods", () => {
  test("the current period is the TTM, else the last fiscal year", () => {
    expect(currentPeriod(c)?.end).toBe("2026-09-30");
    const noTtm = company("N", { years: [year(2025, { netIncome: 1, totalAssets: 10 }), year(2024, {})] });
    expect(currentPeriod(noTtm)?.end).toBe("2025-12-31");
    expect(m.roa(noTtm)).toBe(0.1);
    expect(currentPeriod(company("E"))).toBeNull();
  });

  test("the prior year is the fiscal year ending nearest to one year before the current period's end", () => {
    // TTM to 2026-09-30: FY2025 (2025-12-31) is 92 days from 2025-09-30, FY2024 273 days.
    expect(priorYear(c)?.fiscalYear).toBe(2025);
    // TTM to 2026-03-31: FY2024 (2024-12-31) is 90 days from 2025-03-31, FY2025 275 days.
    const march = company("Q", {
      ttm: { end: "2026-03-31", values: values({}) },
      years: [year(2025, {}), year(2024, {})],
    });
    expect(priorYear(march)?.fiscalYear).toBe(2024);
    // A September filer whose TTM is its fiscal year: the year before.
    const sept = company("S", {
      ttm: { end: "2026-09-30", values: values({}) },
      years: [year(2026, {}, "2026-09-30"), year(2025, {}, "2025-09-30")],
    });
    expect(priorYear(sept)?.fiscalYear).toBe(2025);
    // Without a TTM, the current period is FY2025 and the prior year FY2024.
    expect(priorYear(company("T", { years: [year(2025, {}), year(2024, {})] }))?.fiscalYear).toBe(2024);
  });
});
