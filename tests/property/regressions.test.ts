// The bugs the property tests found, each pinned by the smallest case that showed it (they run in `npm test`).
import { loadHoldingsCsv } from "../../src/data/sources/holdings";
import { parseHoldingsDate, parseHoldingsNumber } from "../../src/data/sources/holdings/parse-holdings";
import { encodeSnapshot } from "../../src/data/snapshot-codec";
import { validateSnapshot } from "../../src/data/snapshot-validate";
import { fieldValue, graduationProb, scoreBreakdown } from "../../src/functions/functions";
import { mapTickers } from "../../src/functions/cells";
import { findField } from "../../src/model/catalogue";
import { engineFor, type Engine } from "../../src/model/engine";
import { graduation } from "../../src/model/graduation";
import { failure, success } from "../../src/model/outcome";
import { holdingsCsv } from "../fixtures/holdings/holdings-csv";
import { err, useUniverse } from "../support/test-store";
import { company, universe, values } from "../support/universe-builders";

describe("graduation probability with a legal but unusual snapshot", () => {
  test("a calendar whose late-year rank month is the annual one: one look on that day, not NaN", () => {
    const u = universe([company("SAME", { marketCap: 347, volatility: null })], { asOf: "2020-01-01" });
    u.index.calendar = { annualRankMonth: 7, lateRankMonth: 7, lateFromYear: 2005 };
    const p = (n: number) => {
      const g = graduation(u.companies[0]!, u, n);
      return g.ok ? g.value.probability : g.message;
    };
    // Two reconstitutions rank on 31 July 2020 and two on 30 July 2021: the first two are one look, all four two.
    expect(p(2)).toBe(p(1));
    expect(p(4)).toBe(p(3));
    expect(p(3)).toBeGreaterThan(p(1) as number);
    expect(p(3)).toBeLessThan(1e-3);
  });

  test("a volatility of 5e-324 (positive, so valid) no longer throws 'Invalid typed array length'", async () => {
    useUniverse(universe([company("TINY", { marketCap: 7000, volatility: Number.MIN_VALUE })], { asOf: "2026-06-01" }));
    const out = (await graduationProb([["TINY"]], 4)) as unknown[][];
    expect(typeof out[0]![0]).toBe("number");
    expect(out[0]![0]).toBeGreaterThanOrEqual(0);
    expect(out[0]![0]).toBeLessThanOrEqual(1);
  });
});

describe("fields of a snapshot whose finite values overflow when combined", () => {
  const huge = company("HUGE", {
    ttm: {
      end: "2026-03-31",
      values: values({
        revenue: 1e-300,
        grossProfit: 1e300,
        netIncome: 1e300,
        operatingCashFlow: Number.MAX_VALUE,
        capex: -Number.MAX_VALUE,
        totalAssets: 1,
      }),
    },
  });
  const u = universe([huge, company("B"), company("C")]);

  test("QUALIS.FIELD answers #N/A saying so, never an infinity", async () => {
    useUniverse(u);
    expect((await fieldValue([["HUGE"]], "gross_margin")).map((r) => r.map(err))).toEqual([
      [
        {
          code: "#N/A",
          message: "Gross margin for 'HUGE' cannot be computed: this snapshot's inputs for it are out of range",
        },
      ],
    ]);
    expect((await fieldValue([["HUGE"]], "fcf")).map((r) => r.map(err))[0]![0]).toMatchObject({ code: "#N/A" });
  });

  test("the table writer's values and SCORE_BREAKDOWN hold no infinity either", async () => {
    const e = engineFor(u);
    expect(e.fieldOf(u.companies[0]!, findField("net_margin")!).ok).toBe(false);
    useUniverse(u);
    for (const [, v] of await scoreBreakdown("HUGE")) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
  });
});

test("one failing cell of a range stays in its cell: an exception or a non-finite number becomes a typed error", () => {
  const out = mapTickers(
    [["A"], ["BOOM"], ["NAN"], [""]],
    {} as Engine,
    (_e, t: string) => {
      if (t === "BOOM") throw new Error("a bug");
      return t === "NAN" ? success(Number.NaN) : t === "A" ? success(1) : failure("unknown_ticker", "x");
    },
    undefined,
  );
  expect(out.map((r) => r.map(err))).toEqual([
    [1],
    [{ code: "#VALUE!", message: "Internal error for 'BOOM': a bug. Please report it." }],
    [{ code: "#N/A", message: "No value for 'NAN': the result is out of range" }],
    [""],
  ]);
});

describe("the holdings reader hands the store only what a snapshot can hold", () => {
  const csv = (rows: Parameters<typeof holdingsCsv>[2], fund = "iShares Russell 2000 ETF") =>
    holdingsCsv(fund, "Apr 10, 2026", rows);
  const load = (text: string) => {
    const r = loadHoldingsCsv(text, "h.csv");
    expect(validateSnapshot(encodeSnapshot(r.universe)).ok).toBe(true);
    return r;
  };

  test("a ticker over 16 characters or a 300-character name: that row reported, the file loaded", () => {
    const { universe: u, report } = load(
      csv([
        { ticker: '=HYPERLINK("http://x")', marketValue: 1e6 },
        { ticker: "ABCDEFGHIJKLMNOPQ", marketValue: 1e6 },
        { ticker: "LONG", name: "N".repeat(300), marketValue: 1e6 },
        { ticker: "OK", marketValue: 1e6 },
      ]),
    );
    expect(u.companies.map((c) => c.ticker)).toEqual(["OK"]);
    expect(report.problems.map((p) => p.message)).toEqual([
      "ticker '=HYPERLINK(\"http://x\")' has the character '=' (U+003D); tickers use A–Z, a–z, 0–9 and the separators . - / _ and space; not read",
      "ABCDEFGHIJKLMNOPQ: ticker: Too big: expected string to have <=16 characters; not read",
      "LONG: name: Too big: expected string to have <=200 characters; not read",
    ]);
  });

  test("a number beyond a double ('1e400') is a problem of its row, not an infinite price", () => {
    expect(parseHoldingsNumber("1e400")).toBeNaN();
    const text = csv([
      { ticker: "BIG", marketValue: 1e6, price: 5 },
      { ticker: "OK", marketValue: 1e6 },
    ]).replace('"5.00"', '"1e400"');
    const { universe: u, report } = load(text);
    expect(u.companies.map((c) => c.ticker)).toEqual(["OK"]);
    expect(report.problems[0]!.message).toBe("BIG: Price '1e400' is not a number");
  });

  test("a weight that is no share of a fund (negative positions elsewhere) is left empty, not refused", () => {
    const { universe: u } = load(
      csv([
        { ticker: "LONG1", marketValue: 3e6 },
        { ticker: "SHORT", marketValue: -2.5e6 },
      ]),
    );
    expect(u.companies.find((c) => c.ticker === "LONG1")!.weight).toBeNull();
  });

  test("a fund name of 300 characters, or none, still names the index", () => {
    expect(load(csv([{ ticker: "A", marketValue: 1 }], "X".repeat(300))).universe.index.name).toHaveLength(100);
  });

  test("a file that starts with two byte-order marks: line numbers still right, the fund still named", () => {
    const text = `\ufeff${csv([{ ticker: "A", marketValue: 1 }]).replace(/\n"A"/, '\n"","short"\n"A"')}`;
    expect(text.startsWith("\ufeff\ufeff")).toBe(true);
    const { report } = load(text);
    expect(report.fundId).toBe("IWM");
    expect(report.problems).toEqual([{ line: 11, message: "only 2 values where the header has 15 columns" }]);
  });

  test("a year before 100 is that year, not 1900 + it", () => {
    expect(parseHoldingsDate("Apr 10, 0026")).toBe("0026-04-10");
    expect(parseHoldingsDate("4/10/0099")).toBe("0099-04-10");
  });
});
