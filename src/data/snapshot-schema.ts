// The snapshot's wire format (docs/snapshot-format.md), validated by zod on every load. Fundamentals are stored as arrays in
// the column order of `fundamentalFields` (the model's FUNDAMENTAL_FIELDS): a snapshot of 2,000 companies × six
// periods would otherwise repeat sixteen key names 12,000 times.
import { z } from "zod";
import { FUNDAMENTAL_FIELDS } from "../model/fundamentals";
import { SECTORS } from "../model/sectors";
import { THEME_IDS } from "../model/themes";
import { tickerProblem } from "../model/tickers";

export const SCHEMA_VERSION = 1;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** The number the digits s[from..to) spell, or NaN where one is not a digit (no substrings: ~14,000 dates a load). */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}
/**
 * Sane ranges (docs/snapshot-format.md): a date outside them is a typo or an attack, not data. A snapshot dated
 * 9999-12-31 made every graduation probability 0, one dated 0000 counted against rank days in 1900.
 */
export const AS_OF_YEARS = { min: 1990, max: 2100 } as const;
export const PERIOD_YEARS = { min: 1900, max: 2200 } as const;
/** USD millions: $1 million to $1 trillion holds every Russell breakpoint and band there has been, many times over. */
export const INDEX_CAP_RANGE = { min: 1, max: 1_000_000 } as const;

/** YYYY-MM-DD and a real calendar date in the years given, checked arithmetically. */
function isCalendarDate(s: string, years: { min: number; max: number } = PERIOD_YEARS): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digits(s, 0, 4);
  if (!(y >= years.min && y <= years.max)) return false;
  const m = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= DAYS_IN_MONTH[m - 1]!) || Number.isNaN(y)) return false;
  return m !== 2 || d < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
}

const DATE_FORMAT = /^\d{4}-\d{2}-\d{2}$/;
/** A date schema for the years given; one reason per bad date. */
const isoDateIn = (years: { min: number; max: number }) =>
  z
    .string()
    .regex(DATE_FORMAT, "expected a date as YYYY-MM-DD")
    .refine(
      (s) => !DATE_FORMAT.test(s) || isCalendarDate(s, years),
      `not a real calendar date in the years ${years.min}–${years.max}`,
    );
const isoDate = isoDateIn(PERIOD_YEARS);

const CIK = /^\d{1,10}$/;
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
    ctx.addIssue({
      code: "custom",
      message: `expected ${FUNDAMENTAL_FIELDS.length} values, one per fundamentalFields entry`,
    });
  }
  for (let i = 0; i < arr.length; i++) {
    const v: unknown = arr[i];
    if (v === null || (typeof v === "number" && Number.isFinite(v))) continue;
    const got = typeof v === "number" ? String(v) : v === undefined ? "undefined" : typeof v;
    ctx.addIssue({ code: "custom", path: [i], message: `Invalid input: expected number or null, received ${got}` });
  }
});

const ttmSchema = z.object({ end: isoDate, v: periodValues }).strict();
const fiscalYearSchema = z.object({ fy: z.number().int().min(1900).max(2200), end: isoDate, v: periodValues }).strict();

export const companySchema = z
  .object({
    ticker: z
      .string()
      .trim()
      .min(1, "ticker is empty")
      .max(16)
      .superRefine((t, ctx) => {
        const why = t === "" ? null : tickerProblem(t);
        if (why) ctx.addIssue({ code: "custom", message: why });
      }),
    name: z.string().max(200),
    cik: z.string().regex(CIK, "CIK must be 1–10 digits").nullable(),
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

export type CompanyWire = z.infer<typeof companySchema>;

// ── The fast path for companies ─────────────────────────────────────────────────────────────────────────────
// zod builds a new object for every object it checks: for 2,000 companies with 12,000 periods that copying, and
// collecting it again, was most of a load. A company is first checked by the plain function below, which approves
// only what companySchema accepts and returns unchanged, and is then passed on as it is; anything it does not
// approve (an error, or something zod would change, such as a ticker with spaces around it) is parsed by
// companySchema itself, so every refusal keeps zod's own path and message. tests/data/snapshot-fast-path.test.ts
// holds the two together.

const SECTOR_SET: ReadonlySet<unknown> = new Set(SECTORS);
const THEME_SET: ReadonlySet<unknown> = new Set(THEME_IDS);
const COMPANY_KEYS = Object.keys(companySchema.shape).length;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
/**
 * Enumerable keys, counted without allocating: with every expected key present, the count rules out any other.
 * (Inherited enumerable keys, which JSON never makes, only raise the count: such a value goes to zod.)
 */
function keyCount(o: object): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}
/**
 * An array as JSON makes it. One with its own `constructor` (or another prototype) would be copied wrongly by
 * Array methods such as map, which look up the constructor's species: such a value goes to zod, which builds a new one.
 */
const hasOwn = Object.prototype.hasOwnProperty;
const isPlainArray = (v: unknown): v is unknown[] =>
  Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype && !hasOwn.call(v, "constructor");
const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const positiveOrNullOk = (v: unknown) => v === null || (finite(v) && v > 0);
const textOrNullOk = (v: unknown, max: number) => v === null || (typeof v === "string" && v.length <= max);
const dateOk = (v: unknown) => typeof v === "string" && isCalendarDate(v);

function valuesOk(v: unknown): boolean {
  if (!isPlainArray(v) || v.length !== FUNDAMENTAL_FIELDS.length) return false;
  for (let i = 0; i < v.length; i++) if (v[i] !== null && !finite(v[i])) return false;
  return true;
}

function themesOk(v: unknown): boolean {
  if (!isPlainArray(v) || v.length > THEME_IDS.length) return false;
  for (let i = 0; i < v.length; i++) if (!THEME_SET.has(v[i])) return false;
  return true;
}

function yearsOk(v: unknown): boolean {
  if (!isPlainArray(v) || v.length > 5) return false;
  for (let i = 0; i < v.length; i++) {
    const y: unknown = v[i];
    if (
      !isObject(y) ||
      keyCount(y) !== 3 ||
      !Number.isInteger(y.fy) ||
      (y.fy as number) < 1900 ||
      (y.fy as number) > 2200 ||
      !dateOk(y.end) ||
      !valuesOk(y.v)
    )
      return false;
  }
  return true;
}

/** True only for a company that companySchema accepts and returns unchanged. */
export function isPlainValidCompany(c: unknown): c is CompanyWire {
  if (!isObject(c) || keyCount(c) !== COMPANY_KEYS) return false;
  const { ticker, ttm, sic, weight, volatility } = c;
  return (
    typeof ticker === "string" &&
    ticker.length >= 1 &&
    ticker.length <= 16 &&
    ticker.trim() === ticker &&
    tickerProblem(ticker) === null &&
    typeof c.name === "string" &&
    c.name.length <= 200 &&
    (c.cik === null || (typeof c.cik === "string" && CIK.test(c.cik))) &&
    (c.sector === null || SECTOR_SET.has(c.sector)) &&
    textOrNullOk(c.industry, 200) &&
    (sic === null || (Number.isInteger(sic) && (sic as number) >= 100 && (sic as number) <= 9999)) &&
    themesOk(c.themes) &&
    positiveOrNullOk(c.price) &&
    positiveOrNullOk(c.sharesOutstanding) &&
    positiveOrNullOk(c.marketCap) &&
    typeof c.marketCapEstimated === "boolean" &&
    (weight === null || (finite(weight) && weight >= 0 && weight <= 100)) &&
    (volatility === null || (finite(volatility) && volatility > 0 && volatility <= 10)) &&
    (c.membership === "R2000" || c.membership === "R1000" || c.membership === "none") &&
    (ttm === null || (isObject(ttm) && keyCount(ttm) === 2 && dateOk(ttm.end) && valuesOk(ttm.v))) &&
    yearsOk(c.years)
  );
}

/** A company as companySchema reads it, through the fast path where it applies. */
const companyEntry = z.custom<CompanyWire>().transform((c, ctx): CompanyWire => {
  if (isPlainValidCompany(c)) return c;
  const parsed = companySchema.safeParse(c);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
  return z.NEVER;
});

export const snapshotSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION, { message: `this add-in reads schemaVersion ${SCHEMA_VERSION}` }),
    provenance: z
      .object({
        asOf: isoDateIn(AS_OF_YEARS),
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
        breakpoint: num.min(INDEX_CAP_RANGE.min).max(INDEX_CAP_RANGE.max),
        upperBand: num.min(INDEX_CAP_RANGE.min).max(INDEX_CAP_RANGE.max),
        bandPercentile: num.min(0).max(50),
        bandSource: z.string().max(2000),
        bandSpread: num.min(0).max(5).optional(),
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
    fundamentalFields: z
      .array(z.string())
      .refine((a) => a.length === FUNDAMENTAL_FIELDS.length && a.every((f, i) => f === FUNDAMENTAL_FIELDS[i]), {
        message: `expected exactly [${FUNDAMENTAL_FIELDS.join(", ")}]`,
      }),
    companies: z.array(companyEntry).min(1, "the snapshot has no companies").max(20000),
  })
  .strict();

export type SnapshotWire = z.infer<typeof snapshotSchema>;
