// The raw fundamentals a snapshot carries for each period, in this order everywhere (snapshot columns, SEC
// mapping, demo generator). Money in USD millions, shares in millions; a missing value is null, never 0.
export const FUNDAMENTAL_FIELDS = [
  "revenue",
  "grossProfit",
  "operatingIncome",
  "netIncome",
  "operatingCashFlow",
  "capex",
  "totalAssets",
  "currentAssets",
  "currentLiabilities",
  "totalDebt",
  "cash",
  "equity",
  "interestExpense",
  "ebitda",
  "retainedEarnings",
  "sharesOutstanding",
] as const;

export type FundamentalField = (typeof FUNDAMENTAL_FIELDS)[number];
export type Fundamentals = Record<FundamentalField, number | null>;

/** Capital expenditure is stored as a positive outflow; free cash flow = operating cash flow − capex. */
export function freeCashFlow(p: Fundamentals | null | undefined): number | null {
  if (!p || p.operatingCashFlow === null || p.capex === null) return null;
  return p.operatingCashFlow - p.capex;
}

export function emptyFundamentals(): Fundamentals {
  const out = {} as Fundamentals;
  for (const f of FUNDAMENTAL_FIELDS) out[f] = null;
  return out;
}
