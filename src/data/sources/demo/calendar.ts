// The demo's calendar: the simulated quarter ends, the end of the trailing twelve months, fiscal-year ends.
import { floor } from "./numbers";

/** Quarters simulated per company; the last one ends on the TTM end. Five fiscal years need at most 23. */
export const Q = 24;

export interface QuarterCalendar {
  /** Month index (year × 12 + month − 1) of the TTM end. */
  ttmMonth: number;
  ttmEnd: string;
  /** The end date of each simulated quarter, oldest first. */
  quarterEnds: string[];
}

function parseIsoDate(s: string): Date {
  const d = new Date(`${s}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
    throw new Error(`asOf must be a date as YYYY-MM-DD (got '${s}')`);
  }
  return d;
}

function monthEnd(monthIndex: number): string {
  const y = floor(monthIndex / 12);
  const m = monthIndex - y * 12; // 0-based
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
}

export function quarterCalendar(asOf: string): QuarterCalendar {
  const d = parseIsoDate(asOf);
  const cutoff = new Date(d.getTime() - 30 * 86400000);
  let month = cutoff.getUTCFullYear() * 12 + cutoff.getUTCMonth();
  // The quarter end on or before the cutoff: the end of this month if it is a quarter month and already over.
  const isQuarterMonth = (mi: number) => (mi % 12) % 3 === 2;
  if (!(isQuarterMonth(month) && monthEnd(month) <= cutoff.toISOString().slice(0, 10))) {
    month -= 1;
    while (!isQuarterMonth(month)) month -= 1;
  }
  const quarterEnds = Array.from({ length: Q }, (_, q) => monthEnd(month - 3 * (Q - 1 - q)));
  return { ttmMonth: month, ttmEnd: monthEnd(month), quarterEnds };
}

/** The quarter index of the latest fiscal-year end in `fyMonth` (1–12, a quarter month) on or before the TTM end. */
export function latestFiscalEndQuarter(cal: QuarterCalendar, fyMonth: number): number {
  const ttmMonthOfYear = (cal.ttmMonth % 12) + 1;
  const back = (ttmMonthOfYear - fyMonth + 12) % 12; // months
  return Q - 1 - back / 3;
}
