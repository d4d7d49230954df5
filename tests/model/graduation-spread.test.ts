import { graduation } from "../../src/model/graduation";
import { fitGraduation, negLogLikelihood, nelderMead } from "../../src/model/graduation-fit";
import { ESTIMATED_CAP_SKEW, ESTIMATED_CAP_SPREAD, probAboveEmg, spreadOf } from "../../src/model/graduation-spread";
import { normalCdf, normalPdf } from "../../src/model/normal";
import type { Company } from "../../src/model/types";
import { company, universe } from "../support/universe-builders";

/** P(m + N(0, s²) + E > 0) by brute-force quadrature over the normal part: P(E > −m − z) = exp(min(0, m + z)/λ). */
function byQuadrature(m: number, s: number, skew: number): number {
  const n = 20000;
  const h = (16 * s) / n;
  let acc = 0;
  for (let i = 0; i <= n; i++) {
    const z = -8 * s + i * h;
    const tail = m + z > 0 ? 1 : skew > 0 ? Math.exp((m + z) / skew) : 0;
    acc += (i === 0 || i === n ? 0.5 : 1) * tail * (normalPdf(z / s) / s) * h;
  }
  return acc;
}

describe("the exponentially modified normal tail", () => {
  test("no skew: the normal tail Φ(m/s)", () => {
    expect(probAboveEmg(0.1, 0.2, 0)).toBe(normalCdf(0.5));
    expect(probAboveEmg(0.1, 0, 0)).toBe(1);
    expect(probAboveEmg(-0.1, 0, 0)).toBe(0);
  });

  test("no normal part: P(E > −m) = exp(m/λ) below the band", () => {
    expect(probAboveEmg(-0.1, 0, 0.24)).toBeCloseTo(Math.exp(-0.1 / 0.24), 15);
    expect(probAboveEmg(0.1, 0, 0.24)).toBe(1);
  });

  test("closed form = brute-force quadrature, above, at and below the band", () => {
    for (const m of [-1, -0.5, -0.2, 0, 0.2, 0.6]) {
      expect(Math.abs(probAboveEmg(m, 0.2, 0.24) - byQuadrature(m, 0.2, 0.24))).toBeLessThan(1e-6);
      expect(Math.abs(probAboveEmg(m, 0.5, 0.1) - byQuadrature(m, 0.5, 0.1))).toBeLessThan(1e-6);
    }
    // At the band, by hand: ½ + exp(s²/2λ²)·Φ(−s/λ) = 0.5 + exp(0.347222)·Φ(−0.833333) = 0.786256…
    expect(probAboveEmg(0, 0.2, 0.24)).toBeCloseTo(0.5 + Math.exp(0.04 / (2 * 0.0576)) * normalCdf(-0.2 / 0.24), 14);
  });

  test("far from the band: finite, within [0, 1], no overflow", () => {
    expect(probAboveEmg(5, 0.1, 0.01)).toBe(1);
    const low = probAboveEmg(-5, 0.2, 0.24);
    expect(low).toBeGreaterThan(0);
    expect(low).toBeLessThan(1e-8);
    expect(Number.isFinite(probAboveEmg(-40, 0.05, 0.3))).toBe(true);
  });
});

describe("the spreads behind a probability", () => {
  test("an estimated cap carries the fitted spread and skew; a known one none", () => {
    const est = spreadOf(true, 0.1, 0.45, 0);
    expect(est).toEqual({
      cap: ESTIMATED_CAP_SPREAD,
      skew: ESTIMATED_CAP_SKEW,
      band: 0.1,
      move: 0,
      total: Math.sqrt(ESTIMATED_CAP_SPREAD ** 2 + 0.01),
    });
    // Known cap, a quarter of a year at σ = 0.4: the move is 0.4 × 0.5 = 0.2; total √(0.05² + 0.2²).
    const known = spreadOf(false, 0.05, 0.4, 0.25);
    expect(known).toMatchObject({ cap: 0, skew: 0, band: 0.05 });
    expect(known.move).toBeCloseTo(0.2, 15);
    expect(known.total).toBeCloseTo(Math.sqrt(0.0425), 15);
  });

  const after = (c: Company, bandSpread?: number) => {
    const u = universe([c], { asOf: "2026-05-10" }); // after the 2026-04-30 rank day, before it takes effect
    if (bandSpread !== undefined) u.index.bandSpread = bandSpread;
    const g = graduation(c, u, 1);
    if (!g.ok) throw new Error(g.message);
    return g.value;
  };

  test("after rank day an estimated cap against an estimated band is never a hard 0 or 1", () => {
    const S = Math.sqrt(ESTIMATED_CAP_SPREAD ** 2 + 0.1 ** 2);
    const atBand = after(company("AT", { marketCap: 7000, marketCapEstimated: true }), 0.1);
    expect(atBand.years).toBe(0);
    expect(atBand.spread.total).toBeCloseTo(S, 15);
    expect(atBand.probability).toBeCloseTo(probAboveEmg(0, S, ESTIMATED_CAP_SKEW), 15);
    const far = after(company("HI", { marketCap: 14000, marketCapEstimated: true }), 0.1).probability;
    const low = after(company("LO", { marketCap: 3500, marketCapEstimated: true }), 0.1).probability;
    expect(far).toBeGreaterThan(0.99);
    expect(far).toBeLessThan(1);
    expect(low).toBeGreaterThan(0);
    expect(low).toBeLessThan(0.1); // half the band: 8.5%, since a float-adjusted cap may be far below the total
  });

  test("a known cap against an exact band after rank day is the known answer", () => {
    expect(after(company("UP", { marketCap: 7001 })).probability).toBe(1);
    expect(after(company("DN", { marketCap: 6999 })).probability).toBe(0);
    // A band known only to ±5%: Φ(ln(7001/7000)/0.05).
    expect(after(company("UP", { marketCap: 7001 }), 0.05).probability).toBeCloseTo(
      normalCdf(Math.log(7001 / 7000) / 0.05),
      15,
    );
  });

  test("before rank day the price move adds to the spread: Φ((ln(cap/U) − σ²τ/2)/√(s_band² + σ²τ))", () => {
    const c = company("PRE", { marketCap: 6000, volatility: 0.4 });
    const u = universe([c], { asOf: "2026-04-01" });
    u.index.bandSpread = 0.05;
    const g = graduation(c, u, 1);
    if (!g.ok) throw new Error(g.message);
    const tau = 29 / 365.25;
    const expected = normalCdf((Math.log(6000 / 7000) - 0.08 * tau) / Math.sqrt(0.0025 + 0.16 * tau));
    expect(g.value.probability).toBeCloseTo(expected, 14);
    // Two rank days: at least the first one's probability, and more.
    const g2 = graduation(c, u, 2);
    if (!g2.ok) throw new Error(g2.message);
    expect(g2.value.probability).toBeGreaterThan(g.value.probability);
  });
});

describe("fitting on one event", () => {
  test("Nelder–Mead finds the minimum of a quadratic bowl", () => {
    const r = nelderMead(([x, y]) => (x! - 1) ** 2 + 3 * (y! + 2) ** 2, [0, 0]);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(-2, 4);
  });

  test("the likelihood by hand, and a fit that recovers the band of a clean split", () => {
    // One mover at the band: p = Φ(0) = ½ with no skew; one non-mover at a tenth of it: p = Φ(ln 0.1 / 0.5).
    const rows = [
      { weight: 1, moved: true },
      { weight: 0.1, moved: false },
    ];
    const p2 = normalCdf(Math.log(0.1) / 0.5);
    expect(negLogLikelihood(rows, 1, 0.3, 0, 0.4)).toBeCloseTo(-Math.log(0.5) - Math.log(1 - p2), 12);
    // Movers above 1, non-movers below, interleaved near 1: the fitted band lies between the two groups' edges.
    const data = [0.2, 0.4, 0.6, 0.8, 0.9, 1.1, 0.95, 1.05, 1.3, 1.6, 2, 3].map((w, i) => ({
      weight: w,
      moved: i >= 6,
    }));
    data[6]!.moved = false;
    data[7]!.moved = true;
    const fit = fitGraduation(data, 0.1, false);
    expect(fit.bandWeight).toBeGreaterThan(0.9);
    expect(fit.bandWeight).toBeLessThan(1.1);
  });
});
