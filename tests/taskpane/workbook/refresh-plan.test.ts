import { planRefresh, type RefreshPlan, type RowOp } from "../../../src/taskpane/workbook/refresh-plan";
import type { TableContent } from "../../../src/taskpane/workbook/table-content";
import { companies, contentFor, spec } from "../fixtures";

/** Applies a plan's row operations to a copy of the table, as Excel would: the user's cells move with their rows. */
function applyOps(body: unknown[][], plan: RefreshPlan): unknown[][] {
  const rows = body.map((r) => r.slice());
  for (const op of plan.ops as RowOp[]) {
    if (op.kind === "delete") rows.splice(op.at, 1);
    else rows.splice(op.at, 0, ...op.tickers.map(plan.newRow));
  }
  for (const w of plan.writes) if (w.cells) w.cells.forEach((v, i) => (rows[i]![w.column] = v));
  return rows;
}

const mustPlan = (headers: string[], body: unknown[][], content: TableContent): RefreshPlan => {
  const p = planRefresh({ headers, body }, content);
  if (!p.ok) throw new Error(p.reason);
  return p;
};

describe("planning a refresh in place", () => {
  const s = spec(["market_cap"], "values", { sort: { field: "market_cap", descending: false } });

  test("nothing changed: no row operations, no changed values", () => {
    const content = contentFor(companies(["AAA", "BBB"]), s);
    const plan = mustPlan(
      ["Ticker", "Market cap ($m)"],
      [
        ["AAA", 100],
        ["BBB", 200],
      ],
      content,
    );
    expect(plan.ops).toEqual([]);
    expect(plan.finalTickers).toEqual(["AAA", "BBB"]);
    expect([plan.added, plan.removed, plan.changedCells]).toEqual([[], [], 0]);
  });

  test("membership changes: leavers' rows deleted bottom-up, joiners inserted where the sort puts them, users' cells follow their rows", () => {
    // Now: AAA 100, CCC 300, DDD 400, EEE 500 (BBB left; CCC and EEE joined; DDD's value changed).
    const content = contentFor(
      companies(["AAA", "XXX", "CCC", "DDD", "EEE"], (t, i) =>
        t === "XXX" ? { marketCap: null, sector: "Energy" } : { marketCap: (i + 1) * 100 },
      ),
      {
        ...s,
        criteria: { ...s.criteria, sectors: ["Industrials"] },
      },
    );
    expect(content.tickers).toEqual(["AAA", "CCC", "DDD", "EEE"]);
    // The table as the user has it: a note column of their own, and BBB between AAA and DDD.
    const headers = ["Ticker", "My note", "Market cap ($m)"];
    const body = [
      ["AAA", "core", 100],
      ["BBB", "sell", 200],
      ["DDD", "watch", 350],
    ];
    const plan = mustPlan(headers, body, content);
    expect(plan.ops).toEqual([
      { kind: "delete", at: 1 },
      { kind: "insert", at: 2, tickers: ["EEE"] },
      { kind: "insert", at: 1, tickers: ["CCC"] },
    ]);
    expect(plan.added).toEqual(["CCC", "EEE"]);
    expect(plan.removed).toEqual(["BBB"]);
    expect([plan.changedCells, plan.changedRows]).toEqual([1, 1]); // DDD 350 → 400
    expect(applyOps(body, plan)).toEqual([
      ["AAA", "core", 100],
      ["CCC", null, 300],
      ["DDD", "watch", 400],
      ["EEE", null, 500],
    ]);
  });

  test("every company left: the new rows go in first, so the table never has no row", () => {
    const content = contentFor(companies(["NEW1", "NEW2"]), s);
    const body = [
      ["OLD1", 1],
      ["OLD2", 2],
    ];
    const plan = mustPlan(["Ticker", "Market cap ($m)"], body, content);
    expect(plan.ops).toEqual([
      { kind: "insert", at: 0, tickers: ["NEW1", "NEW2"] },
      { kind: "delete", at: 3 },
      { kind: "delete", at: 2 },
    ]);
    expect(applyOps(body, plan)).toEqual([
      ["NEW1", 100],
      ["NEW2", 200],
    ]);
  });

  test("nothing matches any more: refused, the table is left as it is", () => {
    const content = contentFor(companies(["AAA"]), { ...s, criteria: { sectors: ["Energy"] } });
    const plan = planRefresh({ headers: ["Ticker", "Market cap ($m)"], body: [["AAA", 1]] }, content);
    expect(plan).toEqual({ ok: false, reason: expect.stringMatching(/no company matches its filters now/) });
  });

  test("rows the user sorted stay where they are; tickers match case- and class-insensitively; duplicates and blanks go", () => {
    const content = contentFor(companies(["AAA", "BRK.B", "CCC"]), s);
    const body = [
      ["ccc", 300],
      ["brk-b", 200],
      ["AAA", 100],
      ["AAA", 100],
      ["", ""],
    ];
    const plan = mustPlan(["Ticker", "Market cap ($m)"], body, content);
    expect(plan.ops).toEqual([
      { kind: "delete", at: 4 },
      { kind: "delete", at: 3 },
    ]);
    expect(plan.finalTickers).toEqual(["CCC", "BRK.B", "AAA"]);
    expect(plan.removed).toEqual(["AAA"]); // the duplicate row; the blank row is removed without a name
    expect(applyOps(body, plan)).toEqual([
      ["CCC", 300],
      ["BRK.B", 200],
      ["AAA", 100],
    ]);
  });

  test("columns found by header wherever the user moved them; a renamed one is skipped and reported", () => {
    const content = contentFor(companies(["AAA"]), spec(["name", "market_cap"], "values"));
    const plan = mustPlan(["Market cap ($m)", "Notes", "Ticker", "Company"], [[1, "n", "AAA", "old name"]], content);
    expect(plan.writes.map((w) => [w.header, w.column])).toEqual([
      ["Ticker", 2],
      ["Market cap ($m)", 0],
    ]);
    expect(plan.missingColumns).toEqual(["Name"]);
    expect(plan.newRow("AAA")).toEqual([100, null, "AAA", null]);
  });

  test("new rows never carry text Excel could read as a formula, whatever format the new cells get", () => {
    const content = contentFor(
      companies(["=BAD", "AAA"], (t) => ({ name: t === "=BAD" ? "+1-1" : "ok" })),
      spec(["name"], "values"),
    );
    const plan = mustPlan(["Ticker", "Name"], [["AAA", "ok"]], content);
    expect(plan.newRow("=BAD")).toEqual(["'=BAD", "'+1-1"]);
    // … and the column writes that follow put the exact text into the Text-formatted columns.
    expect(plan.writes.map((w) => [w.numberFormat, w.cells])).toEqual([
      ["@", ["=BAD", "AAA"]],
      ["@", ["+1-1", "ok"]],
    ]);
  });

  test("without its ticker column a table can't be matched to companies: refused", () => {
    const content = contentFor(companies(["AAA"]), s);
    const plan = planRefresh({ headers: ["Symbol", "Market cap ($m)"], body: [["AAA", 1]] }, content);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.reason).toMatch(/'Ticker' column is gone/);
  });

  test("live tables: the ticker column is written, formula columns get their formula and General format; errors compare as missing", () => {
    const content = contentFor(
      companies(["AAA", "BBB"], (t) => (t === "BBB" ? { marketCap: null } : {})),
      spec(["market_cap", "name"], "live"),
    );
    const plan = mustPlan(
      ["Ticker", "Market cap ($m)", "Name"],
      [
        ["AAA", 100, "AAA Corp"],
        ["BBB", "#N/A", "BBB Corp"],
      ],
      content,
    );
    expect(plan.changedCells).toBe(0);
    expect(plan.writes).toEqual([
      { column: 0, field: "ticker", header: "Ticker", cells: ["AAA", "BBB"], formula: null, numberFormat: "@" },
      {
        column: 1,
        field: "market_cap",
        header: "Market cap ($m)",
        cells: null,
        formula: '=QUALIS.FIELD([@Ticker],"market_cap")',
        numberFormat: null,
      },
      {
        column: 2,
        field: "name",
        header: "Name",
        cells: null,
        formula: '=QUALIS.FIELD([@Ticker],"name")',
        numberFormat: "General",
      },
    ]);
    expect(plan.newRow("AAA")).toEqual(["AAA", null, null]); // formula cells left to the calculated column
  });
});
