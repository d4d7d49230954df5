// Where each of the sixteen fundamental fields comes from in the SEC's XBRL companyfacts: the us-gaap concepts in
// the order they are tried (the first one reported for a period wins, period by period). A candidate written as a
// list is a sum: its first concept must be reported, the others are added where they are. The table of fallbacks in
// docs/real-data.md is checked against this one by a test: edit here, then there.
import type { FundamentalField } from "../../../model/fundamentals";
import { INTEREST_EXPENSE_CONCEPTS, NET_INTEREST_CONCEPT } from "./debt";

/** One concept, or a sum whose first concept is required and whose other parts are added where reported. */
export type Candidate = string | readonly string[];

export interface FieldSource {
  /** "duration": a flow over the period (income, cash flow); "instant": a balance at the period end. */
  kind: "duration" | "instant";
  /** The companyfacts unit: USD (converted to USD millions) or shares (converted to millions). */
  unit: "USD" | "shares";
  candidates: readonly Candidate[];
  /** A computed fallback (or the field's only source), in words for docs/real-data.md. */
  computed?: string;
}

export const COST_OF_REVENUE: readonly string[] = [
  "CostOfRevenue",
  "CostOfGoodsAndServicesSold",
  "CostOfGoodsSold",
  "CostOfServices",
];

export const DEPRECIATION_AMORTIZATION: readonly Candidate[] = [
  "DepreciationDepletionAndAmortization",
  "DepreciationAmortizationAndAccretionNet",
  "DepreciationAndAmortization",
  ["Depreciation", "AmortizationOfIntangibleAssets"],
];

export const FIELD_SOURCES: Readonly<Record<FundamentalField, FieldSource>> = {
  revenue: {
    kind: "duration",
    unit: "USD",
    candidates: [
      "Revenues",
      "RevenueFromContractWithCustomerExcludingAssessedTax",
      "RevenueFromContractWithCustomerIncludingAssessedTax",
      "SalesRevenueNet",
      "SalesRevenueGoodsNet",
      "SalesRevenueServicesNet",
      "RevenuesNetOfInterestExpense",
    ],
  },
  grossProfit: {
    kind: "duration",
    unit: "USD",
    candidates: ["GrossProfit"],
    computed: `revenue − cost of revenue (${COST_OF_REVENUE.join(" → ")})`,
  },
  operatingIncome: { kind: "duration", unit: "USD", candidates: ["OperatingIncomeLoss"] },
  netIncome: {
    kind: "duration",
    unit: "USD",
    candidates: [
      "NetIncomeLoss",
      "NetIncomeLossAvailableToCommonStockholdersBasic",
      "ProfitLoss",
      "IncomeLossFromContinuingOperations",
    ],
  },
  operatingCashFlow: {
    kind: "duration",
    unit: "USD",
    candidates: [
      "NetCashProvidedByUsedInOperatingActivities",
      "NetCashProvidedByUsedInOperatingActivitiesContinuingOperations",
    ],
  },
  capex: {
    kind: "duration",
    unit: "USD",
    candidates: [
      "PaymentsToAcquirePropertyPlantAndEquipment",
      "PaymentsToAcquireProductiveAssets",
      "PaymentsForCapitalImprovements",
    ],
  },
  totalAssets: { kind: "instant", unit: "USD", candidates: ["Assets"] },
  currentAssets: { kind: "instant", unit: "USD", candidates: ["AssetsCurrent"] },
  currentLiabilities: { kind: "instant", unit: "USD", candidates: ["LiabilitiesCurrent"] },
  totalDebt: {
    kind: "instant",
    unit: "USD",
    candidates: [],
    computed: "the first complete combination of debt lines (table below, debt.ts); no part counted twice",
  },
  cash: {
    kind: "instant",
    unit: "USD",
    candidates: [
      "CashAndCashEquivalentsAtCarryingValue",
      "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents",
      "CashAndDueFromBanks",
      "Cash",
    ],
  },
  equity: {
    kind: "instant",
    unit: "USD",
    candidates: ["StockholdersEquity", "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"],
  },
  interestExpense: {
    kind: "duration",
    unit: "USD",
    candidates: [...INTEREST_EXPENSE_CONCEPTS],
    computed: `else −${NET_INTEREST_CONCEPT} where that net interest is an expense (negative)`,
  },
  ebitda: {
    kind: "duration",
    unit: "USD",
    candidates: [],
    computed: `operating income + depreciation & amortization (${DEPRECIATION_AMORTIZATION.map((c) => (typeof c === "string" ? c : c.join(" + "))).join(" → ")}); us-gaap has no EBITDA concept`,
  },
  retainedEarnings: { kind: "instant", unit: "USD", candidates: ["RetainedEarningsAccumulatedDeficit"] },
  sharesOutstanding: {
    kind: "instant",
    unit: "shares",
    candidates: ["CommonStockSharesOutstanding"],
    computed:
      "dei:EntityCommonStockSharesOutstanding (cover page, all classes summed; TTM only) → WeightedAverageNumberOfSharesOutstandingBasic over the period",
  },
};

/** A candidate as docs/real-data.md writes it: "A", or "A + B + C". */
export function describeCandidate(c: Candidate): string {
  return typeof c === "string" ? c : c.join(" + ");
}

/** The table of fallbacks in docs/real-data.md, one Markdown row per field (a test keeps the docs equal to this). */
export function fallbackTableRows(fields: readonly FundamentalField[]): string[] {
  return fields.map((f) => {
    const s = FIELD_SOURCES[f];
    const chain = s.candidates.map((c) => `\`${describeCandidate(c)}\``).join(" → ") || "—";
    return `| ${f} | ${s.kind} | ${chain} | ${s.computed ?? ""} |`;
  });
}
