// The snapshot's wire format (DESIGN.md §3), validated by zod on every load. Fundamentals are stored as arrays in
// the column order of `fundamentalFields` (the model's FUNDAMENTAL_FIELDS): a snapshot of 2,000 companies × six
// periods would otherwise repeat sixteen key names 12,000 times.
import { z } from "zod";
import { FUNDAMENTAL_FIELDS } from "../model/fundamentals";
import { SECTORS } from "../model/sectors";
import { THEME_IDS } from "../model/themes";

export const SCHEMA_VERSION = 1;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a real calendar date");

const num = z.number(); // zod 4 refuses NaN and ±Infinity
const nullableNum = num.nullable();
const positiveOrNull = num.positive().nullable();

const periodValues = z.array(nullableNum).length(FUNDAMENTAL_FIELDS.length, {
  message: `expected ${FUNDAMENTAL_FIELDS.length} values, one per fundamentalFields entry`,
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
