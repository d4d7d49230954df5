// Is a company profitable? Four bases (docs/methodology.md); a missing input is a failure, never "unprofitable".
// "Trailing" reads the current period: the trailing twelve months, else the last fiscal year (periods.ts).
import { freeCashFlow } from "./fundamentals";
import { failure, type Outcome, success } from "./outcome";
import { currentPeriod } from "./periods";
import { noFundamentals } from "./universe-index";
import type { Company } from "./types";

export const PROFIT_BASES = ["net_income", "operating_income", "fcf", "consistent"] as const;
export type ProfitBasis = (typeof PROFIT_BASES)[number];
export const DEFAULT_PROFIT_BASIS: ProfitBasis = "net_income";
/** What each basis reads, in words: said once for messages, provenance blocks, the pane and the function help. */
export const PROFIT_BASIS_TEXT: Readonly<Record<ProfitBasis, string>> = {
  net_income: "trailing net income",
  operating_income: "trailing operating income",
  fcf: "trailing free cash flow",
  consistent: "net income in each of the last three consecutive fiscal years",
};
/** Fiscal years that must all show positive net income on the `consistent` basis. */
export const CONSISTENT_YEARS = 3;

export function parseProfitBasis(raw: unknown): Outcome<ProfitBasis> {
  if (raw === undefined || raw === null || raw === "") return success(DEFAULT_PROFIT_BASIS);
  const key = String(raw)
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  const hit = PROFIT_BASES.find((b) => b === key);
  return hit
    ? success(hit)
    : failure("invalid_argument", `Unknown basis '${String(raw)}' — use ${PROFIT_BASES.join(", ")}`);
}

export function isProfitable(c: Company, basis: ProfitBasis): Outcome<boolean> {
  const now = currentPeriod(c)?.values;
  if (!now) return noFundamentals(c);
  switch (basis) {
    case "net_income":
      return positive(c, now.netIncome, PROFIT_BASIS_TEXT.net_income);
    case "operating_income":
      return positive(c, now.operatingIncome, PROFIT_BASIS_TEXT.operating_income);
    case "fcf":
      return positive(c, freeCashFlow(now), PROFIT_BASIS_TEXT.fcf);
    case "consistent": {
      // Consecutive years only: a year missing from the snapshot could be the loss-making one.
      const years = c.years.slice(0, CONSISTENT_YEARS);
      const recent = years.map((y) => y.values.netIncome);
      const gap = years.findIndex((y, i) => y.fiscalYear !== years[0]!.fiscalYear - i);
      if (gap > 0)
        return failure(
          "insufficient_data",
          `'${c.ticker}' has no ${CONSISTENT_YEARS} consecutive fiscal years in this snapshot (FY${years[gap - 1]!.fiscalYear} is followed by FY${years[gap]!.fiscalYear})`,
        );
      if (recent.length < CONSISTENT_YEARS || recent.some((v) => v === null)) {
        return failure(
          "insufficient_data",
          `'${c.ticker}' has fewer than ${CONSISTENT_YEARS} fiscal years of net income in this snapshot`,
        );
      }
      return success(recent.every((v) => (v as number) > 0));
    }
  }
}

function positive(c: Company, value: number | null, what: string): Outcome<boolean> {
  if (value === null) return failure("insufficient_data", `No ${what} for '${c.ticker}' in this snapshot`);
  return success(value > 0);
}
