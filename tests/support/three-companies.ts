// The trailing-twelve-month figures of the three operating companies A, B and C that tests/model/quality.test.ts
// scores by hand (A 85.119…, B exactly 50, C 5.952…). Other suites reuse them so the hand-worked figures hold
// everywhere; each suite adds its own identity fields (ticker, sector, market cap) around them.
import type { Fundamentals } from "../../src/model/fundamentals";
import { values } from "./universe-builders";

export const TTM_END = "2026-09-30";

export const TTM_A: Partial<Fundamentals> = {
  revenue: 100,
  grossProfit: 50,
  operatingIncome: 20,
  netIncome: 10,
  operatingCashFlow: 15,
  capex: 5,
  totalAssets: 200,
  totalDebt: 0,
  cash: 30,
  ebitda: 25,
  interestExpense: 0,
};

export const TTM_B: Partial<Fundamentals> = {
  revenue: 100,
  grossProfit: 40,
  operatingIncome: 10,
  netIncome: 5,
  operatingCashFlow: 8,
  capex: 4,
  totalAssets: 100,
  totalDebt: 50,
  cash: 10,
  ebitda: 20,
  interestExpense: 2,
};

export const TTM_C: Partial<Fundamentals> = {
  revenue: 100,
  grossProfit: 30,
  operatingIncome: -5,
  netIncome: -10,
  operatingCashFlow: -2,
  capex: 3,
  totalAssets: 100,
  totalDebt: 60,
  cash: 5,
  ebitda: -1,
  interestExpense: 3,
};

/** A trailing-twelve-month period ending TTM_END with these figures (the rest null). */
export const ttm = (v: Partial<Fundamentals>) => ({ end: TTM_END, values: values(v) });
