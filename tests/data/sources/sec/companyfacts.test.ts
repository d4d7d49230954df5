import { readFileSync } from "fs";
import path from "path";
import {
  days,
  extractFundamentals,
  fiscalYearOf,
  parseCompanyFacts,
  supersedes,
  CompanyFactsError,
  type Fact,
} from "../../../../src/data/sources/sec/companyfacts";

const SEC = path.join(__dirname, "../../../fixtures/sec");
const facts = (cik: number) =>
  JSON.parse(readFileSync(path.join(SEC, "companyfacts", `CIK${String(cik).padStart(10, "0")}.json`), "utf8"));

/** A companyfacts document in the SEC's shape from a few us-gaap facts (USD unless given). */
type RawFact = Partial<Fact> & { fy?: number };
function doc(concepts: Record<string, RawFact[]>, unit = "USD", dei: Record<string, RawFact[]> = {}) {
  const wrap = (m: Record<string, RawFact[]>, u: string) =>
    Object.fromEntries(
      Object.entries(m).map(([k, list]) => [
        k,
        {
          label: k,
          description: k,
          units: { [u]: list.map((f) => ({ accn: "0000000001-25-000001", fy: 2025, fp: "FY", ...f })) },
        },
      ]),
    );
  return { cik: 1, entityName: "T", facts: { dei: wrap(dei, "shares"), "us-gaap": wrap(concepts, unit) } };
}
const fy = (start: string, end: string, val: number, filed: string, form = "10-K"): RawFact => ({
  start,
  end,
  val,
  filed,
  form,
});

describe("companyfacts: June fiscal year, 10-K/A, quarters to a TTM (ZJUN fixture)", () => {
  const r = extractFundamentals(facts(9990001));

  test("fiscal years are named by the calendar year they end in; at most five, newest first", () => {
    expect(r.years.map((y) => [y.fiscalYear, y.end])).toEqual([
      [2025, "2025-06-30"],
      [2024, "2024-06-30"],
      [2023, "2023-06-30"],
      [2022, "2022-06-30"],
      [2021, "2021-06-30"],
    ]);
  });

  test("the 10-K/A's restated revenue replaces the original 10-K's (latest filed wins)", () => {
    expect(r.years[1]!.values.revenue).toBe(121);
  });

  test("a fiscal year's values: flows over the year, balances at its end, in USD millions and millions of shares", () => {
    expect(r.years[0]!.values).toEqual({
      revenue: 130,
      grossProfit: 52,
      operatingIncome: 14,
      netIncome: 9,
      operatingCashFlow: 15,
      capex: 4,
      totalAssets: 200,
      currentAssets: 80,
      currentLiabilities: 40,
      totalDebt: 50,
      cash: 20,
      equity: 100,
      interestExpense: 2,
      ebitda: 19,
      retainedEarnings: 30,
      sharesOutstanding: 10,
    });
    expect(r.years[1]!.values.ebitda).toBe(16.5); // 12 + 4.5
  });

  test("TTM to 2025-12-31 = Q3 FY25 + Q4 FY25 (FY − 9M) + Q1 FY26 + Q2 FY26, cash flows from year-to-date figures", () => {
    expect(r.ttm!.end).toBe("2025-12-31");
    const v = r.ttm!.values;
    expect(v.revenue).toBe(32 + (130 - 96) + 35 + 36);
    expect(v.netIncome).toBe(2.5 + (9 - 6.5) + 2 + 3);
    expect(v.operatingIncome).toBe(3.5 + (14 - 10.5) + 3.6 + 3.9);
    expect(v.operatingCashFlow).toBe(10 - 6.5 + (15 - 10) + 3 + (8 - 3));
    expect(v.capex).toBeCloseTo(2.9 - 1.8 + (4 - 2.9) + 1.1 + (2.3 - 1.1), 9);
    expect(v.ebitda).toBeCloseTo(14.5 + (3.7 - 2.4) + (5 - 3.7) + 1.3 + (2.7 - 1.3), 9);
  });

  test("TTM balances are at the quarter end; a flow without its four quarters is null, not a stale year", () => {
    const v = r.ttm!.values;
    expect([
      v.totalAssets,
      v.currentAssets,
      v.currentLiabilities,
      v.totalDebt,
      v.cash,
      v.equity,
      v.retainedEarnings,
    ]).toEqual([210, 85, 42, 48, 22, 106, 35]);
    expect(v.grossProfit).toBeNull();
    expect(v.interestExpense).toBeNull();
    expect(v.sharesOutstanding).toBe(10.1);
  });

  test("current shares: the latest cover page", () => {
    expect(r.shares).toEqual({ value: 10.2, source: "dei:EntityCommonStockSharesOutstanding of 2026-02-01" });
  });
});

describe("companyfacts: other fixtures", () => {
  test("a bank with annual data only (one 10-Q quarter is no TTM): the TTM is the last fiscal year", () => {
    const r = extractFundamentals(facts(9990002));
    expect(r.ttm!.end).toBe("2024-12-31");
    expect(r.ttm!.values).toMatchObject({
      revenue: 60,
      netIncome: 15,
      interestExpense: 20,
      totalAssets: 1500,
      equity: 150,
      operatingIncome: null,
      grossProfit: null,
      ebitda: null,
    });
    expect(r.years.map((y) => y.fiscalYear)).toEqual([2024, 2023]);
  });

  test("a company without capital expenditure: capex null (never 0); revenue from the ASC 606 concept; gross profit = revenue − cost", () => {
    const r = extractFundamentals(facts(9990003));
    expect(r.ttm!.values).toMatchObject({
      capex: null,
      revenue: 40,
      grossProfit: 28,
      netIncome: -5,
      operatingCashFlow: 2,
    });
    expect(r.years[1]!.values).toMatchObject({ revenue: 30, grossProfit: 20, capex: null });
  });

  test("two share classes on the cover are summed; the latest filing's count wins", () => {
    expect(extractFundamentals(facts(9990004)).shares!.value).toBe(1.3);
  });

  test("a latest 10-K makes the TTM that fiscal year even where its quarters exist", () => {
    const r = extractFundamentals(facts(9990004));
    expect(r.ttm).toEqual({
      end: "2025-12-31",
      values: expect.objectContaining({ revenue: 400, netIncome: 20, sharesOutstanding: 1.3 }),
    });
  });

  test("no us-gaap facts: no fundamentals, shares still read", () => {
    const r = extractFundamentals(facts(9990005));
    expect(r.ttm).toBeNull();
    expect(r.years).toEqual([]);
    expect(r.shares!.value).toBe(0.65);
  });
});

describe("companyfacts rules on hand-made facts", () => {
  test("latest filed wins; on the same day an amendment wins", () => {
    const a = { form: "10-K", filed: "2025-02-20" } as Fact;
    expect(supersedes({ form: "10-Q", filed: "2025-05-01" } as Fact, a)).toBe(true);
    expect(supersedes({ form: "10-K/A", filed: "2025-02-20" } as Fact, a)).toBe(true);
    expect(
      supersedes({ form: "10-K", filed: "2025-02-20" } as Fact, { form: "10-K/A", filed: "2025-02-20" } as Fact),
    ).toBe(false);
    const r = extractFundamentals(
      doc({
        Revenues: [
          fy("2024-01-01", "2024-12-31", 100e6, "2025-02-20"),
          fy("2024-01-01", "2024-12-31", 90e6, "2025-04-01", "10-K/A"),
          fy("2024-01-01", "2024-12-31", 95e6, "2025-02-20", "10-K/A"),
        ],
      }),
    );
    expect(r.years[0]!.values.revenue).toBe(90);
  });

  test("the SEC's fy is not used: a comparative carries the filing's fy but keeps its own year", () => {
    const r = extractFundamentals(
      doc({
        NetIncomeLoss: [
          { ...fy("2023-07-01", "2024-06-30", 5e6, "2025-08-20"), fy: 2025 },
          { ...fy("2024-07-01", "2025-06-30", 7e6, "2025-08-20"), fy: 2025 },
        ],
      }),
    );
    expect(r.years.map((y) => [y.fiscalYear, y.values.netIncome])).toEqual([
      [2025, 7],
      [2024, 5],
    ]);
  });

  test("fiscal year: the calendar year of the end, a 52/53-week year ending 1–7 January counts as the year before", () => {
    expect(fiscalYearOf("2025-06-30")).toBe(2025);
    expect(fiscalYearOf("2025-12-27")).toBe(2025);
    expect(fiscalYearOf("2026-01-03")).toBe(2025);
    expect(fiscalYearOf("2026-01-31")).toBe(2026);
    expect(days("2024-01-01", "2024-12-31")).toBe(366);
  });

  test("facts from other forms (8-K, S-1) and of other lengths are not fiscal years", () => {
    const r = extractFundamentals(
      doc({
        Revenues: [
          fy("2024-01-01", "2024-12-31", 1e6, "2025-01-20", "8-K"),
          fy("2024-01-01", "2024-06-30", 1e6, "2025-02-20"),
          fy("2024-01-01", "2024-12-31", 3e6, "2025-03-20", "S-1"),
        ],
      }),
    );
    expect(r.years).toEqual([]);
    expect(r.ttm).toBeNull();
  });

  test("a filer whose statements are in another currency: money fields null, the currency reported", () => {
    const r = extractFundamentals(
      doc({ Revenues: [fy("2024-01-01", "2024-12-31", 1e6, "2025-02-20", "20-F")] }, "EUR"),
    );
    expect(r.currency).toEqual({
      statements: "EUR",
      otherFacts: [],
      taxonomies: ["us-gaap"],
    });
    expect(r.years).toEqual([]);
  });

  test("a USD filer with a few facts in CAD stays a USD filer; the CAD facts are named", () => {
    const d = doc({
      Revenues: [fy("2024-01-01", "2024-12-31", 1e6, "2025-02-20")],
      Assets: [{ end: "2024-12-31", val: 5e6, filed: "2025-02-20", form: "10-K" }],
    });
    (
      d.facts["us-gaap"] as Record<string, { units: Record<string, unknown[]> }>
    ).LineOfCreditFacilityMaximumBorrowingCapacity = {
      units: { CAD: [{ end: "2024-12-31", val: 2e9, filed: "2025-02-20", form: "10-K", accn: "a" }] },
    };
    const r = extractFundamentals(d);
    expect(r.currency.statements).toBe("USD");
    expect(r.currency.otherFacts).toEqual(["us-gaap:LineOfCreditFacilityMaximumBorrowingCapacity (CAD, 1 fact)"]);
    expect(r.years[0]!.values).toMatchObject({ revenue: 1, totalAssets: 5 });
  });

  test("sums: debt = long-term debt + short-term borrowings where reported; D&A from depreciation + amortisation", () => {
    const at = (end: string, val: number) => ({ end, val, filed: "2025-02-20", form: "10-K" });
    const r = extractFundamentals(
      doc({
        Revenues: [fy("2024-01-01", "2024-12-31", 50e6, "2025-02-20")],
        OperatingIncomeLoss: [fy("2024-01-01", "2024-12-31", 10e6, "2025-02-20")],
        Depreciation: [fy("2024-01-01", "2024-12-31", 3e6, "2025-02-20")],
        AmortizationOfIntangibleAssets: [fy("2024-01-01", "2024-12-31", 1e6, "2025-02-20")],
        LongTermDebtNoncurrent: [at("2024-12-31", 20e6)],
        LongTermDebtCurrent: [at("2024-12-31", 2e6)],
        ShortTermBorrowings: [at("2024-12-31", 1e6)],
      }),
    );
    expect(r.years[0]!.values).toMatchObject({ totalDebt: 23, ebitda: 14 });
  });

  test("malformed facts are counted and left out; a document without facts is refused", () => {
    const d = doc({
      Revenues: [
        fy("2024-01-01", "2024-12-31", 50e6, "2025-02-20"),
        { end: "2024-12-31", val: "n/a" as unknown as number, filed: "2025-02-20", form: "10-K" },
      ],
    });
    expect(parseCompanyFacts(d).malformedFacts).toBe(1);
    expect(() => parseCompanyFacts({ cik: 1 })).toThrow(CompanyFactsError);
    expect(() => parseCompanyFacts("x")).toThrow("companyfacts: not a JSON object");
  });
});
