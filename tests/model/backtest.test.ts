import { auc, backtestMetrics, brier, calibration, precisionAtK, type Scored } from "../../src/model/backtest";

const rows = (spec: [number, boolean][]): Scored[] => spec.map(([p, moved]) => ({ p, moved }));

describe("AUC (Mann–Whitney, ties count one half)", () => {
  test("perfect, reversed and mixed rankings, by hand", () => {
    expect(
      auc(
        rows([
          [0.9, true],
          [0.8, true],
          [0.1, false],
          [0.2, false],
        ]),
      ),
    ).toBe(1);
    expect(
      auc(
        rows([
          [0.1, true],
          [0.9, false],
        ]),
      ),
    ).toBe(0);
    // Movers 0.8 and 0.3; non-movers 0.5, 0.2, 0.1. Pairs won: 0.8 beats all 3; 0.3 beats 0.2 and 0.1 → 5 of 6.
    expect(
      auc(
        rows([
          [0.8, true],
          [0.3, true],
          [0.5, false],
          [0.2, false],
          [0.1, false],
        ]),
      ),
    ).toBeCloseTo(5 / 6, 15);
  });

  test("ties between a mover and a non-mover count one half", () => {
    // Mover 0.5; non-movers 0.5 (tie → ½) and 0.1 (win → 1): (1 + ½) / 2 = 0.75.
    expect(
      auc(
        rows([
          [0.5, true],
          [0.5, false],
          [0.1, false],
        ]),
      ),
    ).toBe(0.75);
    // Everything 1: every pair a tie → 0.5 (a saturated model ranks no better than a coin).
    expect(
      auc(
        rows([
          [1, true],
          [1, false],
          [1, false],
          [1, true],
        ]),
      ),
    ).toBe(0.5);
  });

  test("null without a mover or without a non-mover", () => {
    expect(auc(rows([[0.5, true]]))).toBeNull();
    expect(auc(rows([[0.5, false]]))).toBeNull();
  });
});

describe("precision at k", () => {
  test("movers among the k highest, by hand", () => {
    // Sorted: 0.9 M, 0.7 N, 0.6 M, 0.2 N. k = 2 → 1 of 2; k = 3 → 2 of 3.
    const r = rows([
      [0.6, true],
      [0.9, true],
      [0.2, false],
      [0.7, false],
    ]);
    expect(precisionAtK(r, 2)).toBe(0.5);
    expect(precisionAtK(r, 3)).toBeCloseTo(2 / 3, 15);
  });

  test("a tie group across the cut shares its movers pro rata", () => {
    // 0.9 M takes place 1; the tie at 0.5 (2 movers of 4) gets 1 place → ½ a mover. (1 + 0.5) / 2 = 0.75.
    const r = rows([
      [0.9, true],
      [0.5, true],
      [0.5, false],
      [0.5, true],
      [0.5, false],
    ]);
    expect(precisionAtK(r, 2)).toBe(0.75);
    expect(precisionAtK(r, 0)).toBeNull();
  });
});

describe("Brier score and calibration", () => {
  test("Brier = mean (p − outcome)², by hand", () => {
    // (0.2 − 1)² + (0.4 − 0)² + (1 − 1)² + (0.1 − 0)² = 0.64 + 0.16 + 0 + 0.01 = 0.81; / 4 = 0.2025.
    expect(
      brier(
        rows([
          [0.2, true],
          [0.4, false],
          [1, true],
          [0.1, false],
        ]),
      ),
    ).toBeCloseTo(0.2025, 15);
    expect(brier([])).toBeNull();
  });

  test("bins [lo, hi) with the last one closed; mean p and rate per bin", () => {
    const bins = calibration(
      rows([
        [0, false],
        [0.005, true],
        [0.05, false],
        [0.95, true],
        [0.99, false],
        [1, true],
      ]),
      [0, 0.01, 0.5, 0.99, 1],
    );
    expect(bins).toEqual([
      { lo: 0, hi: 0.01, n: 2, mean_p: 0.0025, rate: 0.5 },
      { lo: 0.01, hi: 0.5, n: 1, mean_p: 0.05, rate: 0 },
      { lo: 0.5, hi: 0.99, n: 1, mean_p: 0.95, rate: 1 },
      { lo: 0.99, hi: 1, n: 2, mean_p: 0.995, rate: 0.5 },
    ]);
    expect(calibration([], [0, 1])).toEqual([{ lo: 0, hi: 1, n: 0, mean_p: null, rate: null }]);
  });

  test("all metrics together, with the confident mistakes counted", () => {
    const m = backtestMetrics(
      rows([
        [0.995, false],
        [0.005, true],
        [0.6, true],
        [0.3, false],
      ]),
    );
    expect(m.n).toBe(4);
    expect(m.k).toBe(2);
    expect(m.actual).toBe(2);
    expect(m.expected).toBeCloseTo(1.9, 15);
    // Pairs: 0.6 beats 0.3 (1), loses to 0.995 (0); 0.005 loses both (0) → 1 of 4.
    expect(m.auc).toBe(0.25);
    // Top 2: 0.995 N, 0.6 M → ½.
    expect(m.precision_at_k).toBe(0.5);
    // (0.995² + 0.995² + 0.4² + 0.3²) / 4 = (0.990025 × 2 + 0.16 + 0.09) / 4 = 0.5575125.
    expect(m.brier).toBeCloseTo(0.5575125, 15);
    expect(m.confidentNonMovers).toBe(1);
    expect(m.confidentMisses).toBe(1);
  });
});
