// Total debt as one combination of debt lines, never counting a part twice; interest expense with its fallbacks.
// Figures (USD millions) are the shared fixtures' 10-K balance sheets where a filer is named.
import { debtTableRows, interestExpense, totalDebt } from "../../../../src/data/sources/sec/debt";
import { readFileSync } from "fs";
import path from "path";

const at = (facts: Record<string, number>) => (c: string) => facts[c] ?? null;

describe("total debt", () => {
  test("PepsiCo: LongTermDebt already holds the current maturities in DebtCurrent — noncurrent + current, 44,306", () => {
    const pep = at({
      LongTermDebt: 41228,
      LongTermDebtNoncurrent: 37224,
      DebtCurrent: 7082,
      ShortTermBorrowings: 7082,
    });
    expect(totalDebt(pep)).toEqual({ value: 44306, basis: "LongTermDebtNoncurrent + DebtCurrent" });
  });

  test("Waste Management: debt with finance leases (noncurrent) + its $1,359m current portion = 23,900", () => {
    const wm = at({
      LongTermDebtAndCapitalLeaseObligations: 22541,
      DebtCurrent: 1359,
      DebtAndCapitalLeaseObligations: 23900,
    });
    expect(totalDebt(wm)).toEqual({ value: 23900, basis: "LongTermDebtAndCapitalLeaseObligations + DebtCurrent" });
  });

  test("Snowflake: convertible senior notes are its only debt", () => {
    expect(totalDebt(at({ ConvertibleDebtNoncurrent: 2271.529 }))).toEqual({
      value: 2271.529,
      basis: "ConvertibleDebtNoncurrent",
    });
  });

  test("commercial paper is added to long-term debt when the filer tags it instead of ShortTermBorrowings", () => {
    expect(totalDebt(at({ LongTermDebt: 100000, CommercialPaper: 10000 }))).toEqual({
      value: 110000,
      basis: "LongTermDebt + CommercialPaper",
    });
  });

  test("a combined figure wins over its parts; alternatives of one line are never added together", () => {
    expect(
      totalDebt(at({ DebtLongtermAndShorttermCombinedAmount: 500, LongTermDebt: 400, DebtCurrent: 100 }))!.value,
    ).toBe(500);
    expect(totalDebt(at({ LongTermDebt: 400, ShortTermBorrowings: 30, CommercialPaper: 30 }))!.value).toBe(430);
  });

  test("noncurrent + current maturities + short-term borrowings where there is no current-debt line", () => {
    expect(totalDebt(at({ LongTermDebtNoncurrent: 20, LongTermDebtCurrent: 2, ShortTermBorrowings: 1 }))).toEqual({
      value: 23,
      basis: "LongTermDebtNoncurrent + LongTermDebtCurrent + ShortTermBorrowings",
    });
  });

  test("only current debt, or nothing at all (null, not 0)", () => {
    expect(totalDebt(at({ DebtCurrent: 5 }))).toEqual({ value: 5, basis: "DebtCurrent" });
    expect(totalDebt(at({}))).toBeNull();
  });
});

describe("interest expense", () => {
  test("the gross concepts in order", () => {
    expect(interestExpense(at({ InterestExpenseNonoperating: 2.759 }))).toBe(2.759);
    expect(interestExpense(at({ InterestExpense: 919, InterestExpenseDebt: 900 }))).toBe(919);
    expect(interestExpense(at({ InterestAndDebtExpense: 12 }))).toBe(12);
  });

  test("net interest counts only where it is a net expense (Waste Management: −598 → 598)", () => {
    expect(interestExpense(at({ InterestIncomeExpenseNonoperatingNet: -598 }))).toBe(598);
    expect(interestExpense(at({ InterestIncomeExpenseNonoperatingNet: 40 }))).toBeNull();
  });
});

test("docs/real-data.md lists the debt combinations exactly as debt.ts tries them", () => {
  const docs = readFileSync(path.join(__dirname, "../../../../docs/real-data.md"), "utf8");
  const rows = docs.split("\n").filter((l) => /^\| \d+ \| /.test(l));
  expect(rows).toEqual(debtTableRows());
});
