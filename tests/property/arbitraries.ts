// Generators shared by the property tests: what a user can type into a cell (or Excel can hand a function), ranges of
// it (ragged and huge ones too), and whole valid snapshots with extreme but legal values.
import fc from "fast-check";
import { FUNDAMENTAL_FIELDS } from "../../src/model/fundamentals";
import { SECTORS } from "../../src/model/sectors";
import { THEME_IDS } from "../../src/model/themes";
import { normalizeTicker } from "../../src/model/tickers";
import { INDEX_CAP_RANGE, SCHEMA_VERSION, type CompanyWire, type SnapshotWire } from "../../src/data/snapshot-schema";

// ── Text ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Characters that have broken parsers before: invisible spaces, separators, quotes, formula starters, surrogates. */
const NASTY = [
  "\u00a0",
  "\ufeff",
  "\u2028",
  "\u200b",
  "\t",
  "\n",
  "\r",
  '"',
  "'",
  ",",
  ".",
  "-",
  "/",
  "_",
  " ",
  "=",
  "+",
  "@",
  "\ufffd",
  "\u0000",
  "\ud800",
  "\udfff",
  "é",
  "ß",
  "İ",
  "ﬁ",
  "𝔸",
  "\u202e",
];
const char = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
);

/** Any Unicode text, lone surrogates included, biased towards the troublesome characters. */
export const anyText = (maxLength = 24) => fc.string({ unit: char, maxLength });

// ── Cells ────────────────────────────────────────────────────────────────────────────────────────────────────

export const ERROR_CODES = ["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!", "#NAME?", "#REF!"] as const;

/** An Excel error value as the runtime passes it to a function that accepts errors: a CustomFunctions.Error. */
export const excelErrorValue = fc
  .constantFrom(...ERROR_CODES)
  .map((code) => new CustomFunctions.Error(code as CustomFunctions.ErrorCode));

/** Numbers as Excel passes them: finite doubles (Excel has no NaN or infinity in a cell). */
export const excelNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1, 1e15, -1e-300, 45000),
);

/** A blank cell: Excel passes null (an empty cell) or "" (a formula returning ""); a caller outside Excel, undefined. */
export const blank = fc.constantFrom(null, "", undefined);

/** A known ticker as a user might type it: any case, share-class separators swapped, padded with (invisible) spaces. */
export function tickerSpelling(tickers: readonly string[]): fc.Arbitrary<{ canonical: string; typed: string }> {
  return fc
    .tuple(
      fc.constantFrom(...tickers),
      fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
      fc.constantFrom(".", "-", " ", "/", "_", ". "),
      fc.constantFrom("", " ", "  ", "\u00a0", "\t"),
      fc.constantFrom("", " ", "\u00a0", "\n"),
    )
    .map(([canonical, upper, sep, before, after]) => {
      const cased = [...canonical].map((ch, i) => (upper[i % 16] ? ch.toUpperCase() : ch.toLowerCase())).join("");
      return { canonical, typed: before + cased.replace(/[.\-/ _]+/g, sep) + after };
    });
}

/** Whatever a cell can hold. Known tickers come in `spellings`; everything else is noise of every type. */
export function anyCell(tickers: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: tickerSpelling(tickers).map((t) => t.typed) },
    { weight: 3, arbitrary: anyText() },
    { weight: 1, arbitrary: fc.stringMatching(/^[=+\-@][A-Z(]{0,6}/) },
    { weight: 2, arbitrary: excelNumber },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 2, arbitrary: blank },
    { weight: 1, arbitrary: excelErrorValue },
  );
}

/**
 * A range argument: a matrix (sometimes ragged, as no Excel range is but a direct caller's may be), a huge column or
 * block built from a repeating pool (500–2,500 rows), a lone value, or an empty matrix.
 */
export function anyRange(cell: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const matrix = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 });
  const rectangle = fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }))
    .chain(([rows, cols]) =>
      fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
    );
  const huge = fc
    .tuple(
      fc.array(cell, { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 500, max: 2500 }),
      fc.constantFrom(1, 1, 2),
    )
    .map(([pool, rows, cols]) =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) => pool[(r * cols + c) % pool.length]),
      ),
    );
  return fc.oneof(
    { weight: 9, arbitrary: rectangle },
    { weight: 4, arbitrary: matrix },
    { weight: 1, arbitrary: huge },
    { weight: 3, arbitrary: cell },
    { weight: 1, arbitrary: fc.constantFrom([], [[]]) },
  );
}

/** An optional argument: omitted (undefined, or null in the middle of a call), a valid choice in any spelling, or noise. */
export function anyArgument(valid: readonly string[], tickers: readonly string[]): fc.Arbitrary<unknown> {
  const spelled = fc
    .tuple(fc.constantFrom(...valid), fc.boolean(), fc.constantFrom("", " ", "\u00a0"))
    .map(([v, up, pad]) => pad + (up ? v.toUpperCase().replace(/_/g, " ") : v) + pad);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(undefined, null) },
    { weight: 4, arbitrary: spelled },
    { weight: 3, arbitrary: anyCell(tickers) },
  );
}

// ── Snapshots ────────────────────────────────────────────────────────────────────────────────────────────────

/** Finite doubles: mostly plausible magnitudes, sometimes the extremes a schema of `number` still lets through. */
export const finite = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e5, max: 1e5, noNaN: true }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      0,
      -0,
      1,
      -1,
      1e-300,
      -1e-300,
      1e300,
      -1e300,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      Number.MIN_VALUE,
    ),
  },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);
const positive = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 1e-3, max: 1e5, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.MIN_VALUE, 1e-300, 1e300, Number.MAX_VALUE) },
);
/** A breakpoint or band in USD millions, edges included (docs/snapshot-format.md's sane range). */
const indexCap = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: INDEX_CAP_RANGE.min, max: 1e5, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(INDEX_CAP_RANGE.min, INDEX_CAP_RANGE.max) },
);
const maybe = <T>(a: fc.Arbitrary<T>, freq = 4) => fc.option(a, { nil: null, freq });

const isoDate = (from: number, to: number) =>
  fc
    .integer({ min: Date.UTC(from, 0, 1), max: Date.UTC(to, 11, 31) })
    .map((t) => new Date(t).toISOString().slice(0, 10));
const values = fc.array(maybe(finite, 5), {
  minLength: FUNDAMENTAL_FIELDS.length,
  maxLength: FUNDAMENTAL_FIELDS.length,
});

/** Tickers: mostly ticker-like (with share classes), sometimes any text a schema allows (1–16 characters). */
const ticker = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Z]{1,5}([.\- ][A-Z])?$/) },
  // Any text of the ticker character set (docs/snapshot-format.md), spaces around it included.
  { weight: 1, arbitrary: fc.stringMatching(/^ ?[A-Za-z0-9][A-Za-z0-9 ./_-]{0,14}$/) },
);

export const companyWire: fc.Arbitrary<CompanyWire> = fc.record({
  ticker,
  name: anyText(40),
  cik: maybe(fc.stringMatching(/^\d{1,10}$/)),
  sector: maybe(fc.constantFrom(...SECTORS), 6),
  industry: maybe(anyText(30)),
  sic: maybe(fc.integer({ min: 100, max: 9999 })),
  themes: fc.subarray([...THEME_IDS]),
  price: maybe(positive),
  sharesOutstanding: maybe(positive),
  marketCap: maybe(positive, 6),
  marketCapEstimated: fc.boolean(),
  weight: maybe(fc.double({ min: 0, max: 100, noNaN: true })),
  volatility: maybe(
    fc.oneof(fc.double({ min: 0.01, max: 10, noNaN: true }), fc.constantFrom(Number.MIN_VALUE, 1e-9, 10)),
  ),
  membership: fc.constantFrom("R2000", "R2000", "R1000", "none"),
  ttm: maybe(fc.record({ end: isoDate(2015, 2030), v: values }), 3),
  years: fc
    .uniqueArray(fc.integer({ min: 2010, max: 2030 }), { maxLength: 5 })
    .chain((fys) =>
      fc.tuple(...fys.sort((a, b) => b - a).map((fy) => values.map((v) => ({ fy, end: `${fy}-12-31`, v })))),
    ),
}) as fc.Arbitrary<CompanyWire>;

/** A valid snapshot: 1–`max` companies with distinct tickers, any legal calendar, band and dates. */
export function snapshotWire(max = 25): fc.Arbitrary<SnapshotWire> {
  return fc
    .record({
      asOf: fc.oneof(
        { weight: 8, arbitrary: isoDate(2020, 2032) },
        { weight: 1, arbitrary: fc.constantFrom("1990-01-01", "2000-02-29", "2024-02-29", "2100-12-31") },
      ),
      isDemo: fc.boolean(),
      breakpoint: indexCap,
      bandExtra: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e4, noNaN: true })),
      annualRankMonth: fc.integer({ min: 1, max: 12 }),
      lateRankMonth: maybe(fc.integer({ min: 1, max: 12 }), 2),
      lateFromYear: fc.integer({ min: 2000, max: 2200 }),
      lateEffectiveFriday: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      source: anyText(60).filter((s) => s.length > 0),
      companies: fc.uniqueArray(companyWire, {
        minLength: 1,
        maxLength: max,
        selector: (c) => normalizeTicker(c.ticker.trim()),
      }),
    })
    .map((r) => ({
      schemaVersion: SCHEMA_VERSION,
      provenance: {
        asOf: r.asOf,
        generatedAt: "2026-04-30T18:00:00.000Z",
        source: r.source,
        isDemo: r.isDemo,
        coverage: {
          constituents: r.companies.length,
          withFundamentals: r.companies.filter((c) => c.ttm).length,
          withMarketCap: r.companies.filter((c) => c.marketCap !== null).length,
        },
        notes: [],
      },
      index: {
        name: "Russell 2000",
        breakpoint: r.breakpoint,
        upperBand: Math.min(INDEX_CAP_RANGE.max, r.breakpoint + r.bandExtra),
        bandPercentile: 2.5,
        bandSource: "generated",
        calendar: {
          annualRankMonth: r.annualRankMonth,
          lateRankMonth: r.lateRankMonth,
          lateFromYear: r.lateFromYear,
          ...(r.lateEffectiveFriday === undefined ? {} : { lateEffectiveFriday: r.lateEffectiveFriday }),
        },
      },
      fundamentalFields: [...FUNDAMENTAL_FIELDS],
      companies: r.companies,
    }));
}
