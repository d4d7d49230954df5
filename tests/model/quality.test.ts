import { Engine } from "../../src/model/engine";
import { PATH_PILLARS, scoreUniverse } from "../../src/model/quality";
import type { Company } from "../../src/model/types";
import { company, universe, year } from "../support/universe-builders";
import { TTM_A, TTM_B, TTM_C, ttm } from "../support/three-companies";

// Three operating companies with TTM figures only (so no stability or Piotroski pillar, and no FCF improvement):
//                    A            B            C
//   ROA              10/200=.05   5/100=.05    −10/100=−.1     → .75  .75  0     (A and B tie: rank 2.5 of 3)
//   GP / assets      50/200=.25   40/100=.40   30/100=.30      → 0    1    .5
//   operating margin 20/100=.20   10/100=.10   −5/100=−.05     → 1    .5   0
//   profitability pillar            .58333       .75          .16667
//   FCF margin       10/100       4/100        −5/100          → 1    .5   0
//   FCF / NI         10/10=1      4/5=.8       NI ≤ 0: n/a     → 1    0    –
//   cash pillar                     1            .25          0
//   net debt/EBITDA  net cash      40/20=2      55, EBITDA<0    → 1    .5   0   (lower better; net cash best)
//   interest cover   no interest   10/2=5       −5/3            → 1    .5   0
//   balance pillar                  1            .5           0
// Weights present .25 + .25 + .20 = .70:
//   A = 100 × (.25×.58333 + .25×1 + .2×1) / .7 = 85.119…; B = 100 × .35/.7 = 50; C = 100 × (.25×.16667)/.7 = 5.952…
const A = company("A", {
  ttm: ttm(TTM_A),
});
const B = company("B", {
  ttm: ttm(TTM_B),
});
const C = company("C", {
  ttm: ttm(TTM_C),
});

// Three financials, ranked among themselves on ROE, ROA, equity / assets and ROA volatility:
//              F1                F2                F3
//   ROE        12/100=.12  → .5  8/120=.0667 → 0   15/100=.15  → 1
//   ROA        12/1000     → 1   8/1000      → 0   15/1500=.01 → .5
//   equity/A   .10         → .5  .12         → 1   .0667       → 0
//   ROA vol.   sd(.010,.011,.012)=.001 → 1   sd(.008,.004,.012)=.004 → 0   two years only: n/a
//   F1 = 100 × (.25×.75 + .2×.5 + .15×1)/.6 = 72.9167; F2 = 100 × (.2×1)/.6 = 33.33; F3: two pillars → #N/A
const bankYears = (nis: number[]) => nis.map((ni, i) => year(2025 - i, { netIncome: ni, totalAssets: 1000 }));
const F1 = company("F1", {
  sector: "Financials",
  ttm: ttm({ netIncome: 12, equity: 100, totalAssets: 1000 }),
  years: bankYears([10, 11, 12]),
});
const F2 = company("F2", {
  sector: "Financials",
  ttm: ttm({ netIncome: 8, equity: 120, totalAssets: 1000 }),
  years: bankYears([8, 4, 12]),
});
const F3 = company("F3", {
  sector: "Real Estate",
  ttm: ttm({ netIncome: 15, equity: 100, totalAssets: 1500 }),
  years: bankYears([9, 9]),
});

const score = (d: ReturnType<typeof scoreUniverse>, c: Company) => d.get(c)!.score;

describe("quality score", () => {
  test("operating companies: percentiles, pillar means and renormalised weights, by hand", () => {
    const d = scoreUniverse([A, B, C]);
    const pillar = (c: Company, id: string) => d.get(c)!.pillars.find((p) => p.spec.id === id)!.score;
    expect(pillar(A, "profitability")).toBeCloseTo(1.75 / 3, 12);
    expect(pillar(B, "profitability")).toBeCloseTo(0.75, 12);
    expect(pillar(C, "profitability")).toBeCloseTo(0.5 / 3, 12);
    expect([pillar(A, "cash_generation"), pillar(B, "cash_generation"), pillar(C, "cash_generation")]).toEqual([
      1, 0.25, 0,
    ]);
    expect([pillar(A, "balance_sheet"), pillar(B, "balance_sheet"), pillar(C, "balance_sheet")]).toEqual([1, 0.5, 0]);
    expect(pillar(A, "stability")).toBeNull();
    expect(pillar(A, "piotroski")).toBeNull();
    expect(d.get(A)!.weightPresent).toBeCloseTo(0.7, 12);
    expect(score(d, A)).toEqual({
      ok: true,
      value: expect.closeTo((100 * (0.25 * (1.75 / 3) + 0.25 + 0.2)) / 0.7, 10),
    });
    expect(score(d, B)).toEqual({ ok: true, value: expect.closeTo(50, 10) });
    expect(score(d, C)).toEqual({ ok: true, value: expect.closeTo((100 * 0.25 * (0.5 / 3)) / 0.7, 10) });
    expect(d.get(A)!.groupSize).toBe(3);
  });

  test("the Piotroski pillar is F/9, absolute, F over the signals computable; a prior year adds FCF improvement", () => {
    // A gains FY2025 and FY2024. F-score (no t−2): F1 9/180 > 0 ✓, F2 ✓, F3 n/a, F4 12 > 9 ✓, F5 n/a,
    // F6 80/50 = 1.6 > 70/50 = 1.4 ✓, F7 10 > 9 shares ✗, F8 .50 > .45 ✓, F9 n/a → 5 of 6 hold: F = 9 × 5/6 = 7.5.
    // FCF improvement: (10 − 7) / 200, A alone has it → percentile .5; cash pillar (1 + 1 + .5)/3.
    // Score = 100 × (.25×.58333 + .25×.83333 + .2×1 + .15×5/6) / .85 = 67.91667 / .85 = 79.902.
    const A2: Company = {
      ...A,
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
    };
    const d = scoreUniverse([A2, B, C]);
    expect(d.get(A2)!.piotroski?.score).toBe(7.5);
    expect(d.get(A2)!.pillars.find((p) => p.spec.id === "piotroski")!.score).toBeCloseTo(5 / 6, 12);
    expect(d.get(A2)!.pillars.find((p) => p.spec.id === "cash_generation")!.score).toBeCloseTo(2.5 / 3, 12);
    expect(score(d, A2)).toEqual({
      ok: true,
      value: expect.closeTo((100 * (0.25 * (1.75 / 3) + 0.25 * (2.5 / 3) + 0.2 + 0.15 * (5 / 6))) / 0.85, 10),
    });
    expect(score(d, B)).toEqual({ ok: true, value: expect.closeTo(50, 10) });
  });

  test("financials and real estate are scored on their own path, ranked among their own group", () => {
    const d = scoreUniverse([A, B, C, F1, F2, F3]);
    expect(d.get(F1)!.path).toBe("financial");
    expect(d.get(F1)!.groupSize).toBe(3);
    expect(d.get(F1)!.pillars.map((p) => p.spec.id)).toEqual(["profitability", "balance_sheet", "stability"]);
    expect(score(d, F1)).toEqual({
      ok: true,
      value: expect.closeTo((100 * (0.25 * 0.75 + 0.2 * 0.5 + 0.15)) / 0.6, 10),
    });
    expect(score(d, F2)).toEqual({ ok: true, value: expect.closeTo((100 * 0.2) / 0.6, 10) });
    // F3 has two fiscal years (no stability) and no cash-flow statement: income and balance sheet are enough.
    // ROE .15 (percentile 1 of .067, .12, .15), ROA .01 (.5 of .008, .01, .012): profitability .75; equity / assets
    // .067, the lowest: 0. Score = 100 × (.25 × .75 + .2 × 0) / .45.
    expect(d.get(F3)!.pillars.find((p) => p.spec.id === "stability")!.score).toBeNull();
    expect(score(d, F3)).toEqual({ ok: true, value: expect.closeTo((100 * 0.25 * 0.75) / 0.45, 10) });
    // One pillar is not enough: a bank with net income and assets but no equity has only profitability (ROA).
    const F4 = company("F4", { sector: "Financials", ttm: ttm({ netIncome: 5, totalAssets: 1000 }) });
    const f4 = scoreUniverse([F1, F4]).get(F4)!.score;
    expect(f4.ok ? "" : f4.message).toBe(
      "Insufficient data for a quality score of 'F4': 1 of 3 pillars can be computed (profitability); 2 are needed — see QUALIS.SCORE_BREAKDOWN",
    );
    // The operating companies' scores do not move when financials join the universe.
    expect(score(d, B)).toEqual({ ok: true, value: expect.closeTo(50, 10) });
  });

  test("fewer than three pillars is insufficient data; no fundamentals says so", () => {
    const thin = company("THIN", { ttm: ttm({ revenue: 100, operatingIncome: 5, netIncome: 2, totalAssets: 100 }) });
    const none = company("NONE");
    const d = scoreUniverse([A, thin, none]);
    expect(score(d, thin)).toMatchObject({ ok: false, kind: "insufficient_data" });
    expect(score(d, none)).toEqual({
      ok: false,
      kind: "no_fundamentals",
      message: "No fundamentals for 'NONE' in this snapshot",
    });
    expect(d.get(A)!.groupSize).toBe(2); // companies without fundamentals are not in the cross-section
  });

  test("every metric names a catalogue field, and the field shows the metric's value", () => {
    const e = new Engine(universe([A, B, C, F1, F2, F3]));
    for (const path of ["operating", "financial"] as const) {
      for (const p of PATH_PILLARS[path]) {
        for (const ms of p.metrics) {
          for (const c of [A, B, C, F1, F2, F3]) {
            const f = e.field(c.ticker, ms.field);
            const v = ms.value(c);
            if (v === null) expect(f.ok).toBe(false);
            else expect(f).toEqual({ ok: true, value: v });
          }
        }
      }
    }
  });

  test("an engine scores once per universe and caches", () => {
    const e = new Engine(universe([A, B, C]));
    const first = e.qualityDetail(B);
    expect(e.qualityDetail(B)).toBe(first);
    expect(e.qualityScoreOf("b")).toEqual({ ok: true, value: expect.closeTo(50, 10) });
    expect(e.pillarScore(B, "balance_sheet")).toEqual({ ok: true, value: 50 });
    expect(e.pillarScore(B, "stability")).toMatchObject({ ok: false, kind: "insufficient_data" });
  });
});
