import { findField } from "../../src/model/catalogue";
import { engineFor } from "../../src/model/engine";
import { ESTIMATED_CAP_SKEW, ESTIMATED_CAP_SPREAD } from "../../src/model/graduation-spread";
import { company, universe, values } from "../support/universe-builders";

// As of 2026-04-01: the rank day 2026-04-30 is 29 days away; upper band 7,000; the band known to ±10%.
const est = company("EST", {
  marketCap: 5000,
  marketCapEstimated: true,
  volatility: null,
  ttm: { end: "2025-12-31", values: values({ revenue: 100, netIncome: 10 }) }, // fundamentals: SCORE_BREAKDOWN answers
});
const known = company("KNW", { marketCap: 8000, volatility: 0.3 });
const u = universe([est, known], { asOf: "2026-04-01" });
u.index.bandSpread = 0.1;
const engine = engineFor(u);
const field = (c: typeof est, name: string) => {
  const v = engine.fieldOf(c, findField(name)!);
  if (!v.ok) throw new Error(v.message);
  return v.value;
};

test("the inputs behind a graduation probability are catalogue fields", () => {
  const tau = 29 / 365.25;
  expect(field(est, "market_cap_basis")).toBe("Estimated (float-adjusted, from fund weight × index total)");
  expect(field(known, "market_cap_basis")).toBe("Price × shares outstanding (total)");
  expect(field(est, "upper_band")).toBe(7000);
  expect(field(est, "rank_day_years")).toBeCloseTo(tau, 15);
  expect(field(est, "graduation_sigma")).toBe(0.54); // the prior for Industrials of 3bn and up: the snapshot has none
  expect(field(known, "graduation_sigma")).toBe(0.3);
  // √(0.198² + 0.1² + 0.54²τ) for the estimate; √(0.1² + 0.3²τ) for the known cap.
  expect(field(est, "graduation_spread")).toBeCloseTo(Math.sqrt(ESTIMATED_CAP_SPREAD ** 2 + 0.01 + 0.2916 * tau), 15);
  expect(field(known, "graduation_spread")).toBeCloseTo(Math.sqrt(0.01 + 0.09 * tau), 15);
});

test("SCORE_BREAKDOWN ends with the graduation probability's inputs", () => {
  const b = engine.breakdown("EST");
  if (!b.ok) throw new Error(b.message);
  const rows = Object.fromEntries(b.value);
  expect(rows["Graduation probability (next reconstitution)"]).toBe(field(est, "graduation_prob"));
  expect(rows["  Market cap basis"]).toBe("Estimated (float-adjusted, from fund weight × index total)");
  expect(rows["  Upper band ($m)"]).toBe(7000);
  expect(rows["  Volatility σ (prior for its sector and size: none in the snapshot)"]).toBe(0.54);
  expect(rows["  Spread: estimated cap (log)"]).toBe(ESTIMATED_CAP_SPREAD);
  expect(rows["  Spread: one-sided skew of an estimated cap (λ)"]).toBe(ESTIMATED_CAP_SKEW);
  expect(rows["  Spread: band (log)"]).toBe(0.1);
});
