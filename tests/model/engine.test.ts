import { Engine, engineFor } from "../../src/model/engine";
import { company, universe, year } from "../support/universe-builders";
import { TTM_A, TTM_B, TTM_C, ttm } from "../support/three-companies";

// The three operating companies of quality.test.ts (B scores exactly 50 there), A with two fiscal years.
const A = company("A", {
  ttm: ttm(TTM_A),
  years: [
    year(2025, {
      revenue: 90,
      grossProfit: 45,
      operatingIncome: 18,
      netIncome: 9,
      operatingCashFlow: 12,
      capex: 5,
      totalAssets: 190,
      currentAssets: 80,
      currentLiabilities: 50,
      totalDebt: 0,
      sharesOutstanding: 10,
    }),
    year(2024, {
      revenue: 80,
      grossProfit: 36,
      operatingIncome: 10,
      netIncome: 6,
      operatingCashFlow: 5,
      capex: 4,
      totalAssets: 180,
      currentAssets: 70,
      currentLiabilities: 50,
      totalDebt: 10,
      sharesOutstanding: 9,
    }),
  ],
});
const B = company("B", {
  ttm: ttm(TTM_B),
});
const C = company("C", {
  ttm: ttm(TTM_C),
});
const NOF = company("NOF", { membership: "R1000" });
const u = universe([A, B, C, NOF]);

describe("Engine", () => {
  test("SCORE_BREAKDOWN rows: score, pillars with weights, each metric and its percentile, signals", () => {
    const r = new Engine(u).breakdown("a");
    if (!r.ok) throw new Error(r.message);
    const rows = new Map(r.value);
    expect(r.value.every((row) => row.length === 2)).toBe(true);
    expect(rows.get("Ticker")).toBe("A");
    expect(rows.get("Scoring path")).toBe("Operating companies");
    expect(rows.get("Companies ranked on this path")).toBe(3);
    expect(rows.get("Quality score (0–100)")).toBeCloseTo(67.91667 / 0.85, 4); // quality.test.ts works it out by hand
    expect(rows.get("Weight of the pillars present")).toBeCloseTo(0.85, 12);
    expect(rows.get("Profitability pillar (weight 25%, 0–100)")).toBeCloseTo(175 / 3, 10);
    expect(rows.get("  Return on assets")).toBe(0.05);
    expect(rows.get("  Return on assets · percentile")).toBe(0.75);
    expect(rows.get("  Net debt / EBITDA")).toBe(-1.2); // net cash of 30 against EBITDA of 25
    expect(
      new Map((new Engine(universe([C])).breakdown("C") as { value: [string, unknown][] }).value).get(
        "  Net debt / EBITDA",
      ),
    ).toBe("net debt with EBITDA ≤ 0");
    expect(rows.get("  Net debt / EBITDA · percentile")).toBe(1);
    expect(rows.get("  Interest coverage")).toBe("no interest expense");
    expect(rows.get("  Altman Z″")).toBe("n/a");
    expect(rows.get("Stability pillar (weight 15%, 0–100)")).toBe("n/a");
    expect(rows.get("Piotroski F-score pillar (weight 15%, 0–100)")).toBeCloseTo(500 / 6, 10);
    expect(rows.get("  F-score (0–9)")).toBe(7.5);
    expect(rows.get("  Signals that hold")).toBe("5 of 6 computable");
    expect(rows.get("  Signals missing (inputs not in the snapshot)")).toBe(
      "F3 ΔROA > 0; F5 Leverage did not rise; F9 Asset turnover rose",
    );
    expect(rows.get("  Fiscal years compared")).toBe("2025 vs 2024");
    expect(rows.get("  F1 ROA > 0")).toBe(true);
    expect(rows.get("  F3 ΔROA > 0")).toBe("n/a");
    expect(rows.get("  F7 No new shares")).toBe(false);
  });

  test("SCORE_BREAKDOWN of a company without a score says why, in the score row", () => {
    const thin = company("THIN", {
      ttm: ttm({
        revenue: 100,
        grossProfit: 40,
        operatingIncome: 10,
        netIncome: 5,
        operatingCashFlow: 8,
        capex: 4,
        totalAssets: 100,
      }),
    });
    const r = new Engine(universe([thin, B])).breakdown("THIN");
    const rows = new Map(r.ok ? r.value : []);
    expect(rows.get("Quality score (0–100)")).toBe(
      "n/a: Insufficient data for a quality score of 'THIN': 2 of 5 pillars can be computed (profitability, cash generation); 3 are needed — see QUALIS.SCORE_BREAKDOWN",
    );
    expect(new Engine(u).breakdown("NOF")).toEqual({
      ok: false,
      kind: "no_fundamentals",
      message: "No fundamentals for 'NOF' in this snapshot",
    });
    expect(new Engine(u).breakdown("ZZZ")).toMatchObject({ ok: false, kind: "unknown_ticker" });
  });

  test("the unprofitable share counts only companies whose profitability is known", () => {
    const e = new Engine(u);
    expect(e.unprofitableShare("net_income")).toEqual({ ok: true, value: 1 / 3 }); // C of A, B, C; NOF unknown
    expect(e.unprofitableShare("consistent")).toMatchObject({ ok: false }); // nobody has three fiscal years
    expect(e.unprofitableShare("fcf")).toEqual({ ok: true, value: 1 / 3 });
  });

  test("per-ticker lookups: unknown tickers and non-members fail in their own way", () => {
    const e = engineFor(u);
    expect(engineFor(u)).toBe(e);
    expect(e.qualityScoreOf("ZZZ")).toEqual({
      ok: false,
      kind: "unknown_ticker",
      message: "Unknown ticker 'ZZZ' — not in the Russell 2000 snapshot of 2026-04-30",
    });
    expect(e.graduationProbabilityOf("NOF", 1)).toMatchObject({ ok: false, kind: "not_member" });
    expect(e.isProfitable(" c ", "net_income")).toEqual({ ok: true, value: false });
  });
});
