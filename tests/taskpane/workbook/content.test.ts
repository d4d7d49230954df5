import { findField, FIELD_CATALOGUE } from "../../../src/model/catalogue";
import { cellFor, columnFormat, columnsFor } from "../../../src/taskpane/workbook/table-content";
import { describeFilters, describeSort, provenanceLines } from "../../../src/taskpane/workbook/provenance";
import { thisRowRef, nextFreeName, columnLetters, a1, quoteSheet } from "../../../src/taskpane/workbook/excel-names";
import { companies, contentFor, DEMO_FACTS, FACTS, NOW, spec } from "../fixtures";

describe("table content", () => {
  test("the ticker column comes first, once; unknown fields are set aside", () => {
    const { columns, unknown } = columnsFor(["market_cap", "ticker", "nope", "name", "market_cap"]);
    expect(columns.map((c) => c.field)).toEqual(["ticker", "market_cap", "name"]);
    expect(columns[0]!.header).toBe(findField("ticker")!.label);
    expect(unknown).toEqual(["nope"]);
  });

  test("values tables: the screen's rows and order, catalogue formats, missing values empty", () => {
    const cs = companies(["CCC", "AAA", "BBB"], (t) => (t === "BBB" ? { marketCap: null } : {}));
    const c = contentFor(
      cs,
      spec(["name", "market_cap"], "values", { sort: { field: "market_cap", descending: true } }),
    );
    expect(c.tickers).toEqual(["AAA", "CCC", "BBB"]); // 200, 100, then the missing one last
    expect(c.columns.map((x) => x.numberFormat)).toEqual(["@", "@", findField("market_cap")!.numberFormat]);
    expect(c.columns.every((x) => x.formula === null)).toBe(true);
    expect(c.values).toEqual([
      ["AAA", "AAA Corp", 200],
      ["CCC", "CCC Corp", 100],
      ["BBB", "BBB Corp", null],
    ]);
    expect(c.provenance).toHaveLength(4);
  });

  test("live tables: one calculated-column formula per field over the ticker column, from the catalogue", () => {
    const c = contentFor(companies(["AAA"]), spec(["market_cap", "name"], "live"));
    expect(c.columns.map((x) => x.formula)).toEqual([
      null,
      '=QUALIS.FIELD([@Ticker],"market_cap")',
      '=QUALIS.FIELD([@Ticker],"name")',
    ]);
    // A formula in a Text-formatted cell would stay text: text fields' formula columns are General.
    expect(c.columns.map((x) => x.numberFormat)).toEqual(["@", findField("market_cap")!.numberFormat, "General"]);
    expect(c.provenance).toBeNull();
  });

  test("every catalogue field gets a number format and a live formula", () => {
    for (const def of FIELD_CATALOGUE) {
      expect(columnFormat(def, "values", false)).toBe(def.numberFormat);
      const live = columnFormat(def, "live", false);
      expect(live === "@" ? "text-format formula" : "ok").toBe("ok");
    }
  });

  test("text that Excel would read as a formula is escaped outside Text-formatted columns", () => {
    expect(cellFor('=HYPERLINK("x")', "@")).toBe('=HYPERLINK("x")'); // Text format keeps it text
    for (const s of ["=1+1", "+SUM(A1)", "-2", "@cmd", "'quoted", "00123", ".5"])
      expect(cellFor(s, "General")).toBe(`'${s}`);
    expect(cellFor("Acme", "General")).toBe("Acme");
    expect(cellFor(null, "#,##0")).toBe("");
    expect(cellFor(-5, "#,##0")).toBe(-5);
    expect(cellFor(true, "General")).toBe(true);
  });
});

describe("provenance", () => {
  test("filters and sort in plain words", () => {
    expect(describeFilters({})).toBe("none");
    expect(
      describeFilters({
        profitable: { basis: "fcf" },
        minQuality: 60,
        minGraduationProb: 0.1,
        themes: ["electrification", "defence"],
        sectors: ["Industrials", "Energy"],
        marketCapMin: 300,
        marketCapMax: 2000,
      }),
    ).toBe(
      "profitable on trailing free cash flow; quality score at least 60; graduation probability at least 10%; themes: Electrification or Defence; sectors: Industrials, Energy; market cap $300m–$2,000m",
    );
    expect(describeFilters({ marketCapMin: 1500.5 })).toBe("market cap at least $1,500.5m");
    expect(describeSort({})).toBe("sorted by ticker (A–Z)");
    expect(describeSort({ sort: { field: "market_cap", descending: true } })).toBe(
      "sorted by Market cap ($m), largest first",
    );
    expect(describeSort({ sort: { field: "name", descending: false } })).toBe("sorted by Name, A–Z");
  });

  test("the block names source, date, filters and time written; DEMO where it is the demo", () => {
    const real = provenanceLines(FACTS, { sectors: ["Energy"], limit: 50 }, 12, NOW);
    expect(real).toEqual([
      "Qualis Small Caps · static values, not updated after they were written",
      "Source: test universe, read from https://data.example.com/snap.json · data as of 2026-04-30",
      "Filters: sectors: Energy; sorted by ticker (A–Z); first 50 rows · 12 companies",
      "Written: 2026-11-25 14:03 UTC",
    ]);
    const demo = provenanceLines(DEMO_FACTS, {}, 1, NOW);
    expect(demo[0]).toMatch(/DEMO DATA: fictional companies/);
    expect(demo[1]).toBe(
      "Source: DEMO universe (fictional companies), read from bundled demo universe · data as of 2026-10-30",
    );
    expect(demo[2]).toMatch(/1 company$/);
  });
});

describe("Excel names", () => {
  test("this-row references, escaped as structured references require", () => {
    expect(thisRowRef("Ticker")).toBe("[@Ticker]");
    expect(thisRowRef("Market cap ($m)")).toBe("[@[Market cap ($m)]]");
    expect(thisRowRef("A [b] #c 'd'")).toBe("[@[A '[b'] '#c ''d'']]");
  });

  test("next free name, case-insensitively", () => {
    expect(nextFreeName("Qualis", "_", [])).toBe("Qualis_1");
    expect(nextFreeName("Qualis", "_", ["qualis_1", "Qualis_2"])).toBe("Qualis_3");
    expect(nextFreeName("Qualis", " ", ["Sheet1", "Qualis 1"])).toBe("Qualis 2");
  });

  test("addresses", () => {
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
    expect(a1(0, 0)).toBe("A1");
    expect(a1(5, 1, 3, 2)).toBe("B6:C8");
    expect(quoteSheet("Qualis 1")).toBe("'Qualis 1'");
    expect(quoteSheet("Data")).toBe("Data");
    expect(quoteSheet("It's")).toBe("'It''s'");
  });
});
