import type { Fundamentals } from "../../src/model/fundamentals";
import { MIN_PIOTROSKI_SIGNALS, piotroski, piotroskiSignals, type SignalValues } from "../../src/model/piotroski";
import { company, values, year } from "../support/universe-builders";

// A worked example where all nine signals hold (t = FY2025, t−1 = FY2024, t−2 = FY2023):
//   F1 ROA_t = 20 / 400 (assets at the end of t−1) = 0.05 > 0
//   F2 CFO_t = 30 > 0
//   F3 ROA_t−1 = 10 / 380 = 0.0263 < 0.05
//   F4 CFO 30 > net income 20
//   F5 debt / average assets: 100 / ((440 + 400)/2) = 0.238 ≤ 110 / ((400 + 380)/2) = 0.282
//   F6 current ratio 160/100 = 1.6 > 150/100 = 1.5
//   F7 shares 50 ≤ 50
//   F8 gross margin 120/300 = 0.40 > 95/250 = 0.38
//   F9 asset turnover 300/400 = 0.75 > 250/380 = 0.658
const T: Partial<Fundamentals> = {
  netIncome: 20,
  operatingCashFlow: 30,
  totalAssets: 440,
  totalDebt: 100,
  currentAssets: 160,
  currentLiabilities: 100,
  sharesOutstanding: 50,
  revenue: 300,
  grossProfit: 120,
};
const P: Partial<Fundamentals> = {
  netIncome: 10,
  operatingCashFlow: 8,
  totalAssets: 400,
  totalDebt: 110,
  currentAssets: 150,
  currentLiabilities: 100,
  sharesOutstanding: 50,
  revenue: 250,
  grossProfit: 95,
};
const PP: Partial<Fundamentals> = { totalAssets: 380, netIncome: 5, revenue: 240 };

const ALL_PASS: SignalValues = {
  roa: true,
  cfo: true,
  delta_roa: true,
  accrual: true,
  delta_lever: true,
  delta_liquid: true,
  eq_offer: true,
  delta_margin: true,
  delta_turn: true,
};

const signals = (t: Partial<Fundamentals>, p = P, pp: Partial<Fundamentals> | null = PP) =>
  piotroskiSignals(values(t), values(p), pp ? values(pp) : null);

describe("Piotroski F-score", () => {
  test("the worked example scores 9 of 9", () => {
    expect(signals(T)).toEqual(ALL_PASS);
    const c = company("F", { years: [year(2025, T), year(2024, P), year(2023, PP)] });
    expect(piotroski(c)).toEqual({
      score: 9,
      held: 9,
      available: 9,
      missing: [],
      signals: ALL_PASS,
      years: [2025, 2024],
    });
  });

  test.each([
    // one change to t (or t−1), and exactly the signals it should turn off
    ["net income −2: ROA ≤ 0, and ROA fell", { t: { netIncome: -2 } }, ["roa", "delta_roa"]],
    ["operating cash flow −1: CFO ≤ 0, and CFO < net income", { t: { operatingCashFlow: -1 } }, ["cfo", "accrual"]],
    ["ROA of t−1 25/380 = 0.066 > 0.05: ROA fell", { p: { netIncome: 25 } }, ["delta_roa"]],
    ["CFO 15 < net income 20: accruals", { t: { operatingCashFlow: 15 } }, ["accrual"]],
    ["debt 130: 130/420 = 0.310 > 0.282, leverage rose", { t: { totalDebt: 130 } }, ["delta_lever"]],
    ["current assets 140: current ratio 1.4 < 1.5", { t: { currentAssets: 140 } }, ["delta_liquid"]],
    ["51 shares: equity issued", { t: { sharesOutstanding: 51 } }, ["eq_offer"]],
    ["gross profit 110: margin 0.367 < 0.38", { t: { grossProfit: 110 } }, ["delta_margin"]],
    [
      "revenue 260, gross profit 104: turnover 0.65 < 0.658, margin still 0.40",
      { t: { revenue: 260, grossProfit: 104 } },
      ["delta_turn"],
    ],
  ] as const)("%s", (_what, change, off) => {
    const t = { ...T, ...("t" in change ? change.t : {}) };
    const p = { ...P, ...("p" in change ? change.p : {}) };
    const expected = { ...ALL_PASS };
    for (const id of off) expected[id] = false;
    expect(signals(t, p)).toEqual(expected);
  });

  test("debt-free in both years passes F5 (leverage did not rise)", () => {
    expect(signals({ ...T, totalDebt: 0 }, { ...P, totalDebt: 0 }).delta_lever).toBe(true);
  });

  test("a signal with a missing input is n/a, not a failure: F is 9 × held / computable, the missing ones listed", () => {
    // No gross profit in t: F8 n/a. No t−2: F3, F5 and F9 n/a.
    const c = company("G", { years: [year(2025, { ...T, grossProfit: null }), year(2024, P)] });
    const r = piotroski(c)!;
    expect(r.signals).toEqual({
      ...ALL_PASS,
      delta_margin: null,
      delta_roa: null,
      delta_lever: null,
      delta_turn: null,
    });
    expect(r.held).toBe(5);
    expect(r.available).toBe(5);
    expect(r.score).toBe(9); // 5 of 5 computable hold
    expect(r.missing).toEqual(["delta_roa", "delta_lever", "delta_margin", "delta_turn"]);
    // One of the five fails (51 shares: F7): 9 × 4/5 = 7.2.
    const d = piotroski(
      company("G2", { years: [year(2025, { ...T, grossProfit: null, sharesOutstanding: 51 }), year(2024, P)] }),
    )!;
    expect(d.score).toBeCloseTo(7.2, 12);
  });

  test(`fewer than ${MIN_PIOTROSKI_SIGNALS} computable signals: no F-score`, () => {
    // No t−2 (F3, F5, F9 n/a), no gross profit (F8), no shares (F7): 4 computable.
    const c = company("K", {
      years: [year(2025, { ...T, grossProfit: null, sharesOutstanding: null }), year(2024, P)],
    });
    const r = piotroski(c)!;
    expect(MIN_PIOTROSKI_SIGNALS).toBe(5);
    expect(r.available).toBe(4);
    expect(r.held).toBe(4);
    expect(r.score).toBeNull();
  });

  test("needs two consecutive fiscal years", () => {
    expect(piotroski(company("H", { years: [year(2025, T)] }))).toBeNull();
    expect(piotroski(company("I", { years: [year(2025, T), year(2023, P)] }))).toBeNull();
    // A gap before t−1 only drops the t−2 comparisons.
    const gap = piotroski(company("J", { years: [year(2025, T), year(2024, P), year(2022, PP)] }))!;
    expect(gap.signals.delta_roa).toBeNull();
    expect(gap.held).toBe(6);
    expect(gap.score).toBe(9); // 6 of the 6 computable (F3, F5, F9 need t−2)
  });
});
