// Real data: fundamentals built from the SEC's real companyfacts in ../shared/fixtures/sec/companyfacts, checked
// against each filer's own 10-K (USD millions; the figures and the statements they come from are written here, from
// ../shared/fixtures/README.md). Equity is attributable to the parent; total debt counts each debt line once.
import { readFileSync } from "fs";
import { extractFundamentals, type ExtractedFundamentals } from "../../src/data/sources/sec/companyfacts";
import type { FiscalYear } from "../../src/model/types";
import { fixture } from "./fixtures";

const read = (cik: string): ExtractedFundamentals =>
  extractFundamentals(JSON.parse(readFileSync(fixture(`sec/companyfacts/CIK${cik}.json`), "utf8")));

interface TenK {
  filer: string;
  cik: string;
  fiscalYear: number;
  end: string;
  /** field → [10-K figure, the statement and line it comes from] */
  figures: Record<string, [number, string]>;
}

const FILINGS: TenK[] = [
  {
    filer: "PepsiCo",
    cik: "0000077476",
    fiscalYear: 2024,
    end: "2024-12-28",
    figures: {
      revenue: [91854, "consolidated statement of income: net revenue"],
      netIncome: [9578, "statement of income: net income attributable to PepsiCo"],
      operatingCashFlow: [12507, "statement of cash flows: net cash provided by operating activities"],
      capex: [5318, "statement of cash flows: capital spending"],
      totalAssets: [99467, "balance sheet: total assets"],
      equity: [18041, "balance sheet: total PepsiCo common shareholders' equity"],
      totalDebt: [44306, "balance sheet: long-term debt obligations 37,224 + short-term debt obligations 7,082"],
    },
  },
  {
    filer: "Waste Management",
    cik: "0000823768",
    fiscalYear: 2024,
    end: "2024-12-31",
    figures: {
      revenue: [22063, "consolidated statement of operations: operating revenues"],
      netIncome: [2746, "statement of operations: net income attributable to Waste Management, Inc."],
      operatingCashFlow: [5390, "statement of cash flows: net cash provided by operating activities"],
      capex: [3231, "statement of cash flows: capital expenditures"],
      totalAssets: [44567, "balance sheet: total assets"],
      equity: [8252, "balance sheet: total Waste Management, Inc. stockholders' equity"],
      totalDebt: [23900, "balance sheet: long-term debt, less current portion 22,541 + current portion 1,359"],
    },
  },
  {
    filer: "Snowflake",
    cik: "0001640147",
    fiscalYear: 2025,
    end: "2025-01-31",
    figures: {
      revenue: [3626.4, "consolidated statement of operations: revenue"],
      netIncome: [-1285.6, "statement of operations: net loss attributable to Snowflake Inc."],
      operatingCashFlow: [959.8, "statement of cash flows: net cash provided by operating activities"],
      capex: [46.3, "statement of cash flows: purchases of property and equipment"],
      totalAssets: [9033.9, "balance sheet: total assets"],
      equity: [2999.9, "balance sheet: total Snowflake Inc. stockholders' equity"],
      totalDebt: [2271.5, "balance sheet: convertible senior notes, net"],
    },
  },
];

/** The 10-K rounds to the million (Snowflake's to a tenth of a million): the built figure must round to it. */
const decimals = (x: number) => (Number.isInteger(x) ? 0 : 1);

describe.each(FILINGS)("$filer, fiscal $fiscalYear, against its 10-K", (f) => {
  const built = read(f.cik);
  const year = built.years.find((y) => y.fiscalYear === f.fiscalYear);

  test(`fiscal ${f.fiscalYear} ends ${f.end}`, () => {
    expect(year?.end).toBe(f.end);
  });

  test.each(Object.entries(f.figures))("%s", (field, [figure]) => {
    const v = year!.values[field as keyof FiscalYear["values"]];
    expect(v).not.toBeNull();
    expect(Number(v!.toFixed(decimals(figure)))).toBe(figure);
  });

  test("USD statements; facts in other currencies are named, not the filer", () => {
    expect(built.currency.statements).toBe("USD");
    expect(built.currency.taxonomies).toContain("us-gaap");
  });
});

test("PepsiCo's few CAD, EUR and ZAR facts are named; its fields are all read in USD", () => {
  const pep = read("0000077476");
  expect(pep.currency.otherFacts).toEqual([
    "us-gaap:BusinessAcquisitionSharePrice (ZAR, 2 facts)",
    "us-gaap:LongTermDebtCurrent (CAD, 2 facts)",
    "us-gaap:LongTermDebtCurrent (EUR, 4 facts)",
  ]);
  expect(pep.debtBasis).toBe("LongTermDebtNoncurrent + DebtCurrent");
});

test("Waste Management: debt with finance leases + current portion; interest expense from its net interest line", () => {
  const wm = read("0000823768");
  expect(wm.currency.otherFacts).toEqual([
    "us-gaap:LineOfCreditFacilityMaximumBorrowingCapacity (CAD, 3 facts)",
    "us-gaap:NotionalAmountOfForeignCurrencyCashFlowHedgeDerivatives (CAD, 1 fact)",
  ]);
  const fy2024 = wm.years.find((y) => y.fiscalYear === 2024)!;
  // statement of operations, "interest expense, net": (598)
  expect(fy2024.values.interestExpense).toBe(598);
});

test("Snowflake's debt is its convertible notes; interest expense from InterestExpenseNonoperating", () => {
  const snow = read("0001640147");
  expect(snow.debtBasis).toBe("ConvertibleDebtNoncurrent");
  const fy2025 = snow.years.find((y) => y.fiscalYear === 2025)!;
  expect(fy2025.values.interestExpense).toBeCloseTo(2.759, 6);
});

test("the ifrs-full filer (Logistic Properties of the Americas) is reported as not read, not mis-read", () => {
  const lpa = read("0001997711");
  expect(lpa.currency.taxonomies).toEqual(["ifrs-full"]);
  expect(lpa.years).toEqual([]);
  expect(lpa.ttm).toBeNull();
});
