// The snapshot's wire format (DESIGN.md §3), validated by zod on every load. Fundamentals are stored as arrays in
// the column order of `fundamentalFields` (the model's FUNDAMENTAL_FIELDS): a snapshot of 2,000 companies × six
// periods would otherwise repeat sixteen key names 12,000 times.
import { z } from "zod";
import { FUNDAMENTAL_FIELDS } from "../model/fundamentals";
import { SECTORS } from "../model/sectors";
import { THEME_IDS } from "../model/themes";

export const SCHEMA_VERSION = 1;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** YYYY-MM-DD and a real calendar date, checked arithmetically (a snapshot holds ~12,000 dates). */
function isCalendarDate(s: string): boolean {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]!) return false;
  return m !== 2 || d < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine(isCalendarDate, "not a real calendar date");

const num = z.number(); // zod 4 refuses NaN and ±Infinity
const positiveOrNull = num.positive().nullable();

// The 192,000 values of a 2,000-company snapshot are checked in one plain loop rather than one zod schema per
// element (five times faster); problems still carry the element's path, e.g. `….ttm.v[3]`.
const periodValues = z.custom<(number | null)[]>().superRefine((arr, ctx) => {
  if (!Array.isArray(arr)) {
    ctx.addIssue({ code: "custom", message: `expected an array of ${FUNDAMENTAL_FIELDS.length} numbers or nulls` });
    return;
  }
  if (arr.length !== FUNDAMENTAL_FIELDS.length) {
    ctx.addIssue({ code: "custom", message: `expected ${FUNDAMENTAL_FIELDS.length} values, one per fundamentalFields entry` });
  }
  for (let i = 0; i < arr.length; i++) {
    const v: unknown = arr[i];
    if (v === null || (typeof v === "number" && Number.isFinite(v))) continue;
    const got = typeof v === "number" ? String(v) : v === undefined ? "undefined" : typeof v;
    ctx.addIssue({ code: "custom", path: [i], message: `Invalid input: expected number or null, received ${got}` });
  }
});

const ttmSchema = z.object({ end: isoDate, v: periodValues }).strict();
const fiscalYearSchema = z
  .object({ fy: z.number().int().min(1900).max(2200), end: isoDate, v: periodValues })
  .strict();

export const companySchema = z
  .object({
    ticker: z.string().trim().min(1, "ticker is empty").max(16),
    name: z.string().max(200),
    cik: z.string().regex(/^\d{1,10}$/, "CIK must be 1–10 digits").nullable(),
    sector: z.enum(SECTORS).nullable(),
    industry: z.string().max(200).nullable(),
    sic: z.number().int().min(100).max(9999).nullable(),
    themes: z.array(z.enum(THEME_IDS as [string, ...string[]])).max(THEME_IDS.length),
    price: positiveOrNull,
    sharesOutstanding: positiveOrNull,
    marketCap: positiveOrNull,
    marketCapEstimated: z.boolean(),
    weight: num.min(0).max(100).nullable(),
    volatility: num.positive().max(10).nullable(),
    membership: z.enum(["R2000", "R1000", "none"]),
    ttm: ttmSchema.nullable(),
    years: z.array(fiscalYearSchema).max(5),
  })
  .strict();

export const snapshotSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION, { message: `this add-in reads schemaVersion ${SCHEMA_VERSION}` }),
    provenance: z
      .object({
        asOf: isoDate,
        generatedAt: z.iso.datetime({ offset: true }),
        source: z.string().min(1).max(500),
        isDemo: z.boolean(),
        coverage: z
          .object({
            constituents: z.number().int().min(0),
            withFundamentals: z.number().int().min(0),
            withMarketCap: z.number().int().min(0),
          })
          .strict(),
        notes: z.array(z.string().max(2000)).max(50),
      })
      .strict(),
    index: z
      .object({
        name: z.string().min(1).max(100),
        breakpoint: num.positive(),
        upperBand: num.positive(),
        bandPercentile: num.min(0).max(50),
        bandSource: z.string().max(500),
        calendar: z
          .object({
            annualRankMonth: z.number().int().min(1).max(12),
            lateRankMonth: z.number().int().min(1).max(12).nullable(),
            lateFromYear: z.number().int().min(2000).max(2200),
            lateEffectiveFriday: z.number().int().min(1).max(4).optional(),
          })
          .strict(),
      })
      .strict(),
    fundamentalFields: z.array(z.string()).refine(
      (a) => a.length === FUNDAMENTAL_FIELDS.length && a.every((f, i) => f === FUNDAMENTAL_FIELDS[i]),
      { message: `expected exactly [${FUNDAMENTAL_FIELDS.join(", ")}]` },
    ),
    companies: z.array(companySchema).min(1, "the snapshot has no companies").max(20000),
  })
  .strict();

export type SnapshotWire = z.infer<typeof snapshotSchema>;
export type CompanyWire = z.infer<typeof companySchema>;
