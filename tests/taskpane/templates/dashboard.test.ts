// The screening dashboard over the demo universe, written into the Excel double and calculated as Excel would:
// where each range, formula and chart goes, and that the figures and chart data equal what the engine says.
import { engineFor } from "../../../src/model/engine";
import { isProfitable } from "../../../src/model/profitability";
import { SECTORS } from "../../../src/model/sectors";
import { THEMES } from "../../../src/model/themes";
import { dashboard } from "../../../src/taskpane/templates/dashboard";
import { parseRecord } from "../../../src/taskpane/workbook/table-record";
import { DEFAULT_REQUEST_BUDGET } from "../../../src/taskpane/workbook/payload";
import type { Evaluation } from "../../e2e/workbook-formulas";
import {
  calculate,
  demoUniverse,
  insert,
  isError,
  median,
  overlaps,
  refreshFrom,
  type Inserted,
} from "./templates-support";

const u = demoUniverse();
const engine = engineFor(u);
/** The table's rows: the universe by market cap, largest first (the screen's order). */
const rows = engine.screen({ sort: { field: "market_cap", descending: true } });
const ok = <T>(o: { ok: boolean; value?: T }) => (o.ok ? (o.value as T) : null);
const quality = rows.map((c) => ok<number>(engine.qualityScore(c)));
const grad = rows.map((c) => ok<number>(engine.graduationProbability(c, 1)));

let ins: Inserted;
/** The sheet as Excel would calculate it. */
let v: Evaluation;
beforeAll(async () => {
  ins = await insert(dashboard, u);
  v = calculate(ins.d, u);
});
const SHEET = "Dashboard 1";

describe("the screening dashboard", () => {
  test("one new sheet, opened; the universe as a live table with its record, so Refresh all keeps it current", () => {
    const i = ins.d.inspect;
    expect(i.sheetNames()).toEqual(["Sheet1", SHEET]);
    expect(i.activeSheet()).toBe(SHEET);
    expect(i.tables()).toEqual([
      {
        id: "1",
        name: "Dashboard_1",
        sheet: SHEET,
        address: `A50:H${50 + rows.length}`,
        headers: [
          "Ticker",
          "Name",
          "Sector",
          "Market cap ($m)",
          "Quality score",
          "Profitable (net income)",
          "Graduation probability",
          "Themes",
        ],
        rows: rows.length,
      },
    ]);
    const first = i.tableRows("Dashboard_1")[0]!;
    expect(first.Ticker!.value).toBe(rows[0]!.ticker);
    expect(first["Quality score"]!.formula).toBe("=QUALIS.QUALITY_SCORE([@Ticker])");
    expect(first["Profitable (net income)"]!.formula).toBe("=QUALIS.IS_PROFITABLE([@Ticker])");
    expect(first.Themes!.formula).toBe('=QUALIS.FIELD([@Ticker],"themes")');
    const [key, stored] = Object.entries(i.settings())[0]!;
    const parsed = parseRecord(key, stored);
    expect(parsed).toMatchObject({
      ok: true,
      record: { tableId: "1", tableName: "Dashboard_1", sheetName: SHEET, output: "live", rows: rows.length },
    });
    expect(ins.result.tables.map((t) => [t.role, t.name, t.address])).toEqual([
      ["universe", "Dashboard_1", `'Dashboard 1'!A50:H${50 + rows.length}`],
    ]);
    expect(i.violations).toEqual([]);
    expect(i.showGridlines(SHEET)).toBe(false);
  });

  test("three round trips: read the names in use, write everything with calculation suspended, store the record", () => {
    expect(ins.result.syncs).toBe(3);
    expect(ins.syncs).toHaveLength(3);
    expect(ins.syncs[1]!.suspended).toBe(true);
    expect(ins.syncs.map((s) => s.requestBytes).every((b) => b <= DEFAULT_REQUEST_BUDGET)).toBe(true);
    expect(ins.syncs[2]!.actions).toBeLessThanOrEqual(2); // the record (and nothing else)
  });

  test("summary figures are formulas over the table's columns and equal the engine's numbers", () => {
    const i = ins.d.inspect;
    expect(i.cell(SHEET, "D7").formula).toBe("=COUNTA(Dashboard_1[Ticker])");
    expect(i.cell(SHEET, "D8").formula).toBe('=IFERROR(QUALIS.UNPROFITABLE_SHARE(),"no data")');
    expect(i.cell(SHEET, "D9").formula).toBe('=IFERROR(AGGREGATE(12,6,Dashboard_1[Quality score]),"no data")');
    expect(i.cell(SHEET, "D11").formula).toBe('=IFERROR(AGGREGATE(9,6,Dashboard_1[Graduation probability]),"no data")');
    const scores = quality.filter((q): q is number => q !== null);
    expect(v.value(SHEET, "D7")).toBe(rows.length);
    expect(v.value(SHEET, "D8")).toBeCloseTo((engine.unprofitableShare("net_income") as { value: number }).value, 12);
    expect(v.value(SHEET, "D9")).toBeCloseTo(median(scores), 9);
    expect(v.value(SHEET, "D10")).toBe(scores.length);
    expect(v.value(SHEET, "D11")).toBeCloseTo(
      grad.reduce<number>((a, p) => a + (p ?? 0), 0),
      9,
    );
    expect(v.value(SHEET, "A12")).toBe(
      `${rows.length - scores.length} companies have no quality score (fundamentals missing): the quality charts leave them out.`,
    );
    // The demo is labelled on the sheet, by a formula over QUALIS.AS_OF() that stays right after a change of source.
    expect(v.value(SHEET, "A2")).toBe("DEMO DATA: fictional companies, not real securities");
    expect(v.value(SHEET, "A3")).toBe("Data: 2026-10-30 · DEMO (fictional companies)");
  });

  test("quality-score distribution: COUNTIFS per band of ten, charted as columns from J8:K18", () => {
    const i = ins.d.inspect;
    expect(i.cell(SHEET, "K9").formula).toBe(
      '=COUNTIFS(Dashboard_1[Quality score],">=0",Dashboard_1[Quality score],"<10")',
    );
    expect(i.cell(SHEET, "K18").formula).toBe(
      '=COUNTIFS(Dashboard_1[Quality score],">=90",Dashboard_1[Quality score],"<=100")',
    );
    const expected = Array.from(
      { length: 10 },
      (_, b) => quality.filter((q) => q !== null && q >= b * 10 && (b === 9 ? q <= 100 : q < b * 10 + 10)).length,
    );
    expect(v.grid(SHEET, "J9:K18")).toEqual(expected.map((n, b) => [`${b * 10}–${b * 10 + 10}`, n]));
    expect(i.charts(SHEET)[0]).toMatchObject({
      name: "Quality score distribution",
      type: "ColumnClustered",
      source: "J8:K18",
      seriesBy: "Columns",
      legend: { visible: false },
      series: [{ name: "Companies", values: "K9:K18", categories: "J9:J18" }],
    });
  });

  test("unprofitable share by sector: a sector table of COUNTIFS, charted as bars from J21:K32", () => {
    const expected = SECTORS.map((s) => {
      const inSector = rows.filter((c) => c.sector === s);
      const known = inSector.map((c) => isProfitable(c, "net_income")).filter((p) => p.ok);
      const losing = known.filter((p) => p.ok && !p.value).length;
      return [s, known.length ? losing / known.length : "#N/A", losing, known.length, inSector.length];
    });
    const got = v.grid(SHEET, "J22:N32");
    got.forEach((row, r) => {
      expect(row.slice(2)).toEqual(expected[r]!.slice(2));
      if (typeof expected[r]![1] === "number") expect(row[1]).toBeCloseTo(expected[r]![1] as number, 12);
      else expect(row[1]).toBe("#N/A");
    });
    expect(ins.d.inspect.charts(SHEET)[1]).toMatchObject({
      type: "BarClustered",
      source: "J21:K32",
      series: [{ name: "Unprofitable share", values: "K22:K32", categories: "J22:J32" }],
      axes: { value: { numberFormat: "0%" }, category: { reversePlotOrder: true } },
    });
  });

  test("top 25 graduation candidates: highest probability first, ties once each in the table's order; charted from K35:L60", () => {
    const ranked = rows
      .map((c, i) => ({ c, p: grad[i], i }))
      .filter((x): x is { c: (typeof rows)[number]; p: number; i: number } => x.p !== null)
      .sort((a, b) => b.p - a.p || a.i - b.i)
      .slice(0, 25);
    const got = v.grid(SHEET, "J36:N60");
    expect(got.map((r) => r[0])).toEqual(Array.from({ length: 25 }, (_, k) => k + 1));
    expect(got.map((r) => r[1])).toEqual(ranked.map((x) => x.c.ticker));
    expect(got.map((r) => r[4])).toEqual(ranked.map((x) => x.c.name));
    expect(got.map((r) => r[3])).toEqual(ranked.map((x) => x.i + 1)); // the row in the table
    got.forEach((r, k) => expect(r[2]).toBeCloseTo(ranked[k]!.p, 12));
    expect(new Set(got.map((r) => r[1])).size).toBe(25);
    expect(ins.d.inspect.charts(SHEET)[2]).toMatchObject({
      name: "Top 25 graduation candidates",
      type: "BarClustered",
      source: "K35:L60",
      series: [{ name: "Probability", values: "L36:L60", categories: "K36:K60" }],
    });
  });

  test("theme exposure: COUNTIFS and SUMIFS with wildcards over the comma-separated themes; charted from J63:L70", () => {
    const total = rows.reduce((a, c) => a + (c.marketCap ?? 0), 0);
    const got = v.grid(SHEET, "J64:N70");
    THEMES.forEach((t, k) => {
      const members = rows.filter((c) => c.themes.includes(t.id));
      const cap = members.reduce((a, c) => a + (c.marketCap ?? 0), 0);
      expect(got[k]![0]).toBe(t.label);
      expect(got[k]![3]).toBe(members.length);
      expect(got[k]![4]).toBeCloseTo(cap, 6);
      expect(got[k]![1]).toBeCloseTo(members.length / rows.length, 12);
      expect(got[k]![2]).toBeCloseTo(cap / total, 12);
    });
    expect(ins.d.inspect.charts(SHEET)[3]).toMatchObject({
      source: "J63:L70",
      legend: { visible: true, position: "Bottom" },
      series: [
        { name: "% of companies", values: "K64:K70", categories: "J64:J70" },
        { name: "% of market cap", values: "L64:L70", categories: "J64:J70" },
      ],
    });
  });

  test("the charts sit between the summary and the table, beside each other and clear of the data they read", () => {
    const charts = ins.d.inspect.charts(SHEET);
    expect(charts.map((c) => c.position)).toEqual(["A14:C30", "D14:H30", "D32:H48", "A32:C48"]);
    for (const c of charts) {
      expect(overlaps(c.position!, `A50:H${50 + rows.length}`)).toBe(false);
      expect(overlaps(c.position!, "A6:D12")).toBe(false);
      expect(overlaps(c.position!, "J6:N71")).toBe(false);
      expect(c.title).toBeTruthy();
    }
    charts.forEach((a, i) =>
      charts.slice(i + 1).forEach((b) => expect(overlaps(a.position!, b.position!)).toBe(false)),
    );
  });

  test("every formula of the sheet calculates; the only errors are the #N/A where the data has no value", () => {
    const cells = ins.d.inspect.cells(SHEET).filter((c) => c.formula !== null);
    const errors = cells.filter((c) => isError(v.value(SHEET, c.address)));
    for (const c of errors) {
      expect(v.value(SHEET, c.address)).toBe("#N/A");
      expect(c.row).toBeGreaterThanOrEqual(50); // inside the table: the engine's own #N/A for a company without the data
    }
  });

  test("after Refresh all the table is re-pulled in place and every figure follows it (3 round trips)", async () => {
    const d = (await insert(dashboard, u)).d;
    // A later delivery: the 100 smallest companies gone.
    const later = { ...u, companies: u.companies.filter((c) => !rows.slice(-100).includes(c)) };
    const { reports, syncs } = await refreshFrom(d, later);
    expect(reports).toMatchObject([{ status: "refreshed", tableName: "Dashboard_1", removed: expect.any(Array) }]);
    expect(reports[0]!.removed).toHaveLength(100);
    expect(syncs).toBe(3);
    const v = calculate(d, later);
    expect(v.value(SHEET, "D7")).toBe(rows.length - 100);
    expect(d.inspect.tables()[0]!.address).toBe(`A50:H${50 + rows.length - 100}`);
    expect(d.inspect.charts(SHEET).map((c) => c.source)).toEqual(["J8:K18", "J21:K32", "K35:L60", "J63:L70"]);
  });

  test("a second dashboard takes the next free names, and its formulas name its own table", async () => {
    const d = ins.d;
    const { result } = await insert(dashboard, u, { d });
    expect(result.sheetName).toBe("Dashboard 2");
    expect(result.tables[0]!.name).toBe("Dashboard_2");
    expect(d.inspect.cell("Dashboard 2", "D7").formula).toBe("=COUNTA(Dashboard_2[Ticker])");
  });
});
