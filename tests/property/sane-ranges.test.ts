// Issue 17, class 6: absurd dates and index facts. A snapshot dated 9999-12-31 or 0000-01-01, or with a breakpoint
// of 5e-324 and a band of 1e308, used to validate and give silently wrong answers. Generated out-of-range values
// are refused with the path named; generated in-range ones are accepted.
import fc from "fast-check";
import { AS_OF_YEARS, INDEX_CAP_RANGE, PERIOD_YEARS } from "../../src/data/snapshot-schema";
import { validateSnapshot } from "../../src/data/snapshot-validate";
import { snapshotWire } from "./arbitraries";
import { show } from "./contract";
import { check, printCounts, tally } from "./runs";

jest.setTimeout(20 * 60_000);
afterAll(() => printCounts("ranges"));

const base = snapshotWire(3);
const pad = (n: number, w: number) => String(n).padStart(w, "0");
/** A real calendar date (day ≤ 28) in the years given. */
const dateIn = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min, max }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const outsideYears = (r: { min: number; max: number }) =>
  fc.oneof(dateIn(0, r.min - 1), dateIn(r.max + 1, 9999), fc.constantFrom("0000-01-01", "9999-12-31"));
/** A finite number outside the cap range: subnormal, tiny, huge. */
const absurdCap = fc.oneof(
  fc.double({ min: Number.MIN_VALUE, max: INDEX_CAP_RANGE.min, maxExcluded: true, noNaN: true }),
  fc.double({ min: INDEX_CAP_RANGE.max, max: Number.MAX_VALUE, minExcluded: true, noNaN: true }),
  fc.constantFrom(5e-324, 1e308, -1, 0),
);

function refusedAt(w: unknown, path: string): void {
  const r = validateSnapshot(w);
  if (r.ok) throw new Error(`accepted: ${show(w)}`);
  if (!r.problems.some((p) => p.path === path)) throw new Error(`no problem at ${path}: ${show(r.problems)}`);
}

test("an asOf outside the sane years is refused, naming provenance.asOf", async () => {
  await check(
    "absurd asOf refused",
    fc.property(base, outsideYears(AS_OF_YEARS), (w, asOf) => {
      tally("absurd asOf refused");
      refusedAt({ ...w, provenance: { ...w.provenance, asOf } }, "provenance.asOf");
    }),
  );
});

test("a period end outside the sane years is refused", async () => {
  await check(
    "absurd period end refused",
    fc.property(base, outsideYears(PERIOD_YEARS), (w, end) => {
      tally("absurd period end refused");
      const companies = w.companies.map((c, i) =>
        i === 0 ? { ...c, ttm: { end, v: c.ttm?.v ?? w.fundamentalFields.map(() => null) } } : c,
      );
      refusedAt({ ...w, companies }, `companies[0] (${w.companies[0]!.ticker}).ttm.end`);
    }),
  );
});

test("a breakpoint or band outside the sane range is refused, naming the field", async () => {
  await check(
    "absurd breakpoint/band refused",
    fc.property(base, absurdCap, fc.constantFrom("breakpoint", "upperBand"), (w, v, key) => {
      tally("absurd breakpoint/band refused");
      refusedAt({ ...w, index: { ...w.index, [key]: v } }, `index.${key}`);
    }),
  );
});

test("every date and cap inside the ranges is accepted", async () => {
  await check(
    "in-range asOf and caps accepted",
    fc.property(
      base,
      dateIn(AS_OF_YEARS.min, AS_OF_YEARS.max),
      fc.double({ min: INDEX_CAP_RANGE.min, max: INDEX_CAP_RANGE.max, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (w, asOf, a, f) => {
        tally("in-range asOf and caps accepted");
        const upperBand = a + (INDEX_CAP_RANGE.max - a) * f;
        const doc = { ...w, provenance: { ...w.provenance, asOf }, index: { ...w.index, breakpoint: a, upperBand } };
        const r = validateSnapshot(doc);
        if (!r.ok) throw new Error(`refused ${show(r.problems)}`);
      },
    ),
  );
});
