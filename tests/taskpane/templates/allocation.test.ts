// The allocation model over the demo universe: the chosen names as a table with fixed membership, the PM's target
// weights as a column the add-in does not own, checks, limit flags and tilts against the index — and the PM's
// weights, limits and names surviving Refresh all.
import type { Evaluation } from "../../e2e/workbook-formulas";
import { engineFor } from "../../../src/model/engine";
import { SECTORS } from "../../../src/model/sectors";
import { THEMES } from "../../../src/model/themes";
import type { Company, Universe } from "../../../src/model/types";
import { allocation } from "../../../src/taskpane/templates/allocation";
import { COLORS } from "../../../src/taskpane/templates/sheet-plan";
import { parseRecord } from "../../../src/taskpane/workbook/table-record";
import { calculate, demoUniverse, insert, overlaps, refreshFrom, type Inserted } from "./templates-support";

const u = demoUniverse();
const engine = engineFor(u);
const chosen = engine.screen({
  profitable: { basis: "net_income" },
  sort: { field: "quality_score", descending: true },
  limit: 20,
});
const SHEET = "Allocation 1";
const HEADERS = [
  "Ticker",
  "Name",
  "Sector",
  "Quality score",
  "Profitable (net income)",
  "Graduation probability",
  "FCF yield",
  "Index weight",
  "Target weight",
  "Active weight",
  "Limit check",
  "Themes",
];
const weightOf = (c: Company) => (c.weight ?? 0) / 100;

let ins: Inserted;
let v: Evaluation;
beforeAll(async () => {
  ins = await insert(allocation, u);
  v = calculate(ins.d, u);
});

describe("the allocation model", () => {
  test("the chosen names: the 20 highest quality scores among the profitable, in a table with fixed membership", () => {
    const i = ins.d.inspect;
    expect(i.sheetNames()).toEqual(["Sheet1", SHEET]);
    expect(i.tables()).toEqual([
      { id: "1", name: "Allocation_1", sheet: SHEET, address: "A24:L44", headers: HEADERS, rows: 20 },
      {
        id: "2",
        name: "Allocation_1_Index",
        sheet: SHEET,
        address: `S24:V${24 + u.companies.length}`,
        headers: ["Ticker", "Sector", "Index weight", "Themes"],
        rows: u.companies.length,
      },
    ]);
    expect(i.tableRows("Allocation_1").map((r) => r.Ticker!.value)).toEqual(chosen.map((c) => c.ticker));
    const records = Object.entries(i.settings()).map(([k, s]) => parseRecord(k, s));
    expect(records).toMatchObject([
      {
        ok: true,
        record: {
          tableName: "Allocation_1",
          membership: "fixed",
          output: "live",
          criteria: { limit: 20, profitable: { basis: "net_income" } },
        },
      },
      { ok: true, record: { tableName: "Allocation_1_Index", output: "live" } },
    ]);
    // The add-in owns the data columns; the PM's three columns are not in the record, so refresh never writes them.
    const owned = (records[0] as { record: { columns: { header: string }[] } }).record.columns.map((c) => c.header);
    expect(owned).toEqual(HEADERS.filter((h) => !["Target weight", "Active weight", "Limit check"].includes(h)));
    expect(records[1]).not.toHaveProperty("record.membership");
    expect(ins.result.syncs).toBe(3);
    expect(ins.syncs[1]!.suspended).toBe(true);
    expect(i.violations).toEqual([]);
  });

  test("target weights are input cells (equal to start with); active weight and the limit check are formulas of the row", () => {
    const i = ins.d.inspect;
    const rows = i.tableRows("Allocation_1");
    expect(rows.map((r) => r["Target weight"]!.value)).toEqual(Array(20).fill(0.05));
    expect(
      rows.every((r) => r["Target weight"]!.numberFormat === "0.00%" && r["Target weight"]!.formula === null),
    ).toBe(true);
    expect(i.style(SHEET, "I25")).toMatchObject({ fill: COLORS.inputFill, fontColor: COLORS.inputFont, bold: true });
    expect(i.style(SHEET, "C8")).toMatchObject({ fill: COLORS.inputFill });
    expect(i.style(SHEET, "C9")).toMatchObject({ fill: COLORS.inputFill });
    expect(rows[0]!["Active weight"]!.formula).toBe("=[@[Target weight]]-[@[Index weight]]");
    expect(rows[0]!["Limit check"]!.formula).toBe(
      '=IFERROR(IF([@[Target weight]]>$C$8,"BREACH: over max",IF(ABS([@[Active weight]])>$C$9,"BREACH: active","OK")),"CHECK: no index weight")',
    );
    expect(rows[0]!["Index weight"]!.formula).toBe('=QUALIS.FIELD([@Ticker],"weight")');
  });

  test("checks: weights sum to 100%, no row flagged, active share and weighted quality as the engine computes them", () => {
    expect(v.grid(SHEET, "A8:C9")).toEqual([
      ["Max position weight", null, 0.1],
      ["Max active weight (±)", null, 0.05],
    ]);
    expect(v.value(SHEET, "C12")).toBeCloseTo(1, 12);
    expect(v.grid(SHEET, "C13:C15")).toEqual([["OK"], [0], ["OK"]]);
    const held = chosen.map((c) => ({ w: 0.05, b: weightOf(c) }));
    const activeShare =
      0.5 *
      (held.reduce((a, h) => a + Math.abs(h.w - h.b), 0) +
        u.companies.reduce((a, c) => a + weightOf(c), 0) -
        held.reduce((a, h) => a + h.b, 0));
    expect(v.value(SHEET, "C16")).toBeCloseTo(activeShare, 9);
    const q = chosen.map((c) => (engine.qualityScore(c) as { value: number }).value);
    expect(v.value(SHEET, "C17")).toBeCloseTo(
      q.reduce((a, x) => a + x * 0.05, 0),
      9,
    );
    expect(v.grid(SHEET, "K25:K44").flat()).toEqual(Array(20).fill("OK"));
    expect(v.value(SHEET, "A2")).toBe("DEMO DATA: fictional companies, not real securities");
  });

  test("OK and CHECK are coloured by conditional formats on the checks and the flag column", () => {
    expect(ins.d.inspect.conditionalFormats(SHEET)).toEqual([
      {
        address: "K25:K44",
        type: "ContainsText",
        rule: { operator: "BeginsWith", text: "OK" },
        format: { fill: COLORS.goodFill, fontColor: COLORS.goodFont, bold: null },
      },
      {
        address: "K25:K44",
        type: "ContainsText",
        rule: { operator: "BeginsWith", text: "BREACH" },
        format: { fill: COLORS.badFill, fontColor: COLORS.badFont, bold: null },
      },
      {
        address: "K25:K44",
        type: "ContainsText",
        rule: { operator: "BeginsWith", text: "CHECK" },
        format: { fill: COLORS.badFill, fontColor: COLORS.badFont, bold: null },
      },
      {
        address: "C13:C15",
        type: "ContainsText",
        rule: { operator: "BeginsWith", text: "OK" },
        format: { fill: COLORS.goodFill, fontColor: COLORS.goodFont, bold: null },
      },
      {
        address: "C13:C15",
        type: "ContainsText",
        rule: { operator: "BeginsWith", text: "CHECK" },
        format: { fill: COLORS.badFill, fontColor: COLORS.badFont, bold: true },
      },
    ]);
  });

  test("sector and theme tilts against the index: SUMIFS over both tables, charted as bars", () => {
    const sectors = v.grid(SHEET, "N25:Q35");
    SECTORS.forEach((s, k) => {
      const portfolio = chosen.filter((c) => c.sector === s).length * 0.05;
      const index = u.companies.filter((c) => c.sector === s).reduce((a, c) => a + weightOf(c), 0);
      expect(sectors[k]![0]).toBe(s);
      expect(sectors[k]![2]).toBeCloseTo(portfolio, 12);
      expect(sectors[k]![3]).toBeCloseTo(index, 9);
      expect(sectors[k]![1]).toBeCloseTo(portfolio - index, 9);
    });
    const themes = v.grid(SHEET, "N39:Q45");
    THEMES.forEach((t, k) => {
      expect(themes[k]![2]).toBeCloseTo(chosen.filter((c) => c.themes.includes(t.id)).length * 0.05, 12);
      expect(themes[k]![3]).toBeCloseTo(
        u.companies.filter((c) => c.themes.includes(t.id)).reduce((a, c) => a + weightOf(c), 0),
        9,
      );
    });
    const charts = ins.d.inspect.charts(SHEET);
    expect(charts).toMatchObject([
      {
        name: "Sector tilt",
        type: "BarClustered",
        source: "N24:O35",
        position: "E7:H22",
        series: [{ name: "Tilt vs index", values: "O25:O35", categories: "N25:N35" }],
      },
      {
        name: "Theme tilt",
        type: "BarClustered",
        source: "N38:O45",
        position: "I7:L22",
        series: [{ name: "Tilt vs index", values: "O39:O45", categories: "N39:N45" }],
      },
    ]);
    for (const c of charts)
      for (const busy of ["A24:L44", "A7:C17", "N24:Q46", "S22:V2024"]) expect(overlaps(c.position!, busy)).toBe(false);
  });

  test("a weight over the limit is flagged in its row and in the checks", async () => {
    const { d } = await insert(allocation, u);
    d.user.setCell(SHEET, "I25", { value: 0.2 });
    d.user.setCell(SHEET, "I26", { value: 0.0 });
    d.user.setCell(SHEET, "I27", { value: 0.0 });
    const w = calculate(d, u);
    expect(w.value(SHEET, "K25")).toBe("BREACH: over max");
    expect(w.value(SHEET, "C12")).toBeCloseTo(1.05, 12);
    expect(w.grid(SHEET, "C13:C15")).toEqual([["CHECK"], [1], ["CHECK"]]);
  });
});

describe("Refresh all keeps the PM's work", () => {
  test("names, target weights, limits and an added row survive a refresh from changed data; the data and checks follow", async () => {
    const { d } = await insert(allocation, u);
    // The PM's work: own weights, own limits, one name added (typed into a new row), one deleted.
    const mine = [
      0.09, 0.08, 0.07, 0.06, 0.06, 0.05, 0.05, 0.05, 0.05, 0.05, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.03, 0.03, 0.03,
    ];
    const extra = u.companies.find((c) => !chosen.includes(c) && c.sector === "Utilities")!;
    await d.Excel.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem("Allocation_1");
      t.rows.getItemAt(19).delete();
      t.rows.add(undefined, [[extra.ticker, ...Array(7).fill(null), 0.06, null, null, null]] as unknown as string[][]);
      await ctx.sync();
    });
    const names = [...chosen.slice(0, 19).map((c) => c.ticker), extra.ticker];
    mine.forEach((w, k) => d.user.setCell(SHEET, `I${25 + k}`, { value: w }));
    d.user.setCell(SHEET, "C8", { value: 0.09 });
    d.user.setCell(SHEET, "C9", { value: 0.1 });
    expect(calculate(d, u).value(SHEET, "C13")).toBe("OK");

    // The next delivery: caps up 10%, and the top name gone from the data (the screen would now pick others).
    const gone = chosen[0]!;
    const later: Universe = {
      ...u,
      companies: u.companies
        .filter((c) => c !== gone)
        .map((c) => ({ ...c, marketCap: c.marketCap === null ? null : c.marketCap * 1.1 })),
    };
    const { reports, syncs } = await refreshFrom(d, later);
    expect(reports.map((r) => [r.tableName, r.status, r.added.length, r.removed.length])).toEqual([
      ["Allocation_1", "refreshed", 0, 0],
      ["Allocation_1_Index", "refreshed", 0, 1],
    ]);
    expect(syncs).toBe(4); // list; read both tables; write each

    const rows = d.inspect.tableRows("Allocation_1");
    expect(rows.map((r) => r.Ticker!.value)).toEqual(names);
    expect(rows.map((r) => r["Target weight"]!.value)).toEqual([...mine, 0.06]);
    expect([d.inspect.cell(SHEET, "C8").value, d.inspect.cell(SHEET, "C9").value]).toEqual([0.09, 0.1]);
    expect(rows.every((r) => r["Active weight"]!.formula === "=[@[Target weight]]-[@[Index weight]]")).toBe(true);

    const w = calculate(d, later);
    const laterEngine = engineFor(later);
    // The data is the new data: graduation probabilities from the new caps; the name that left is #N/A, flagged.
    const [, second] = names;
    expect(w.value(SHEET, "F26")).toBeCloseTo(
      (laterEngine.graduationProbabilityOf(second!, 1) as { value: number }).value,
      12,
    );
    expect(w.value(SHEET, "D25")).toBe("#N/A");
    expect(w.value(SHEET, "K25")).toBe("CHECK: no index weight");
    expect(w.value(SHEET, "C12")).toBeCloseTo(1, 12);
    expect(w.grid(SHEET, "C13:C15")).toEqual([["OK"], [1], ["CHECK"]]);
    expect(w.value(SHEET, "N31")).toBe("Industrials");
  });
});
