// The graduation probability's inputs as (label, value) rows, appended to SCORE_BREAKDOWN so that the pane shows
// what stands behind the number: the cap and whether it is an estimate, the band, τ, σ and each spread.
import type { BreakdownRow } from "./breakdown";
import type { GraduationDetail } from "./graduation";
import type { Outcome } from "./outcome";

export const CAP_BASIS = {
  estimated: "Estimated (float-adjusted, from fund weight × index total)",
  known: "Price × shares outstanding (total)",
} as const;

export function graduationRows(g: Outcome<GraduationDetail>): BreakdownRow[] {
  if (!g.ok) return [["Graduation probability", `n/a: ${g.message}`]];
  const d = g.value;
  return [
    ["Graduation probability (next reconstitution)", d.probability],
    ["  Market cap basis", d.capEstimated ? CAP_BASIS.estimated : CAP_BASIS.known],
    ["  Upper band ($m)", d.upperBand],
    ["  Years to rank day (τ, 0 after it)", d.years],
    [`  Volatility σ${d.sigmaIsDefault ? " (prior for its sector and size: none in the snapshot)" : ""}`, d.sigma],
    ["  Spread: estimated cap (log)", d.spread.cap],
    ["  Spread: one-sided skew of an estimated cap (λ)", d.spread.skew],
    ["  Spread: band (log)", d.spread.band],
    ["  Spread: price move to rank day (σ√τ)", d.spread.move],
    ["  Spread: total", d.spread.total],
  ];
}
