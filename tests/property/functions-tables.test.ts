// FIELDS, SCORE_BREAKDOWN, CONSTITUENTS, AS_OF and UNPROFITABLE_SHARE over generated arguments on the runtimes of
// runtimes.ts, and all nine functions over generated snapshots with extreme but legal values and any calendar. Never
// a throw other than a typed error from a scalar function; always the declared kind or a typed Excel error.
import fc from "fast-check";
import { memoryStorage } from "../../src/data/key-value-storage";
import { serializeSnapshot } from "../../src/data/snapshot-codec";
import type { SnapshotWire } from "../../src/data/snapshot-schema";
import { UniverseStore } from "../../src/data/universe-store";
import { validateSnapshot } from "../../src/data/snapshot-validate";
import {
  asOf,
  constituents,
  fields,
  fieldValue,
  graduationProb,
  isProfitable,
  qualityScore,
  scoreBreakdown,
  unprofitableShare,
} from "../../src/functions/functions";
import { setStore } from "../../src/runtime/shared-store";
import { FIELD_CATALOGUE, findField } from "../../src/model/catalogue";
import { parseProfitBasis, PROFIT_BASES } from "../../src/model/profitability";
import { constituentsCriteria } from "../../src/model/screen";
import { SECTORS } from "../../src/model/sectors";
import { THEME_IDS } from "../../src/model/themes";
import { anyArgument, anyCell, anyRange, snapshotWire } from "./arbitraries";
import { checkTickerAnswer, isOfKind, isTypedError, show, type Kind } from "./contract";
import { check, printCounts, tally } from "./runs";
import { call, fail, runtimesForTests, use } from "./runtimes";

jest.setTimeout(20 * 60_000);
const runtime = runtimesForTests();
afterAll(() => printCounts("functions"));

test("QUALIS.FIELDS", async () => {
  await check(
    "FIELDS",
    fc.property(fc.array(anyCell(["ABCD"]), { maxLength: 3 }), (args) => {
      tally("FIELDS");
      const t = (fields as (...a: unknown[]) => string[][])(...args);
      const header = t[0]!.join("|") === "name|label|unit|description";
      if (
        !header ||
        t.length !== FIELD_CATALOGUE.length + 1 ||
        !t.every((row) => row.length === 4 && row.every((v) => typeof v === "string" && v.length > 0))
      ) {
        fail("FIELDS", `not the catalogue table for ${show(args)}`);
      }
    }),
  );
});

test("QUALIS.SCORE_BREAKDOWN", async () => {
  const target = "SCORE_BREAKDOWN";
  await check(
    target,
    fc.asyncProperty(
      runtime().chain((rt) => fc.tuple(fc.constant(rt), fc.oneof(anyCell(rt.tickers), anyRange(anyCell(rt.tickers))))),
      async ([rt, ticker]) => {
        tally(target);
        use(rt);
        const out = await call(() => scoreBreakdown(ticker));
        if (out.threw) fail(target, `threw ${show(out.value)} for ${show(ticker)}`);
        const rows = out.value as unknown[][];
        const problem = checkBreakdown(rows);
        if (problem) fail(target, `${problem} for ${show(ticker)}`);
        if (!rt.loaded && !isTypedError(rows[0]![0])) fail(target, `answered ${show(rows)} with no universe`);
      },
    ),
  );
});

test("QUALIS.CONSTITUENTS", async () => {
  const target = "CONSTITUENTS";
  const themes = [...THEME_IDS, "electrification, defence", "Selective financials"];
  const sectors = [...SECTORS, "industrials, energy", "Information Technology,Utilities"];
  await check(
    target,
    fc.asyncProperty(
      runtime().chain((rt) =>
        fc.tuple(
          fc.constant(rt),
          anyArgument(themes, rt.tickers),
          anyArgument(sectors, rt.tickers),
          fc.oneof(fc.boolean(), fc.constantFrom(0, 1, "TRUE", "false"), anyArgument(PROFIT_BASES, rt.tickers)),
        ),
      ),
      async ([rt, theme, sector, profitable]) => {
        tally(target);
        use(rt);
        const out = await call(() => constituents(theme as string, sector as string, profitable));
        if (out.threw) fail(target, `threw ${show(out.value)} for ${show([theme, sector, profitable])}`);
        const rows = out.value as unknown[][];
        const refused = !rt.loaded || !constituentsCriteria(theme, sector, profitable).ok;
        if (rows.length === 1 && rows[0]!.length === 1 && isTypedError(rows[0]![0])) return;
        if (refused) fail(target, `answered ${show(rows)} for refused arguments ${show([theme, sector, profitable])}`);
        const known = new Set(rt.tickers);
        const seen = new Set<unknown>();
        for (const row of rows) {
          if (row.length !== 1 || typeof row[0] !== "string" || !known.has(row[0]) || seen.has(row[0]))
            fail(target, `row ${show(row)} is not one ticker of the universe, once`);
          seen.add(row[0]);
        }
      },
    ),
  );
});

test("QUALIS.AS_OF", async () => {
  const target = "AS_OF";
  await check(
    target,
    fc.asyncProperty(runtime(), fc.array(anyCell(["ABCD"]), { maxLength: 2 }), async (rt, args) => {
      tally(target);
      use(rt);
      const out = await call(() => (asOf as (...a: unknown[]) => Promise<string>)(...args));
      if (out.threw ? !isTypedError(out.value) : !(typeof out.value === "string" && out.value.length > 0))
        fail(target, `answered ${show(out)}`);
      expect(out.threw).toBe(!rt.loaded);
    }),
  );
});

test("QUALIS.UNPROFITABLE_SHARE", async () => {
  const target = "UNPROFITABLE_SHARE";
  await check(
    target,
    fc.asyncProperty(
      runtime().chain((rt) => fc.tuple(fc.constant(rt), anyArgument(PROFIT_BASES, rt.tickers))),
      async ([rt, basis]) => {
        tally(target);
        use(rt);
        const out = await call(() => unprofitableShare(basis as string));
        if (out.threw ? !isTypedError(out.value) : !isOfKind(out.value, "probability"))
          fail(target, `answered ${show(out)} for ${show(basis)}`);
        if (!out.threw && (!rt.loaded || !parseProfitBasis(basis).ok))
          fail(target, `answered ${show(out.value)} for a refused call`);
      },
    ),
  );
});

/** SCORE_BREAKDOWN's answer: one typed error, or rows of [label, value] with a finite number, text or TRUE/FALSE. */
function checkBreakdown(rows: unknown[][]): string | null {
  if (rows.length === 1 && rows[0]!.length === 1 && isTypedError(rows[0]![0])) return null;
  const bad = rows.find(
    (row) =>
      row.length !== 2 ||
      typeof row[0] !== "string" ||
      !(isOfKind(row[1], "number") || isOfKind(row[1], "text") || isOfKind(row[1], "boolean")),
  );
  return bad ? `row ${show(bad)} is not [label, value]` : null;
}

/** Every function over one universe: the whole ticker column, every field on a sample, every basis and horizon. */
async function everyFunction(
  wire: SnapshotWire,
  fieldSample: string[],
  n: number,
  filters: [unknown, unknown, unknown],
): Promise<void> {
  const r = validateSnapshot(wire);
  if (!r.ok) fail("generated snapshot", `refused: ${JSON.stringify(r.problems.slice(0, 2))}`);
  const text = serializeSnapshot(r.universe);
  const store = new UniverseStore({
    storage: memoryStorage(),
    bundled: async () => text,
    fetchText: async () => Promise.reject(new Error("offline")),
  });
  setStore(store);
  await store.ready();
  const column = r.universe.companies.map((c) => [c.ticker]);
  const answers: [string, unknown, Kind][] = [
    ["QUALITY_SCORE", await qualityScore(column), "score"],
    ["GRADUATION_PROB", await graduationProb(column, n), "probability"],
    ...(await Promise.all(
      PROFIT_BASES.map(
        async (b) => ["IS_PROFITABLE", await isProfitable(column, b), "boolean"] as [string, unknown, Kind],
      ),
    )),
    ...(await Promise.all(
      fieldSample.map(
        async (f) => [`FIELD ${f}`, await fieldValue(column, f), findField(f)!.kind] as [string, unknown, Kind],
      ),
    )),
  ];
  for (const [what, out, kind] of answers) {
    const problem = checkTickerAnswer(column, out, kind, false);
    if (problem) fail(what, `${problem} in ${show(wire)}`);
  }
  for (const [c] of column.slice(0, 3)) {
    const problem = checkBreakdown(await scoreBreakdown(c));
    if (problem) fail("SCORE_BREAKDOWN", `${problem} for ${c} in ${show(wire)}`);
  }
  const list = await constituents(...(filters as [string, string, unknown]));
  if (
    !(list.length === 1 && isTypedError(list[0]![0])) &&
    !list.every((row) => row.length === 1 && typeof row[0] === "string")
  )
    fail("CONSTITUENTS", show(list));
  expect(typeof (await asOf())).toBe("string");
  for (const b of PROFIT_BASES) {
    const share = await call(() => unprofitableShare(b));
    if (share.threw ? !isTypedError(share.value) : !isOfKind(share.value, "probability"))
      fail("UNPROFITABLE_SHARE", `${show(share)} in ${show(wire)}`);
  }
}

test("every function over generated snapshots (extreme but legal values, any calendar)", async () => {
  const target = "all nine over generated snapshots";
  const names = FIELD_CATALOGUE.map((f) => f.name);
  await check(
    target,
    fc.asyncProperty(
      snapshotWire(8),
      fc.shuffledSubarray(names, { minLength: 6, maxLength: 6 }),
      fc.integer({ min: 1, max: 4 }),
      fc.tuple(
        fc.constantFrom(undefined, "electrification"),
        fc.constantFrom(undefined, "Industrials"),
        fc.constantFrom(undefined, true, "fcf"),
      ),
      async (wire, sample, n, filters) => {
        tally(target);
        await everyFunction(wire, sample, n, filters);
      },
    ),
  );
});
