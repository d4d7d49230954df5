import { Engine } from "../../src/model/engine";
import { graduation, parseReconstitutions, probAboveOnAny } from "../../src/model/graduation";
import { normalCdf, normalPdf } from "../../src/model/normal";
import type { Company, Universe } from "../../src/model/types";
import { company, universe } from "../support/universe-builders";

// The test universe: upper band 7,000; annual rank day in April, late-year in November from 2026.
/** |actual − expected| < tolerance (toBeCloseTo only takes a number of decimal digits). */
function expectWithin(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThan(tolerance);
}

const at = (asOf: string, companies: Company[]): Universe => universe(companies, { asOf });
const prob = (c: Company, asOf: string, n = 1) => {
  const g = graduation(c, at(asOf, [c]), n);
  if (!g.ok) throw new Error(g.message);
  return g.value.probability;
};

describe("the normal distribution", () => {
  test("Φ at known points", () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316300957, 15);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(-8)).toBeGreaterThan(0); // the far tail is not cut to zero early
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
  });
});

describe("graduation probability: one reconstitution", () => {
  // As of 2026-04-01 the next rank day is 2026-04-30: τ = 29 / 365.25 years; σ = 0.4.
  test("P = Φ((ln(cap/U) − σ²τ/2) / (σ√τ)), by hand", () => {
    const tau = 29 / 365.25;
    const s = 0.4;
    // cap = U: Φ(−σ√τ/2) = Φ(−0.0563553) = 0.47752942855…
    expect(prob(company("AT", { marketCap: 7000, volatility: 0.4 }), "2026-04-01")).toBeCloseTo(0.4775294285567088, 12);
    // cap 8,000: Φ((ln(8/7) − σ²τ/2)/(σ√τ)) = 0.87041923617…
    expect(prob(company("UP", { marketCap: 8000, volatility: 0.4 }), "2026-04-01")).toBeCloseTo(0.8704192361715467, 12);
    expect(prob(company("UP", { marketCap: 8000, volatility: 0.4 }), "2026-04-01")).toBeCloseTo(
      normalCdf((Math.log(8000 / 7000) - (s * s * tau) / 2) / (s * Math.sqrt(tau))),
      15,
    );
  });

  test("rises with market cap", () => {
    const caps = [150, 1000, 4000, 6000, 6900, 7000, 7100, 8000, 12000];
    const ps = caps.map((cap) => prob(company("X", { marketCap: cap, volatility: 0.5 }), "2026-01-15"));
    for (let i = 1; i < ps.length; i++) expect(ps[i]!).toBeGreaterThan(ps[i - 1]!);
    expect(ps[0]!).toBeLessThan(1e-10);
    expect(ps[ps.length - 1]!).toBeGreaterThan(0.9);
  });

  test("between rank day and effective date the answer is known: 0 or 1 from the snapshot's cap", () => {
    expect(prob(company("IN", { marketCap: 7001 }), "2026-05-15")).toBe(1);
    expect(prob(company("OUT", { marketCap: 6999 }), "2026-05-15")).toBe(0);
    expect(prob(company("ON", { marketCap: 9000 }), "2026-04-30")).toBe(1); // on rank day itself
    expect(prob(company("EFF", { marketCap: 100 }), "2026-06-26")).toBe(0); // on the effective date
    // The day after, the next rank day (2026-11-30) is uncertain again.
    const next = prob(company("AFT", { marketCap: 7001 }), "2026-06-27");
    expect(next).toBeGreaterThan(0.3);
    expect(next).toBeLessThan(0.6);
  });

  test("a company without volatility uses the prior for its sector and size", () => {
    // volatility-prior.ts: Industrials of 3bn and up 0.54, Health Care below 1bn 0.82, no sector at 1–3bn 0.52.
    const none = prob(company("NV", { marketCap: 6500, volatility: null }), "2026-03-02");
    expect(none).toBe(prob(company("DV", { marketCap: 6500, volatility: 0.54 }), "2026-03-02"));
    const g = graduation(company("NV", { marketCap: 6500, volatility: null }), at("2026-03-02", []), 1);
    expect(g.ok && g.value.sigmaIsDefault).toBe(true);
    expect(g.ok && g.value.sigma).toBe(0.54);
    const bio = graduation(
      company("HC", { sector: "Health Care", marketCap: 800, volatility: null }),
      at("2026-03-02", []),
      1,
    );
    expect(bio.ok && bio.value.sigma).toBe(0.82);
    const blank = graduation(
      company("NS", { sector: null, marketCap: 1500, volatility: null }),
      at("2026-03-02", []),
      1,
    );
    expect(blank.ok && blank.value.sigma).toBe(0.52);
  });

  test("only Russell 2000 members; a market cap is needed", () => {
    const r1000 = graduation(company("BIG", { membership: "R1000" }), at("2026-03-02", []), 1);
    expect(r1000).toEqual({
      ok: false,
      kind: "not_member",
      message:
        "'BIG' is not a Russell 2000 member (it is in the Russell 1000 in this snapshot): only Russell 2000 members can graduate",
    });
    expect(graduation(company("OTC", { membership: "none" }), at("2026-03-02", []), 1)).toMatchObject({
      ok: false,
      kind: "not_member",
    });
    expect(graduation(company("NOCAP", { marketCap: null }), at("2026-03-02", []), 1)).toMatchObject({
      ok: false,
      kind: "insufficient_data",
    });
  });

  test("deterministic: the same inputs give the same number, call after call and engine after engine", () => {
    const cs = [
      company("D1", { marketCap: 6000, volatility: 0.35 }),
      company("D2", { marketCap: 7400, volatility: null }),
    ];
    const u = at("2026-10-30", cs);
    for (const n of [1, 2, 3, 4]) {
      const a = cs.map((c) => new Engine(u).graduationProbability(c, n));
      const b = cs.map((c) => new Engine(u).graduationProbability(c, n));
      expect(b).toEqual(a);
      expect(new Engine(u).graduationProbabilityOf("d1", n)).toEqual(a[0]);
    }
  });
});

describe("graduation probability: several reconstitutions, one Gaussian walk", () => {
  // Closed forms for a driftless walk from 0 (x0 = 0, drift 0): P(all ≤ 0) is an orthant probability.
  test("two dates: 3/4 − arcsin(√(t1/t2)) / 2π (Sheppard) — 0.625 for t = 1, 2", () => {
    expectWithin(probAboveOnAny(0, 0, 1, [1, 2]), 0.625, 1e-9);
    expectWithin(probAboveOnAny(0, 0, 1, [0.001, 2]), 0.75 - Math.asin(Math.sqrt(0.0005)) / (2 * Math.PI), 1e-9);
    expectWithin(probAboveOnAny(0, 0, 0.3, [0.5, 0.9]), 0.75 - Math.asin(Math.sqrt(0.5 / 0.9)) / (2 * Math.PI), 1e-9);
  });

  test("three dates: 7/8 − Σ arcsin ρᵢⱼ / 4π — 17/24 for t = 1, 2, 4", () => {
    // ρ12 = √½, ρ13 = ½, ρ23 = √½: arcsins π/4 + π/6 + π/4 = 2π/3 → P(all ≤ 0) = 1/8 + 1/6.
    expectWithin(probAboveOnAny(0, 0, 1, [1, 2, 4]), 17 / 24, 1e-9);
  });

  test("four equally spaced dates: Sparre Andersen, P(all ≤ 0) = C(8,4)/4⁴ = 70/256", () => {
    expectWithin(probAboveOnAny(0, 0, 1, [1, 2, 3, 4]), 1 - 70 / 256, 1e-9);
    expectWithin(probAboveOnAny(0, 0, 0.45, [0.25, 0.5, 0.75, 1]), 1 - 70 / 256, 1e-9);
  });

  test("not 1 − Π(1 − pᵢ): the dates are correlated, so the walk gives less", () => {
    const independent = 1 - (1 - 0.5) * (1 - 0.5);
    expect(probAboveOnAny(0, 0, 1, [1, 2])).toBeLessThan(independent - 0.1);
  });

  test("one date agrees with the closed form", () => {
    expect(probAboveOnAny(-0.2, -0.08, 0.4, [0.5])).toBe(normalCdf((-0.2 - 0.04) / (0.4 * Math.sqrt(0.5))));
  });

  test("N = 2 ≥ N = 1, N = 3 ≥ N = 2, … for every cap, and below the continuously monitored barrier", () => {
    for (const cap of [300, 2000, 5000, 6500, 7000, 7500, 9000]) {
      const c = company("N", { marketCap: cap, volatility: 0.45 });
      const ps = [1, 2, 3, 4].map((n) => prob(c, "2026-10-30", n));
      for (let i = 1; i < ps.length; i++) expect(ps[i]!).toBeGreaterThanOrEqual(ps[i - 1]!);
      // Reflection principle: P(max over [0, T] of the walk > 0) bounds any discrete monitoring up to T.
      const x0 = Math.log(cap / 7000);
      const s = 0.45;
      const T = (Date.UTC(2028, 3, 28) - Date.UTC(2026, 9, 30)) / 86400000 / 365.25; // 4th rank day 2028-04-28
      const mu = (-s * s) / 2;
      const barrier =
        normalCdf((x0 + mu * T) / (s * Math.sqrt(T))) +
        Math.exp((-2 * mu * x0) / (s * s)) * normalCdf((x0 - mu * T) / (s * Math.sqrt(T)));
      expect(ps[3]!).toBeLessThanOrEqual(Math.min(1, barrier) + 1e-9);
    }
  });

  test("in the known window, N counts the known reconstitution and the walk after it", () => {
    const below = company("B", { marketCap: 6000, volatility: 0.45 });
    const above = company("A", { marketCap: 7100, volatility: 0.45 });
    expect(prob(above, "2026-05-15", 3)).toBe(1);
    expect(prob(below, "2026-05-15", 1)).toBe(0);
    // Below on the June rank day: the rest is the chance of the two rank days after it.
    const rest = probAboveOnAny(Math.log(6000 / 7000), -(0.45 ** 2) / 2, 0.45, [199 / 365.25, 350 / 365.25]);
    expect(prob(below, "2026-05-15", 3)).toBe(rest); // 2026-11-30 is 199 days on, 2027-04-30 350
  });

  test("reconstitutions: a whole number from 1 to 4, blank meaning 1", () => {
    expect(parseReconstitutions(undefined)).toEqual({ ok: true, value: 1 });
    expect(parseReconstitutions(null)).toEqual({ ok: true, value: 1 });
    expect(parseReconstitutions(3)).toEqual({ ok: true, value: 3 });
    expect(parseReconstitutions(" 2 ")).toEqual({ ok: true, value: 2 });
    for (const bad of [0, 5, 1.5, -1, "two"]) {
      expect(parseReconstitutions(bad)).toEqual({
        ok: false,
        kind: "invalid_argument",
        message: `reconstitutions must be a whole number from 1 to 4 (got '${bad}')`,
      });
    }
  });
});
