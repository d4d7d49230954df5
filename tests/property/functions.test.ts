// The per-ticker QUALIS functions (QUALITY_SCORE, IS_PROFITABLE, GRADUATION_PROB, FIELD) over generated arguments —
// any Unicode, numbers, booleans, blanks, Excel error values, ragged and huge ranges, tickers in any case with share
// classes and spaces — on the runtimes of runtimes.ts. Never a throw; the range's shape back, "" for a blank cell,
// otherwise the declared kind (finite, in range) or a typed Excel error; a ticker answers the same however spelled.
// The other five functions: functions-tables.test.ts.
import fc from "fast-check";
import { fieldValue, graduationProb, isProfitable, qualityScore } from "../../src/functions/functions";
import { FIELD_CATALOGUE, findField } from "../../src/model/catalogue";
import { parseReconstitutions } from "../../src/model/graduation";
import { parseProfitBasis, PROFIT_BASES } from "../../src/model/profitability";
import { anyArgument, anyCell, anyRange, tickerSpelling } from "./arbitraries";
import { asRows, checkTickerAnswer, comparable, show, type Kind } from "./contract";
import { check, printCounts, tally } from "./runs";
import { call, fail, runtimesForTests, use, type Runtime } from "./runtimes";

jest.setTimeout(20 * 60_000);
const runtime = runtimesForTests();
afterAll(() => printCounts("functions"));

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
      runtime().chain((rt) =>
        fc.tuple(
          fc.constant(rt),
          anyRange(anyCell(rt.tickers)),
          extraArgs(rt),
          fc.array(tickerSpelling(rt.tickers), { minLength: 1, maxLength: 6 }),
        ),
      ),
      async ([rt, range, args, spellings]) => {
        tally(target);
        use(rt);
        const out = await call(() => f(range, ...args));
        if (out.threw) fail(target, `threw ${show(out.value)} for ${show(range)} ${show(args)}`);
        const problem = checkTickerAnswer(range, out.value, kind(args), refused(rt, args));
        if (problem) fail(target, `${problem} (runtime ${rt.label}, args ${show(args)})`);
        const typed = (await f(
          spellings.map((s) => [s.typed]),
          ...args,
        )) as unknown[][];
        const canonical = (await f(
          spellings.map((s) => [s.canonical]),
          ...args,
        )) as unknown[][];
        expect(typed.map((r) => r.map(comparable))).toEqual(canonical.map((r) => r.map(comparable)));
      },
    ),
  );
}

const noArgs = () => fc.constant([] as unknown[]);

test("QUALIS.QUALITY_SCORE", async () => {
  await perTicker(
    "QUALITY_SCORE",
    () => "score",
    (rt) => !rt.loaded,
    (r) => qualityScore(r as unknown[][]),
    noArgs,
  );
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
    (rt) =>
      fc.tuple(
        fc.oneof(
          fc.integer({ min: -2, max: 6 }),
          fc.constantFrom("2", " 3 ", 2.5, 1e9),
          anyArgument(["1", "4"], rt.tickers),
        ),
      ),
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
    (rt) =>
      fc.tuple(
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...names) },
          { weight: 2, arbitrary: anyArgument(names, rt.tickers) },
        ),
      ),
  );
});

test("the contract checker itself: a wrong answer is caught", () => {
  expect(checkTickerAnswer([["A"], [""]], [[5], [""]], "score", false)).toBeNull();
  expect(checkTickerAnswer([["A"]], [[Number.NaN]], "score", false)).toMatch(/neither score/);
  expect(
    checkTickerAnswer(
      [["A"]],
      [[new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "")]],
      "score",
      false,
    ),
  ).toMatch(/neither/);
  expect(checkTickerAnswer([["A"], ["B"]], [[1]], "score", false)).toMatch(/1 rows for a 2-row range/);
  expect(checkTickerAnswer([[" "]], [[0]], "score", false)).toMatch(/blank cell/);
  expect(asRows("A")).toEqual([["A"]]);
});
