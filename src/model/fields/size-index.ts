// The catalogue's size & index fields (see ../catalogue.ts).
import type { GraduationDetail } from "../graduation";
import { CAP_BASIS } from "../graduation-rows";
import type { Company } from "../types";
import { success, type Outcome } from "../outcome";
import { type FieldContext, type FieldDef, present, FORMAT } from "./define";

const detail = (c: Company, ctx: FieldContext, pick: (d: GraduationDetail) => number): Outcome<number> => {
  const d = ctx.graduationDetail(c);
  return d.ok ? success(pick(d.value)) : d;
};

export const SIZE_INDEX_FIELDS: readonly FieldDef[] = [
  {
    name: "price",
    label: "Price ($)",
    group: "size_index",
    kind: "number",
    unit: "USD",
    description: "Share price as of the snapshot's date.",
    numberFormat: "#,##0.00",
    value: (c) => present(c, c.price, "price"),
  },
  {
    name: "shares_outstanding",
    label: "Shares outstanding (m)",
    group: "size_index",
    kind: "number",
    unit: "m shares",
    description: "Shares outstanding, millions.",
    numberFormat: FORMAT.money,
    value: (c) => present(c, c.sharesOutstanding, "share count"),
  },
  {
    name: "market_cap",
    label: "Market cap ($m)",
    group: "size_index",
    kind: "number",
    unit: "USD m",
    description:
      "Market capitalisation: price × shares outstanding (the total) where the share count is known; otherwise an estimate, float-adjusted, from the fund weight × the index's total (market_cap_basis says which) — a low-float or dual-class company's total cap is larger.",
    numberFormat: "#,##0",
    value: (c) => present(c, c.marketCap, "market cap"),
  },
  {
    name: "market_cap_estimated",
    label: "Market cap estimated",
    group: "size_index",
    kind: "boolean",
    unit: "TRUE/FALSE",
    description: "TRUE where the market cap was estimated from the index weight rather than price × shares.",
    numberFormat: FORMAT.boolean,
    value: (c) => success(c.marketCapEstimated),
  },
  {
    name: "market_cap_basis",
    label: "Market cap basis",
    group: "size_index",
    kind: "text",
    unit: "text",
    description: `What the market cap is: "${CAP_BASIS.known}" or "${CAP_BASIS.estimated}".`,
    numberFormat: FORMAT.text,
    value: (c) =>
      present(c, c.marketCap === null ? null : CAP_BASIS[c.marketCapEstimated ? "estimated" : "known"], "market cap"),
  },
  {
    name: "weight",
    label: "Index weight",
    group: "size_index",
    kind: "number",
    unit: "%",
    description: "Float-adjusted weight in the index, as a fraction (0.0005 = 0.05%).",
    numberFormat: "0.000%",
    value: (c) => present(c, c.weight === null ? null : c.weight / 100, "index weight"),
  },
  {
    name: "volatility",
    label: "Volatility",
    group: "size_index",
    kind: "number",
    unit: "%",
    description:
      "Annualised volatility of the share's returns, as the snapshot gives it (the graduation probability uses a default where it is missing).",
    numberFormat: FORMAT.percent,
    value: (c) => present(c, c.volatility, "volatility"),
  },
  {
    name: "distance_to_band",
    label: "Distance to upper band",
    group: "size_index",
    kind: "number",
    unit: "%",
    description:
      "Market cap / the index's upper band − 1: how far the company is below (negative) or above the cap at which a Russell 2000 member moves up.",
    numberFormat: FORMAT.percent,
    value: (c, ctx) =>
      present(c, c.marketCap === null ? null : c.marketCap / ctx.universe.index.upperBand - 1, "market cap"),
  },
  {
    name: "upper_band",
    label: "Upper band ($m)",
    group: "size_index",
    kind: "number",
    unit: "USD m",
    description:
      "The market cap a Russell 2000 member must exceed on rank day to move up, as the snapshot estimates it (its source is in the snapshot's index.bandSource).",
    numberFormat: "#,##0",
    value: (_c, ctx) => success(ctx.universe.index.upperBand),
  },
  {
    name: "rank_day_years",
    label: "Years to rank day (τ)",
    group: "size_index",
    kind: "number",
    unit: "years",
    description:
      "Years from the snapshot's date to the next reconstitution's rank day; 0 between a rank day and its effective date.",
    numberFormat: "0.000",
    value: (c, ctx) => detail(c, ctx, (d) => d.years),
  },
  {
    name: "graduation_sigma",
    label: "Volatility used (σ)",
    group: "size_index",
    kind: "number",
    unit: "%",
    description:
      "The annualised volatility the graduation probability uses: the snapshot's, else the documented default (see Methodology).",
    numberFormat: FORMAT.percent,
    value: (c, ctx) => detail(c, ctx, (d) => d.sigma),
  },
  {
    name: "graduation_spread",
    label: "Graduation spread",
    group: "size_index",
    kind: "number",
    unit: "log",
    description:
      "The total uncertainty (a standard deviation of log cap / band) behind the graduation probability: √(estimated cap² + band² + σ²τ); an estimated cap adds a one-sided part (see Methodology and SCORE_BREAKDOWN).",
    numberFormat: "0.000",
    value: (c, ctx) => detail(c, ctx, (d) => d.spread.total),
  },
  {
    name: "graduation_prob",
    label: "Graduation probability",
    group: "size_index",
    kind: "number",
    unit: "0–1",
    description:
      "Probability that the company moves from the Russell 2000 to the Russell 1000 at the next reconstitution (see Methodology); QUALIS.GRADUATION_PROB.",
    numberFormat: FORMAT.percent,
    liveFormula: (ref) => `QUALIS.GRADUATION_PROB(${ref})`,
    value: (c, ctx) => ctx.graduationProbability(c, 1),
  },
];
