import { encodeSnapshot, serializeSnapshot } from "../../src/data/snapshot-codec";
import { parseSnapshot, summarizeProblems, validateSnapshot } from "../../src/data/snapshot-validate";
import { FUNDAMENTAL_FIELDS } from "../../src/model/fundamentals";
import { company, universe, values, year } from "../support/universe-builders";

const good = universe([
  company("ABC", {
    ttm: { end: "2026-03-31", values: values({ netIncome: 12.5, revenue: 100 }) },
    years: [year(2025, { netIncome: 10 }), year(2024, { netIncome: -3 })],
  }),
  company("BRK.B", { sector: "Financials" }),
]);

function wire(): ReturnType<typeof encodeSnapshot> {
  return JSON.parse(serializeSnapshot(good));
}

function problemsOf(doc: unknown) {
  const r = validateSnapshot(doc);
  if (r.ok) throw new Error("expected a refusal");
  return r.problems;
}

describe("snapshot validation", () => {
  test("a good snapshot round-trips through the wire format unchanged", () => {
    const r = parseSnapshot(serializeSnapshot(good));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.universe).toEqual(good);
  });

  test("the wire format stores fundamentals as arrays in catalogue order, nulls kept", () => {
    const w = wire();
    expect(w.fundamentalFields[3]).toBe("netIncome");
    expect(w.companies[0]!.ttm!.v[3]).toBe(12.5);
    expect(w.companies[0]!.ttm!.v[0]).toBe(100);
    expect(w.companies[0]!.ttm!.v[1]).toBeNull();
  });

  test("every fundamental field keeps its own column through the wire format", () => {
    const all = values(Object.fromEntries(FUNDAMENTAL_FIELDS.map((f, i) => [f, i + 1])));
    const u = universe([company("ABC", { ttm: { end: "2026-03-31", values: all }, years: [year(2025, all)] })]);
    expect(JSON.parse(serializeSnapshot(u)).companies[0].ttm.v).toEqual(FUNDAMENTAL_FIELDS.map((_, i) => i + 1));
    const r = parseSnapshot(serializeSnapshot(u));
    expect(r.ok && r.universe.companies[0]!.ttm!.values).toEqual(all);
    expect(r.ok && Object.keys(r.universe.companies[0]!.years[0]!.values)).toEqual([...FUNDAMENTAL_FIELDS]);
  });

  test("invalid JSON is refused with the parser's reason", () => {
    const r = parseSnapshot('{"schemaVersion": 1,');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/^not valid JSON/);
  });

  test("a byte-order mark before the JSON is accepted", () => {
    expect(parseSnapshot(`\ufeff${serializeSnapshot(good)}`).ok).toBe(true);
  });

  test("a wrong type names the company, the field and the reason", () => {
    const w = wire();
    (w.companies[0]!.ttm!.v as unknown[])[3] = "12.5";
    const [p] = problemsOf(w);
    expect(p!.path).toBe("companies[0] (ABC).ttm.netIncome");
    expect(p!.message).toMatch(/number/i);
  });

  test("NaN and infinite numbers are refused", () => {
    const w = wire();
    w.companies[1]!.marketCap = Number.NaN;
    w.companies[0]!.price = Number.POSITIVE_INFINITY;
    const paths = problemsOf(w).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["companies[1] (BRK.B).marketCap", "companies[0] (ABC).price"]));
  });

  test("duplicate tickers are refused, share-class spellings counting as the same company", () => {
    const w = wire();
    w.companies[0]!.ticker = "brk-b";
    const [p] = problemsOf(w);
    expect(p!.path).toBe("companies[1] (BRK.B)");
    expect(p!.message).toMatch(/duplicate ticker/);
  });

  test("a wrong schema version, unknown keys, bad dates and short period arrays are named", () => {
    const w = wire() as unknown as Record<string, unknown> & ReturnType<typeof wire>;
    (w as { schemaVersion: number }).schemaVersion = 2;
    (w.companies[0] as unknown as Record<string, unknown>).marketcap = 5;
    w.provenance.asOf = "2026-02-30";
    w.companies[0]!.years[0]!.v = [1, 2];
    const problems = problemsOf(w);
    const text = problems.map((p) => `${p.path}: ${p.message}`).join("\n");
    expect(text).toMatch(/^schemaVersion: this add-in reads schemaVersion 1/m);
    expect(text).toMatch(/companies\[0\] \(ABC\): Unrecognized key: "marketcap"/);
    expect(text).toMatch(/provenance\.asOf: not a real calendar date/);
    expect(text).toMatch(/companies\[0\] \(ABC\)\.years\[0\]\.v: expected 16 values/);
  });

  test("an upper band below the breakpoint is refused", () => {
    const w = wire();
    w.index.upperBand = 4000;
    expect(problemsOf(w)[0]).toEqual({
      path: "index.upperBand",
      message: "upper band (4000) is below the breakpoint (4600)",
    });
  });

  test("fiscal years out of order are refused", () => {
    const w = wire();
    w.companies[0]!.years.reverse();
    expect(problemsOf(w)[0]!.path).toBe("companies[0] (ABC).years[1]");
  });

  test("the one-line summary counts the rest", () => {
    expect(
      summarizeProblems([
        { path: "a", message: "x" },
        { path: "b", message: "y" },
      ]),
    ).toBe("a: x (and 1 more)");
  });
});
