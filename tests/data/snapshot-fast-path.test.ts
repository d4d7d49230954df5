// The snapshot schema's fast path for companies (snapshot-schema.ts) must approve only what companySchema accepts
// and returns unchanged, and must leave every refusal to zod: the same problems, paths and messages as a schema
// without it.
import fc from "fast-check";
import { z } from "zod";
import { generateDemoUniverse } from "../../src/data/sources/demo/generator";
import { encodeSnapshot } from "../../src/data/snapshot-codec";
import { companySchema, isPlainValidCompany, snapshotSchema, type CompanyWire } from "../../src/data/snapshot-schema";
import { validateSnapshot } from "../../src/data/snapshot-validate";
import { company, universe, values, year } from "../support/universe-builders";

/** The schema as it was before the fast path: zod for every company. */
const zodOnly = snapshotSchema.extend({
  companies: z.array(companySchema).min(1, "the snapshot has no companies").max(20000),
});

const good = encodeSnapshot(
  universe([
    company("ABC", {
      cik: "320193",
      sector: "Industrials",
      industry: "Machinery",
      sic: 3560,
      themes: ["automation"],
      weight: 0.05,
      ttm: { end: "2026-03-31", values: values({ netIncome: 12.5, revenue: 100 }) },
      years: [year(2025, { netIncome: 10 }), year(2024, { netIncome: -3 })],
    }),
  ]),
);
const base = (): Record<string, unknown> => JSON.parse(JSON.stringify(good.companies[0]));

const issues = (schema: z.ZodType, doc: unknown) => {
  const r = schema.safeParse(doc);
  return r.success
    ? { ok: true, data: r.data }
    : { ok: false, issues: r.error.issues.map((i) => ({ path: i.path, message: i.message })) };
};

/** A company in a snapshot: the fast path gives zod's verdict, and approves only values zod leaves as they are. */
function agrees(c: unknown): void {
  if (isPlainValidCompany(c)) {
    const r = companySchema.safeParse(c);
    expect(r.success).toBe(true);
    expect(r.data).toEqual(c);
  }
  const doc = { ...good, companies: [good.companies[0], c] };
  expect(issues(snapshotSchema, doc)).toEqual(issues(zodOnly, doc));
}

const BAD_VALUES: unknown[] = [
  null,
  undefined,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "",
  " ",
  "x",
  true,
  [],
  {},
  [1],
  1e9,
];

describe("the fast path for companies", () => {
  test("every company of the demo universe takes it", () => {
    const wire = encodeSnapshot(generateDemoUniverse({ count: 300 }));
    expect(wire.companies.filter((c: unknown) => !isPlainValidCompany(c)).map((c) => c.ticker)).toEqual([]);
  });

  test("a good company takes it and is passed on as it is", () => {
    const c = base();
    expect(isPlainValidCompany(c)).toBe(true);
    const r = snapshotSchema.safeParse({ ...good, companies: [c] });
    expect(r.success && r.data.companies[0]).toBe(c);
  });

  test("an array with its own `constructor` (not JSON's making) goes to zod, and the snapshot decodes", () => {
    // Found by the property suite: such an array passed on as it was broke Array.prototype.map (species) in decoding.
    for (const part of ["years", "themes", "ttm.v", "years.0.v"]) {
      const c = base();
      const keys = part.split(".");
      let target: Record<string, unknown> = c;
      for (const k of keys.slice(0, -1)) target = target[k] as Record<string, unknown>;
      Object.defineProperty(target[keys.at(-1)!], "constructor", { value: Number.NaN, enumerable: true });
      expect(isPlainValidCompany(c)).toBe(false);
      const doc = { ...good, companies: [c] };
      const r = validateSnapshot(doc);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.universe.companies[0]!.years.map((y) => y.fiscalYear)).toEqual([2025, 2024]);
    }
  });

  test("every field set to a wrong or boundary value: zod's verdict, path and message", () => {
    const edge: Record<string, unknown[]> = {
      ticker: ["A", "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOPQ", " ABC", "ABC ", "\tA", "brk.b"],
      name: ["", "n".repeat(200), "n".repeat(201)],
      cik: ["1", "1234567890", "12345678901", "12a", "0012"],
      sector: ["Financials", "Tech", "financials"],
      industry: ["i".repeat(200), "i".repeat(201)],
      sic: [99, 100, 9999, 10000, 100.5],
      themes: [["automation", "automation"], ["nope"], ["automation", "defence"], "automation"],
      price: [1e-9, -0],
      marketCap: [5e3],
      weight: [0, -0, 100, 100.0001, -1e-9],
      volatility: [10, 10.0001, 1e-9],
      membership: ["R2000", "R1000", "none", "R3000"],
      ttm: [
        { end: "2026-03-31" },
        { end: "2026-02-30", v: good.companies[0]!.ttm!.v },
        { end: "2026-03-31", v: good.companies[0]!.ttm!.v, x: 1 },
      ],
    };
    for (const key of Object.keys(base())) {
      for (const v of [...BAD_VALUES, ...(edge[key] ?? [])]) {
        const c = base();
        if (v === undefined) delete c[key];
        else c[key] = v;
        agrees(c);
      }
    }
    const extra = base();
    extra.marketcap = 5;
    agrees(extra);
  });

  test("periods: years, fiscal years, dates and value arrays", () => {
    const y0 = () => base().years as Record<string, unknown>[];
    const cases: ((c: Record<string, unknown>) => void)[] = [
      (c) => ((c.years as unknown[]).length = 0),
      (c) => (c.years = Array.from({ length: 6 }, (_, i) => ({ ...y0()[0], fy: 2025 - i }))),
      (c) => (c.years = Array.from({ length: 5 }, (_, i) => ({ ...y0()[0], fy: 2025 - i }))),
      ...[1899, 1900, 2200, 2201, 2024.5, "2024", null].map(
        (fy) => (c: Record<string, unknown>) => ((c.years as Record<string, unknown>[])[0]!.fy = fy),
      ),
      ...[
        "2025-12-31",
        "2024-02-29",
        "2025-02-29",
        "2100-02-29",
        "2000-02-29",
        "2025-1-31",
        "2025-13-01",
        "2025-00-01",
        "2025-12-32",
        "25-12-31",
        "2025/12/31",
        "",
        20251231,
      ].map((end) => (c: Record<string, unknown>) => ((c.years as Record<string, unknown>[])[0]!.end = end)),
      (c) => (((c.years as Record<string, unknown>[])[0]!.v as unknown[]).length = 15),
      (c) => ((c.years as Record<string, unknown>[])[0]!.v as unknown[]).push(1),
      ...[Number.NaN, Number.NEGATIVE_INFINITY, "1", undefined, true].map(
        (x) => (c: Record<string, unknown>) => ((c.ttm as { v: unknown[] }).v[3] = x),
      ),
      (c) => ((c.years as Record<string, unknown>[])[0]!.extra = 1),
      (c) => delete (c.years as Record<string, unknown>[])[0]!.end,
      (c) => ((c.years as unknown[])[0] = null),
      (c) => (c.ttm = [1]),
    ];
    for (const change of cases) {
      const c = base();
      change(c);
      agrees(c);
    }
  });

  test("random changes to a good company (property)", () => {
    const keys = Object.keys(base());
    const anyValue = fc.oneof(
      fc.constantFrom(...BAD_VALUES),
      fc.double(),
      fc.integer(),
      fc.string({ maxLength: 20 }),
      fc.array(fc.oneof(fc.constant(null), fc.double()), { maxLength: 17 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...keys, "ttm.v.0", "years.0.fy", "years.0.end", "extra"), anyValue), {
          minLength: 1,
          maxLength: 3,
        }),
        (changes) => {
          const c = base() as Record<string, any>;
          for (const [key, v] of changes) {
            const parts = key.split(".");
            let node = c;
            for (const p of parts.slice(0, -1)) node = node?.[p];
            if (node && typeof node === "object") node[parts.at(-1)!] = v;
          }
          agrees(c as CompanyWire);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
