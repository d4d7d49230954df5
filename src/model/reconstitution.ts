// The Russell US reconstitution calendar (FTSE Russell, "Russell US Equity Indices: Construction and Methodology").
// - Annual: rank day is 30 April — or the last business day of April when the 30th falls on a weekend (the rank
//   month is `annualRankMonth`); the reconstitution takes effect after the close on the fourth Friday of June (the
//   second month after the rank month).
// - Late-year, from `lateFromYear` (2026): rank day is the last business day of `lateRankMonth` (configurable,
//   November by default in the snapshots); it takes effect after the close on the `lateEffectiveFriday`-th Friday
//   (default: the second) of the following month. FTSE Russell sets these dates; change the snapshot's calendar
//   when it publishes others.
// Business days are weekdays (no US market holiday falls on the last weekday of April or of November).
import type { ReconstitutionCalendar } from "./types";

export const ANNUAL_EFFECTIVE_MONTHS_AFTER_RANK = 2;
export const ANNUAL_EFFECTIVE_FRIDAY = 4;
export const DEFAULT_LATE_EFFECTIVE_FRIDAY = 2;

export interface Reconstitution {
  kind: "annual" | "late";
  /** YYYY-MM-DD. */
  rankDay: string;
  /** YYYY-MM-DD: the change takes effect after the close of this day. */
  effectiveDate: string;
}

const iso = (d: Date): string => d.toISOString().slice(0, 10);

/** Month 1–12; months past 12 roll into the next year. */
function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** The last weekday (Monday–Friday) of a month. */
export function lastBusinessDay(year: number, month: number): string {
  const d = utc(year, month + 1, 0); // day 0 of the next month = the last day of this one
  const dow = d.getUTCDay();
  if (dow === 6) d.setUTCDate(d.getUTCDate() - 1);
  else if (dow === 0) d.setUTCDate(d.getUTCDate() - 2);
  return iso(d);
}

/** The n-th Friday (1-based) of a month; months past 12 roll into the next year. */
export function nthFriday(year: number, month: number, n: number): string {
  const first = utc(year, month, 1);
  const offset = (5 - first.getUTCDay() + 7) % 7;
  return iso(utc(first.getUTCFullYear(), first.getUTCMonth() + 1, 1 + offset + 7 * (n - 1)));
}

/** The reconstitutions whose rank day falls in a calendar year. */
export function reconstitutionsOfYear(cal: ReconstitutionCalendar, year: number): Reconstitution[] {
  const out: Reconstitution[] = [
    {
      kind: "annual",
      rankDay: lastBusinessDay(year, cal.annualRankMonth),
      effectiveDate: nthFriday(year, cal.annualRankMonth + ANNUAL_EFFECTIVE_MONTHS_AFTER_RANK, ANNUAL_EFFECTIVE_FRIDAY),
    },
  ];
  if (cal.lateRankMonth !== null && year >= cal.lateFromYear) {
    out.push({
      kind: "late",
      rankDay: lastBusinessDay(year, cal.lateRankMonth),
      effectiveDate: nthFriday(year, cal.lateRankMonth + 1, cal.lateEffectiveFriday ?? DEFAULT_LATE_EFFECTIVE_FRIDAY),
    });
  }
  return out.sort((a, b) => (a.rankDay < b.rankDay ? -1 : 1));
}

/**
 * The next `count` reconstitutions not yet in effect on `asOf` (effective date on or after it), in order. The first
 * may already have ranked (rank day ≤ asOf ≤ effective date): its outcome is then known.
 */
export function pendingReconstitutions(cal: ReconstitutionCalendar, asOf: string, count: number): Reconstitution[] {
  const year = Number(asOf.slice(0, 4));
  const out: Reconstitution[] = [];
  for (let y = year - 1; out.length < count && y <= year + count + 1; y++) {
    for (const r of reconstitutionsOfYear(cal, y)) if (r.effectiveDate >= asOf && out.length < count) out.push(r);
  }
  return out;
}
