import { readFileSync } from "fs";
import path from "path";
// The pane's logic apart from React: the builder's form read into criteria, the workbook access rules, the theme
// choice, the holdings placeholder, and the buttons' actions over the Excel double.
import { create } from "../support/excel-double";
import { criteriaFrom, initialBuilderState, specFrom, type BuilderState } from "../../src/taskpane/builder-state";
import { importHoldingsCsv } from "../../src/taskpane/holdings-source";
import { insert, list, refreshAll, forget, provenanceFacts, workbookAccess } from "../../src/taskpane/pane-actions";
import { isDarkColor } from "../../src/taskpane/ui/theme";
import { findField } from "../../src/model/catalogue";
import type { LoadedUniverse } from "../../src/data/universe-store";
import { universe } from "../support/universe-builders";
import { companies } from "./fixtures";

const state = (over: Partial<BuilderState>): BuilderState => ({ ...initialBuilderState(), ...over });

describe("the builder's form", () => {
  test("starts with name, sector and size, largest first, as values on a new sheet", () => {
    const s = initialBuilderState();
    expect(s.fields).toEqual(["name", "sector", "market_cap"].filter((f) => findField(f)));
    expect([s.sortField, s.sortDescending, s.output, s.target]).toEqual(["market_cap", true, "values", "newSheet"]);
    expect(criteriaFrom(s)).toEqual({
      criteria: {
        profitable: null,
        minQuality: null,
        minGraduationProb: null,
        themes: [],
        sectors: [],
        marketCapMin: null,
        marketCapMax: null,
        sort: { field: "market_cap", descending: true },
        limit: null,
      },
      errors: {},
    });
  });

  test("boxes are read as people type them; percentages become probabilities", () => {
    const { criteria, errors } = criteriaFrom(
      state({
        profitableOnly: true,
        basis: "fcf",
        minQuality: " 60 ",
        minGraduationPct: "12.5",
        capMin: "$1,500",
        capMax: "7,000",
        limit: "50",
        themes: ["defence"],
        sectors: ["Energy"],
      }),
    );
    expect(errors).toEqual({});
    expect(criteria).toMatchObject({
      profitable: { basis: "fcf" },
      minQuality: 60,
      minGraduationProb: 0.125,
      marketCapMin: 1500,
      marketCapMax: 7000,
      limit: 50,
      themes: ["defence"],
      sectors: ["Energy"],
    });
  });

  test("a box that can't be read says why, and is left out of the criteria", () => {
    const { criteria, errors } = criteriaFrom(
      state({ minQuality: "120", minGraduationPct: "abc", capMin: "900", capMax: "100", limit: "2.5" }),
    );
    expect(errors).toEqual({
      minQuality: "Enter a score from 0 to 100, or leave it empty.",
      minGraduationPct: "Enter a percentage from 0 to 100, or leave it empty.",
      capMax: "The maximum is below the minimum.",
      limit: "Enter a whole number of rows, or leave it empty.",
    });
    expect(criteria).toMatchObject({
      minQuality: null,
      minGraduationProb: null,
      marketCapMin: 900,
      marketCapMax: null,
      limit: null,
    });
  });

  test("sorting by ticker, or by a field the catalogue lacks, is no sort", () => {
    expect(criteriaFrom(state({ sortField: "" })).criteria.sort).toBeNull();
    expect(criteriaFrom(state({ sortField: "nope" })).criteria.sort).toBeNull();
  });

  test("the spec puts the ticker first and keeps the order the fields were chosen in", () => {
    const s = state({ fields: ["market_cap", "name"], output: "live" });
    expect(specFrom(s, {})).toEqual({
      columns: [
        { field: "ticker", header: "Ticker" },
        { field: "market_cap", header: findField("market_cap")!.label },
        { field: "name", header: "Name" },
      ],
      criteria: {},
      output: "live",
    });
  });
});

describe("workbook access", () => {
  const g = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete g.Excel;
    delete g.Office;
  });

  test("outside Excel: no writing, and the pane says why", () => {
    expect(workbookAccess()).toEqual({ run: null, why: expect.stringMatching(/not running inside Excel/) });
  });

  test("an Excel too old for the writer's API is named", () => {
    g.Excel = { run: () => undefined };
    g.Office = { context: { requirements: { isSetSupported: (_s: string, v: string) => v < "1.7" } } };
    expect(workbookAccess()).toEqual({ run: null, why: expect.stringMatching(/too old.*Excel API 1\.7/) });
  });

  test("with the Excel API (and where Office reports its sets, 1.7 or later): tables can be written", () => {
    g.Excel = { run: () => undefined };
    expect(workbookAccess().why).toBeNull();
    g.Office = { context: { requirements: { isSetSupported: () => true } } };
    expect(workbookAccess().run).not.toBeNull();
  });
});

test("dark or light from Office's body background", () => {
  expect(isDarkColor("#FFFFFF")).toBe(false);
  expect(isDarkColor("#262626")).toBe(true);
  expect(isDarkColor("1f1f1f")).toBe(true);
  expect(isDarkColor("#e6e6e6")).toBe(false);
  expect(isDarkColor("not a colour")).toBe(false);
});

test("a file that is not an iShares holdings export is refused with what to do", async () => {
  expect(await importHoldingsCsv("Ticker,Name\n", "IWM_holdings.csv")).toEqual({
    ok: false,
    message:
      "IWM_holdings.csv is not an iShares holdings export: Not an iShares holdings file: no column header row starting with 'Ticker' and naming 'Asset Class' was found. Download the holdings CSV from the fund's page on ishares.com and choose it again.",
  });
});

test("a holdings export becomes a holdings-only universe, with what was read and skipped", async () => {
  const text = readFileSync(path.join(__dirname, "../fixtures/holdings/IWM_excerpt.csv"), "utf8");
  const r = await importHoldingsCsv(text, "IWM_excerpt.csv");
  if (!r.ok) throw new Error(r.message);
  expect(r.universe.companies.map((c) => c.ticker)).toEqual(["ZJUN", "ZBNK", "ZNCX", "ZQTR", "ZOTH", "ZNOF"]);
  expect(r.universe.companies.every((c) => c.ttm === null && c.marketCapEstimated)).toBe(true);
  expect(r.summary[0]).toBe("IWM_excerpt.csv: iShares Russell 2000 ETF (IWM, Russell 2000), holdings as of 2026-04-10");
  expect(r.summary).toContain("skipped 1 no ticker: line 22 - ZANY BIO WARRANTS (ticker '-' (not listed))");
  expect(r.summary[r.summary.length - 1]).toMatch(/^Holdings carry no fundamentals/);
});

describe("the pane's actions over a workbook", () => {
  const loaded = (cs = companies(["AAA", "BBB"])): LoadedUniverse => ({
    universe: universe(cs, { isDemo: true, source: "demo" }),
    source: { kind: "demo" },
    loadedAt: "2026-11-25T00:00:00Z",
    generation: 1,
    fromCache: false,
  });

  test("insert, list, refresh, forget", async () => {
    const d = create();
    const run = d.Excel.run.bind(d.Excel) as Parameters<typeof insert>[0];
    expect(provenanceFacts(loaded())).toEqual({
      isDemo: true,
      asOf: "2026-04-30",
      source: "demo",
      origin: "bundled demo universe",
    });
    const res = await insert(
      run,
      loaded(),
      specFrom(state({ fields: ["name"] }), {}),
      { kind: "newSheet" },
      () => undefined,
    );
    expect(res.record.tableName).toBe("Qualis_1");
    expect(String(d.inspect.cell("Qualis 1", "A1").value)).toMatch(/DEMO DATA/);
    const listed = await list(run);
    expect(listed.map((l) => [l.currentName, l.state])).toEqual([["Qualis_1", "found"]]);
    const reports = await refreshAll(run, loaded(companies(["AAA", "BBB", "CCC"])), () => undefined);
    expect(reports.map((r) => [r.status, r.added])).toEqual([["refreshed", ["CCC"]]]);
    await forget(run, listed[0]!.key);
    expect(await list(run)).toEqual([]);
  });
});
