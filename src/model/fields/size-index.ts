// The catalogue's size & index fields (see ../catalogue.ts).
import { success } from "../outcome";
import { type FieldDef, present, FORMAT } from "./define";

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
      "Total market capitalisation: price × shares outstanding (estimated from index weight where shares are unknown).",
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
