// The catalogue's cash flow fields (see ../catalogue.ts).
import * as m from "../metrics";
import { type FieldDef, money, fraction, multiple, count, reported } from "./define";

export const CASH_FLOW_FIELDS: readonly FieldDef[] = [
  reported(
    "operating_cash_flow",
    "Operating cash flow ($m)",
    "cash_flow",
    "operatingCashFlow",
    "Cash flow from operations of the current period.",
  ),
  reported(
    "capex",
    "Capital expenditure ($m)",
    "cash_flow",
    "capex",
    "Capital expenditure of the current period, as a positive outflow.",
  ),
  money({
    name: "fcf",
    label: "Free cash flow ($m)",
    group: "cash_flow",
    description: "Free cash flow = operating cash flow − capital expenditure, current period.",
    needs: "needs operating cash flow and capital expenditure",
    pick: m.fcf,
  }),
  fraction({
    name: "fcf_margin",
    label: "FCF margin",
    group: "cash_flow",
    description: "Free cash flow / revenue.",
    needs: "needs free cash flow and revenue above 0",
    pick: m.fcfMargin,
  }),
  fraction({
    name: "fcf_yield",
    label: "FCF yield",
    group: "cash_flow",
    description: "Free cash flow / total market cap.",
    needs: "needs free cash flow and a market cap",
    pick: m.fcfYield,
  }),
  multiple({
    name: "fcf_to_net_income",
    label: "FCF / net income (capped)",
    group: "cash_flow",
    description: `Cash conversion: free cash flow / net income, capped to [${m.FCF_CONVERSION_CAP.min}, ${m.FCF_CONVERSION_CAP.max}]; empty where net income ≤ 0, where the ratio means nothing.`,
    needs: "needs free cash flow and net income above 0",
    pick: m.fcfConversion,
  }),
  fraction({
    name: "fcf_improvement",
    label: "FCF improvement / assets",
    group: "cash_flow",
    description:
      "(Current free cash flow − prior-year free cash flow) / total assets; the prior year is the fiscal year ending nearest to one year before the current period's end.",
    needs: "needs free cash flow of the current period and of the prior year, and total assets",
    pick: m.fcfImprovement,
  }),
  count({
    name: "positive_fcf_years",
    label: "Positive-FCF years (of 5)",
    group: "cash_flow",
    description:
      "How many of the last five fiscal years had free cash flow above 0 (needs at least three years with free cash flow).",
    needs: "needs at least three fiscal years of free cash flow",
    pick: m.positiveFcfYears,
  }),
];
