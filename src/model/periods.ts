// Which reported period a metric reads. One rule for every metric, field and score:
// - the current period is the trailing twelve months (the sum of the last four quarters) where the snapshot has it,
//   else the last fiscal year (docs/methodology.md); its balance-sheet values are those at the period's end;
// - the prior year is the fiscal year whose end lies nearest to one year before the current period's end (so a
//   December filer with a trailing period to 30 September compares with its last December year, and a September
//   filer whose trailing period is its fiscal year compares with the year before).
import type { FinancialPeriod, FiscalYear } from "./types";
import type { Company } from "./types";

const DAY_MS = 86_400_000;

export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** True where the snapshot has any fundamentals for the company. */
export function hasFundamentals(c: Company): boolean {
  return c.ttm !== null || c.years.length > 0;
}

/** The trailing twelve months, else the last fiscal year; null without fundamentals. */
export function currentPeriod(c: Company): FinancialPeriod | null {
  return c.ttm ?? c.years[0] ?? null;
}

/** The fiscal year nearest to one year before the current period's end (strictly earlier than that end). */
export function priorYear(c: Company): FiscalYear | null {
  const now = currentPeriod(c);
  if (!now) return null;
  const end = dayNumber(now.end);
  const target = end - 365;
  let best: FiscalYear | null = null;
  let bestGap = Infinity;
  for (const y of c.years) {
    const d = dayNumber(y.end);
    if (d >= end) continue;
    const gap = Math.abs(d - target);
    if (gap < bestGap) {
      best = y;
      bestGap = gap;
    }
  }
  return best;
}
