// The catalogue's balance sheet fields (see ../catalogue.ts).
import * as m from "../metrics";
import { ALTMAN_WEIGHTS, ALTMAN_ZONES, altmanOf } from "../altman";
import { success } from "../outcome";
import { type FieldDef, fromFundamentals, FORMAT, money, fraction, multiple, reported } from "./define";

export const BALANCE_SHEET_FIELDS: readonly FieldDef[] = [
  reported(
    "total_assets",
    "Total assets ($m)",
    "balance_sheet",
    "totalAssets",
    "Total assets at the current period's end.",
  ),
  reported("cash", "Cash ($m)", "balance_sheet", "cash", "Cash and equivalents at the current period's end."),
  reported(
    "total_debt",
    "Total debt ($m)",
    "balance_sheet",
    "totalDebt",
    "Short- and long-term debt at the current period's end.",
  ),
  reported(
    "equity",
    "Book equity ($m)",
    "balance_sheet",
    "equity",
    "Shareholders' equity at the current period's end.",
  ),
  money({
    name: "net_debt",
    label: "Net debt ($m)",
    group: "balance_sheet",
    description: "Total debt − cash; negative is net cash.",
    needs: "needs total debt and cash",
    pick: m.netDebt,
  }),
  multiple({
    name: "net_debt_to_ebitda",
    label: "Net debt / EBITDA",
    group: "balance_sheet",
    description: "Net debt / EBITDA where EBITDA > 0 (empty otherwise).",
    needs: "needs net debt and EBITDA above 0",
    pick: m.netDebtToEbitda,
  }),
  multiple({
    name: "interest_coverage",
    label: "Interest coverage",
    group: "balance_sheet",
    description: "Operating income (EBIT) / interest expense, where interest expense > 0 (empty otherwise).",
    needs: "needs operating income and an interest expense above 0",
    pick: m.interestCoverage,
  }),
  multiple({
    name: "current_ratio",
    label: "Current ratio",
    group: "balance_sheet",
    description: "Current assets / current liabilities.",
    needs: "needs current assets and current liabilities",
    pick: m.currentRatio,
  }),
  fraction({
    name: "equity_to_assets",
    label: "Equity / assets",
    group: "balance_sheet",
    description: "Book equity / total assets.",
    needs: "needs equity and total assets",
    pick: m.equityToAssets,
  }),
  multiple({
    name: "altman_z",
    label: "Altman Z″",
    group: "balance_sheet",
    description: `Altman Z″ (non-manufacturer model): ${ALTMAN_WEIGHTS.x1}·X1 + ${ALTMAN_WEIGHTS.x2}·X2 + ${ALTMAN_WEIGHTS.x3}·X3 + ${ALTMAN_WEIGHTS.x4}·X4 with X1 = working capital / assets, X2 = retained earnings / assets, X3 = EBIT / assets, X4 = book equity / total liabilities.`,
    needs:
      "needs current assets and liabilities, retained earnings, operating income, total assets and equity (with liabilities above 0)",
    pick: (c) => altmanOf(c)?.z ?? null,
  }),
  {
    name: "altman_zone",
    label: "Altman zone",
    group: "balance_sheet",
    kind: "text",
    unit: "text",
    description: `Altman Z″ zone: safe (Z″ > ${ALTMAN_ZONES.safeAbove.toFixed(2)}), grey (${ALTMAN_ZONES.distressBelow.toFixed(2)}–${ALTMAN_ZONES.safeAbove.toFixed(2)}) or distress (Z″ < ${ALTMAN_ZONES.distressBelow.toFixed(2)}).`,
    numberFormat: FORMAT.text,
    value: (c) => {
      const a = altmanOf(c);
      return a
        ? success(a.zone)
        : fromFundamentals(c, null, "Altman Z″", "needs the inputs of Altman Z″ (see altman_z)");
    },
  },
];
