import { isProfitable, parseProfitBasis } from "../../src/model/profitability";
import { company, values, year } from "../support/universe-builders";

const ttm = (v: Parameters<typeof values>[0]) => ({ end: "2026-03-31", values: values(v) });

describe("profitability", () => {
  const c = company("ABC", {
    ttm: ttm({ netIncome: -0.1, operatingIncome: 4, operatingCashFlow: 10, capex: 12.5 }),
    years: [
      year(2025, { netIncome: 3 }),
      year(2024, { netIncome: 0.2 }),
      year(2023, { netIncome: 1 }),
      year(2022, { netIncome: -9 }),
    ],
  });

  test.each([
    ["net_income", false], // −0.1 ≤ 0
    ["operating_income", true], // 4 > 0
    ["fcf", false], // 10 − 12.5 = −2.5
    ["consistent", true], // 3, 0.2, 1: the last three fiscal years only
  ] as const)("basis %s → %s", (basis, expected) => {
    expect(isProfitable(c, basis)).toEqual({ ok: true, value: expected });
  });

  test("zero net income is not a profit", () => {
    expect(isProfitable(company("Z", { ttm: ttm({ netIncome: 0 }) }), "net_income")).toEqual({
      ok: true,
      value: false,
    });
  });

  test("no fundamentals at all is its own failure", () => {
    const r = isProfitable(company("NOF"), "net_income");
    expect(r).toEqual({ ok: false, kind: "no_fundamentals", message: "No fundamentals for 'NOF' in this snapshot" });
  });

  test("a missing input is insufficient data, never 'unprofitable'", () => {
    const r = isProfitable(company("X", { ttm: ttm({ operatingCashFlow: 5 }) }), "fcf");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.kind).toBe("insufficient_data");
    const two = company("Y", {
      ttm: ttm({ netIncome: 1 }),
      years: [year(2025, { netIncome: 1 }), year(2024, { netIncome: 1 })],
    });
    expect(isProfitable(two, "consistent")).toMatchObject({ ok: false, kind: "insufficient_data" });
  });

  test("consistent needs consecutive fiscal years: a gap could hide the loss-making year", () => {
    const gap = company("GAP", {
      years: [year(2025, { netIncome: 1 }), year(2024, { netIncome: 1 }), year(2022, { netIncome: 1 })],
    });
    expect(isProfitable(gap, "consistent")).toEqual({
      ok: false,
      kind: "insufficient_data",
      message: "'GAP' has no 3 consecutive fiscal years in this snapshot (FY2024 is followed by FY2022)",
    });
  });

  test("basis parsing: default, spellings, and a clear refusal", () => {
    expect(parseProfitBasis(undefined)).toEqual({ ok: true, value: "net_income" });
    expect(parseProfitBasis(" Operating Income ")).toEqual({ ok: true, value: "operating_income" });
    expect(parseProfitBasis("FCF")).toEqual({ ok: true, value: "fcf" });
    expect(parseProfitBasis("ebitda")).toEqual({
      ok: false,
      kind: "invalid_argument",
      message: "Unknown basis 'ebitda' — use net_income, operating_income, fcf, consistent",
    });
  });
});
