// Every QUALIS function over generated arguments — any Unicode, numbers, booleans, blanks, Excel error values, ragged
// and huge ranges, tickers in any case with share classes and spaces — on the demo universe, a universe with
// share-class tickers, a holdings-only universe (no fundamentals) and a runtime with no universe at all; and every
// function over generated snapshots with extreme but legal values. Never a throw (other than a typed error from a
// scalar function), always the declared kind or a typed Excel error; a ticker answers the same however it is spelled.
import { readFileSync } from "fs";
import path from "path";
import fc from "fast-check";
import { generateDemoUniverse } from "../../src/data/demo/generator";
import { loadHoldingsCsv } from "../../src/data/holdings";
import { memoryStorage } from "../../src/data/key-value-storage";
import { serializeSnapshot } from "../../src/data/snapshot-codec";
import type { SnapshotWire } from "../../src/data/snapshot-schema";
import { UniverseStore } from "../../src/data/universe-store";
import { validateSnapshot } from "../../src/data/snapshot-validate";
import { asOf, constituents, fields, fieldValue, graduationProb, isProfitable, qualityScore, scoreBreakdown, unprofitableShare } from "../../src/functions/functions";
import { setStore } from "../../src/functions/universe-runtime";
import { FIELD_CATALOGUE, findField } from "../../src/model/catalogue";
import { parseReconstitutions } from "../../src/model/graduation";
import { parseProfitBasis, PROFIT_BASES } from "../../src/model/profitability";
import { constituentsCriteria } from "../../src/model/screen";
import { SECTORS } from "../../src/model/sectors";
import { THEME_IDS } from "../../src/model/themes";
import type { Universe } from "../../src/model/types";
import { anyArgument, anyCell, anyRange, snapshotWire, tickerSpelling } from "./arbitraries";
import { asRows, checkTickerAnswer, comparable, isOfKind, isTypedError, show, type Kind } from "./contract";
import { check, printCounts, tally } from "./runs";

jest.setTimeout(20 * 60_000);
// Every unknown ticker answers a CustomFunctions.Error, an Error subclass: without stack capture the 10,000 cases of
// each target run four times faster. A failing case is still reported by its message and fast-check's seed.
Error.stackTraceLimit = 0;

interface Runtime {
  label: string;
  store: UniverseStore;
  tickers: string[];
  loaded: boolean;
}

async function runtimeOf(label: string, text: string | null): Promise<Runtime> {
  const store = new UniverseStore({
    storage: memoryStorage(),
    bundled: async () => (text === null ? Promise.reject(new Error("the bundled snapshot is missing")) : text),
    fetchText: async () => Promise.reject(new Error("no network in tests")),
  });
  const loaded = await store.ready();
  return { label, store, tickers: loaded ? loaded.universe.companies.map((c) => c.ticker) : ["ABCD", "BRK.B"], loaded: loaded !== null };
}

/** A small universe whose tickers carry share classes: BRK.B, BF-A, MOG A style. */
function classTickers(): Universe {
  const u = generateDemoUniverse({ count: 150, seed: 11 });
  const spellings = [".", "-", " "];
  u.companies.forEach((c, i) => {
    if (i % 5 === 0) c.ticker = `${c.ticker}${spellings[i % 3]}${"ABCD"[i % 4]}`;
  });
  return u;
}

const HOLDINGS = path.join(__dirname, "../fixtures/holdings/IWM_excerpt.csv");
let runtimes: Runtime[];

beforeAll(async () => {
  runtimes = await Promise.all([
    runtimeOf("demo", serializeSnapshot(generateDemoUniverse())),
    runtimeOf("share classes", serializeSnapshot(classTickers())),
    runtimeOf("holdings only", serializeSnapshot(loadHoldingsCsv(readFileSync(HOLDINGS, "utf8"), "IWM_excerpt.csv").universe)),
    runtimeOf("no universe", null),
  ]);
  expect(runtimes.map((r) => r.loaded)).toEqual([true, true, true, false]);
}, 120_000);

afterAll(() => printCounts("functions"));

/** Picks a runtime (mostly one with a universe) and puts its store in place, as the shared runtime would hold it. */
const runtime = () => fc.integer({ min: 0, max: 9 }).map((i) => runtimes[i < 5 ? 0 : i < 7 ? 1 : i < 9 ? 2 : 3]!);
const use = (rt: Runtime) => setStore(rt.store);

/** Runs a function; a rejection must be a typed error and is returned as the answer. */
async function call(f: () => Promise<unknown> | unknown): Promise<{ threw: boolean; value: unknown }> {
  try {
    return { threw: false, value: await f() };
  } catch (e) {
    return { threw: true, value: e };
  }
}

function fail(what: string, detail: string): never {
  throw new Error(`${what}: ${detail}`);
}

/**
 * The contract of a per-ticker function over one generated case, and spelling-independence: the same tickers typed
 * in other cases, separators and padding give exactly the canonical tickers' answers.
 */
async function perTicker(
  target: string,
  kind: (args: unknown[]) => Kind,
  refused: (rt: Runtime, args: unknown[]) => boolean,
  f: (range: unknown, ...args: unknown[]) => Promise<unknown>,
  extraArgs: (rt: Runtime) => fc.Arbitrary<unknown[]>,
) {
  await check(
    target,
    fc.asyncProperty(
      runtime().chain((rt) => fc.tuple(fc.constant(rt), anyRange(anyCell(rt.tickers)), extraArgs(rt), fc.array(tickerSpelling(rt.tickers), { minLength: 1, maxLength: 6 }))),
      async ([rt, range, args, spellings]) => {
        tally(target);
        use(rt);
        const out = await call(() => f(range, ...args));
        if (out.threw) fail(target, `threw ${show(out.value)} for ${show(range)} ${show(args)}`);
        const problem = checkTickerAnswer(range, out.value, kind(args), refused(rt, args));
        if (problem) fail(target, `${problem} (runtime ${rt.label}, args ${show(args)})`);
        const typed = (await f(spellings.map((s) => [s.typed]), ...args)) as unknown[][];
        const canonical = (await f(spellings.map((s) => [s.canonical]), ...args)) as unknown[][];
        expect(typed.map((r) => r.map(comparable))).toEqual(canonical.map((r) => r.map(comparable)));
      },
    ),
  );
}

const noArgs = () => fc.constant([] as unknown[]);

test("QUALIS.QUALITY_SCORE", async () => {
  await perTicker("QUALITY_SCORE", () => "score", (rt) => !rt.loaded, (r) => qualityScore(r as unknown[][]), noArgs);
});

test("QUALIS.IS_PROFITABLE", async () => {
  await perTicker(
    "IS_PROFITABLE",
    () => "boolean",
    (rt, [basis]) => !rt.loaded || !parseProfitBasis(basis).ok,
    (r, basis) => isProfitable(r as unknown[][], basis as string),
    (rt) => fc.tuple(anyArgument(PROFIT_BASES, rt.tickers)),
  );
});

test("QUALIS.GRADUATION_PROB", async () => {
  await perTicker(
    "GRADUATION_PROB",
    () => "probability",
    (rt, [n]) => !rt.loaded || !parseReconstitutions(n).ok,
    (r, n) => graduationProb(r as unknown[][], n as number),
    (rt) => fc.tuple(fc.oneof(fc.integer({ min: -2, max: 6 }), fc.constantFrom("2", " 3 ", 2.5, 1e9), anyArgument(["1", "4"], rt.tickers))),
  );
});

test("QUALIS.FIELD", async () => {
  const names = FIELD_CATALOGUE.map((f) => f.name);
  const kindOf = (field: unknown) => findField(String(field ?? ""))?.kind ?? "text";
  await perTicker(
    "FIELD",
    ([field]) => kindOf(field),
    (rt, [field]) => !rt.loaded || !findField(String(field ?? "")),
    (r, field) => fieldValue(r as unknown[][], field as string),
    (rt) => fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 2, arbitrary: anyArgument(names, rt.tickers) })),
  );
});

test("QUALIS.FIELDS", async () => {
  await check(
    "FIELDS",
    fc.property(fc.array(anyCell(["ABCD"]), { maxLength: 3 }), (args) => {
      tally("FIELDS");
      const t = (fields as (...a: unknown[]) => string[][])(...args);
      const header = t[0]!.join("|") === "name|label|unit|description";
      if (!header || t.length !== FIELD_CATALOGUE.length + 1 || !t.every((row) => row.length === 4 && row.every((v) => typeof v === "string" && v.length > 0))) {
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
        fc.tuple(fc.constant(rt), anyArgument(themes, rt.tickers), anyArgument(sectors, rt.tickers), fc.oneof(fc.boolean(), fc.constantFrom(0, 1, "TRUE", "false"), anyArgument(PROFIT_BASES, rt.tickers))),
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
          if (row.length !== 1 || typeof row[0] !== "string" || !known.has(row[0]) || seen.has(row[0])) fail(target, `row ${show(row)} is not one ticker of the universe, once`);
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
      if (out.threw ? !isTypedError(out.value) : !(typeof out.value === "string" && out.value.length > 0)) fail(target, `answered ${show(out)}`);
      expect(out.threw).toBe(!rt.loaded);
    }),
  );
});

test("QUALIS.UNPROFITABLE_SHARE", async () => {
  const target = "UNPROFITABLE_SHARE";
  await check(
    target,
    fc.asyncProperty(runtime().chain((rt) => fc.tuple(fc.constant(rt), anyArgument(PROFIT_BASES, rt.tickers))), async ([rt, basis]) => {
      tally(target);
      use(rt);
      const out = await call(() => unprofitableShare(basis as string));
      if (out.threw ? !isTypedError(out.value) : !isOfKind(out.value, "probability")) fail(target, `answered ${show(out)} for ${show(basis)}`);
      if (!out.threw && (!rt.loaded || !parseProfitBasis(basis).ok)) fail(target, `answered ${show(out.value)} for a refused call`);
    }),
  );
});

/** SCORE_BREAKDOWN's answer: one typed error, or rows of [label, value] with a finite number, text or TRUE/FALSE. */
function checkBreakdown(rows: unknown[][]): string | null {
  if (rows.length === 1 && rows[0]!.length === 1 && isTypedError(rows[0]![0])) return null;
  const bad = rows.find((row) => row.length !== 2 || typeof row[0] !== "string" || !(isOfKind(row[1], "number") || isOfKind(row[1], "text") || isOfKind(row[1], "boolean")));
  return bad ? `row ${show(bad)} is not [label, value]` : null;
}

/** Every function over one universe: the whole ticker column, every field on a sample, every basis and horizon. */
async function everyFunction(wire: SnapshotWire, fieldSample: string[], n: number, filters: [unknown, unknown, unknown]): Promise<void> {
  const r = validateSnapshot(wire);
  if (!r.ok) fail("generated snapshot", `refused: ${JSON.stringify(r.problems.slice(0, 2))}`);
  const text = serializeSnapshot(r.universe);
  const store = new UniverseStore({ storage: memoryStorage(), bundled: async () => text, fetchText: async () => Promise.reject(new Error("offline")) });
  setStore(store);
  await store.ready();
  const column = r.universe.companies.map((c) => [c.ticker]);
  const answers: [string, unknown, Kind][] = [
    ["QUALITY_SCORE", await qualityScore(column), "score"],
    ["GRADUATION_PROB", await graduationProb(column, n), "probability"],
    ...(await Promise.all(PROFIT_BASES.map(async (b) => ["IS_PROFITABLE", await isProfitable(column, b), "boolean"] as [string, unknown, Kind]))),
    ...(await Promise.all(fieldSample.map(async (f) => [`FIELD ${f}`, await fieldValue(column, f), findField(f)!.kind] as [string, unknown, Kind]))),
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
  if (!(list.length === 1 && isTypedError(list[0]![0])) && !list.every((row) => row.length === 1 && typeof row[0] === "string")) fail("CONSTITUENTS", show(list));
  expect(typeof (await asOf())).toBe("string");
  for (const b of PROFIT_BASES) {
    const share = await call(() => unprofitableShare(b));
    if (share.threw ? !isTypedError(share.value) : !isOfKind(share.value, "probability")) fail("UNPROFITABLE_SHARE", `${show(share)} in ${show(wire)}`);
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
      fc.tuple(fc.constantFrom(undefined, "electrification"), fc.constantFrom(undefined, "Industrials"), fc.constantFrom(undefined, true, "fcf")),
      async (wire, sample, n, filters) => {
        tally(target);
        await everyFunction(wire, sample, n, filters);
      },
    ),
  );
});

test("the contract checker itself: a wrong answer is caught", () => {
  expect(checkTickerAnswer([["A"], [""]], [[5], [""]], "score", false)).toBeNull();
  expect(checkTickerAnswer([["A"]], [[Number.NaN]], "score", false)).toMatch(/neither score/);
  expect(checkTickerAnswer([["A"]], [[new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "")]], "score", false)).toMatch(/neither/);
  expect(checkTickerAnswer([["A"], ["B"]], [[1]], "score", false)).toMatch(/1 rows for a 2-row range/);
  expect(checkTickerAnswer([[" "]], [[0]], "score", false)).toMatch(/blank cell/);
  expect(asRows("A")).toEqual([["A"]]);
});
