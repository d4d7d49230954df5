// Refresh all against the Excel double: tables found from the workbook's own records, rows following membership,
// the user's columns beside and inside the table kept, deleted and renamed tables reported.
import { create, type ExcelDouble } from "../../support/excel-double";
import { engineFor } from "../../../src/model/engine";
import type { Company } from "../../../src/model/types";
import { forgetTable, listTables, refreshTables } from "../../../src/taskpane/workbook/refresh";
import { buildTableContent } from "../../../src/taskpane/workbook/table-content";
import type { TableRecord, TableSpec } from "../../../src/taskpane/workbook/table-record";
import { insertTable, type WriteTarget } from "../../../src/taskpane/workbook/writer";
import type { ProvenanceFacts } from "../../../src/taskpane/workbook/provenance";
import { universe } from "../../support/universe-builders";
import { companies, NOW, spec } from "../fixtures";

const LATER = new Date("2026-12-01T09:30:00Z");
const facts = (asOf: string): ProvenanceFacts => ({
  isDemo: false,
  asOf,
  source: "test universe",
  origin: "https://data.example.com/snap.json",
});

let d: ExcelDouble;
beforeEach(() => (d = create()));

/** Industrials A–E with caps 100…500 today. */
const today = companies(["AAA", "BBB", "CCC", "DDD", "EEE"]);
/** Later: BBB has left the sector, FFF joined (cap 250, between BBB's old place and CCC), DDD's cap moved, GGG joined at the top. */
const later: Company[] = companies(["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG"], (t, i) => {
  if (t === "BBB") return { sector: "Energy" };
  if (t === "DDD") return { marketCap: 410 };
  if (t === "FFF") return { marketCap: 250 };
  if (t === "GGG") return { marketCap: 900 };
  return { marketCap: (i + 1) * 100 };
});

const industrials = (output: "values" | "live", fields = ["name", "market_cap"]): TableSpec =>
  spec(fields, output, { sectors: ["Industrials"], sort: { field: "market_cap", descending: true } });

async function write(cs: Company[], s: TableSpec, target: WriteTarget = { kind: "newSheet" }) {
  const content = buildTableContent(engineFor(universe(cs)), s, facts("2026-04-30"), NOW);
  return d.Excel.run((ctx) => insertTable(ctx, s, content, target, { now: NOW }));
}

const builder =
  (cs: Company[], asOf = "2026-11-30") =>
  (r: TableRecord) =>
    buildTableContent(engineFor(universe(cs)), r, facts(asOf), LATER);

async function refresh(cs: Company[], asOf?: string) {
  return d.Excel.run((ctx) => refreshTables(ctx, builder(cs, asOf), { now: LATER }));
}

const column = (table: string, header: string) => d.inspect.tableRows(table).map((r) => r[header]?.value);

describe("refresh in place", () => {
  test("rows follow membership; the user's columns inside and beside the table keep working; same table, same place", async () => {
    await write(today, industrials("values"));
    expect(column("Qualis_1", "Ticker")).toEqual(["EEE", "DDD", "CCC", "BBB", "AAA"]);
    // The user's own work: a note per company and a calculated column inside the table, a total beside it.
    d.user.addTableColumn("Qualis_1", "My note", (_i, ticker) => ({ value: `note on ${ticker}` }));
    d.user.addTableColumn("Qualis_1", "Cap x2", () => ({ formula: "=[@[Market cap ($m)]]*2" }));
    d.user.setCell("Qualis 1", "G6", { formula: "=SUM(Qualis_1[Market cap ($m)])" });
    const before = d.inspect.tables()[0]!;
    const syncsBefore = d.inspect.syncs.length;

    const [report] = await refresh(later);

    // One request lists the records and tables, one reads the table, one writes it.
    expect(d.inspect.syncs.length - syncsBefore).toBe(3);
    expect(d.inspect.syncs.slice(syncsBefore + 2).every((s) => s.suspended)).toBe(true);
    const after = d.inspect.tables()[0]!;
    expect([after.id, after.name, after.sheet, after.address.split(":")[0]]).toEqual([
      before.id,
      before.name,
      before.sheet,
      before.address.split(":")[0],
    ]);
    expect(after.headers).toEqual(["Ticker", "Name", "Market cap ($m)", "My note", "Cap x2"]);
    // GGG joins at the top (the screen puts it first), FFF after CCC; BBB's row is gone with the user's note on it.
    expect(column("Qualis_1", "Ticker")).toEqual(["GGG", "EEE", "DDD", "CCC", "FFF", "AAA"]);
    expect(column("Qualis_1", "Market cap ($m)")).toEqual([900, 500, 410, 300, 250, 100]);
    expect(column("Qualis_1", "My note")).toEqual(["", "note on EEE", "note on DDD", "note on CCC", "", "note on AAA"]);
    expect(d.inspect.tableRows("Qualis_1").map((r) => r["Cap x2"]!.formula)).toEqual(
      Array(6).fill("=[@[Market cap ($m)]]*2"),
    );
    expect(d.inspect.cell("Qualis 1", "G6").formula).toBe("=SUM(Qualis_1[Market cap ($m)])");
    expect(d.inspect.violations).toEqual([]);

    expect(report).toMatchObject({
      status: "refreshed",
      tableName: "Qualis_1",
      added: ["GGG", "FFF"],
      removed: ["BBB"],
      changedCells: 1,
      changedRows: 1,
      rows: 6,
    });
    expect(report!.message).toBe("2 rows added, 1 row removed; 1 value changed in 1 row — 6 rows now.");
    // The provenance block says when and from what; the record says how many rows and when.
    expect(d.inspect.cell("Qualis 1", "A2").value).toMatch(/data as of 2026-11-30$/);
    expect(d.inspect.cell("Qualis 1", "A3").value).toMatch(/· 6 companies$/);
    expect(d.inspect.cell("Qualis 1", "A4").value).toBe("Written: 2026-12-01 09:30 UTC");
    expect(Object.values(d.inspect.settings())[0]).toMatchObject({
      rows: 6,
      refreshedAt: LATER.toISOString(),
      tableName: "Qualis_1",
    });
  });

  test("live tables: new rows get their ticker and the formulas; the formulas are rewritten so they recalculate", async () => {
    await write(today, industrials("live"));
    d.user.addTableColumn("Qualis_1", "Weight", (_i, ticker) => ({ value: ticker === "CCC" ? 0.3 : 0.1 }));
    const [report] = await refresh(later);
    expect(report!.status).toBe("refreshed");
    const rows = d.inspect.tableRows("Qualis_1");
    expect(rows.map((r) => r.Ticker!.value)).toEqual(["GGG", "EEE", "DDD", "CCC", "FFF", "AAA"]);
    expect(rows.map((r) => r.Weight!.value)).toEqual(["", 0.1, 0.1, 0.3, "", 0.1]);
    expect(new Set(rows.map((r) => r["Market cap ($m)"]!.formula))).toEqual(
      new Set(['=QUALIS.FIELD([@Ticker],"market_cap")']),
    );
    expect(
      rows.every((r) => r.Name!.formula === '=QUALIS.FIELD([@Ticker],"name")' && r.Name!.numberFormat === "General"),
    ).toBe(true);
    const fills = d.inspect.writes.filter((w) => w.prop === "formulas" && w.sync > 3);
    expect(fills.map((w) => [w.address, w.broadcast])).toEqual([
      ["B2:B7", true],
      ["C2:C7", true],
    ]);
  });

  test("a table the user deleted is reported, not recreated; forgetting it removes only its record", async () => {
    await write(today, industrials("values"));
    await write(today, spec(["name"], "live"));
    d.user.deleteTable("Qualis_1");
    const reports = await refresh(later);
    expect(reports.map((r) => [r.tableName, r.status])).toEqual([
      ["Qualis_1", "missing"],
      ["Qualis_2", "refreshed"],
    ]);
    expect(reports[0]!.message).toBe(
      "Qualis_1 (on Qualis 1) is no longer in the workbook: it or its sheet was deleted. Rebuild it, or forget it.",
    );
    expect(d.inspect.tables().map((t) => t.name)).toEqual(["Qualis_2"]);

    const listing = await d.Excel.run((ctx) => listTables(ctx));
    expect(listing.map((l) => [l.record?.tableName, l.state])).toEqual([
      ["Qualis_1", "missing"],
      ["Qualis_2", "found"],
    ]);
    await d.Excel.run((ctx) => forgetTable(ctx, listing[0]!.key));
    expect((await d.Excel.run((ctx) => listTables(ctx))).map((l) => l.record?.tableName)).toEqual(["Qualis_2"]);
    expect(d.inspect.tables().map((t) => t.name)).toEqual(["Qualis_2"]);
  });

  test("a deleted sheet takes its table with it: reported the same way", async () => {
    await write(today, industrials("values"));
    d.user.deleteSheet("Qualis 1");
    const [report] = await refresh(later);
    expect(report!.status).toBe("missing");
    expect(d.inspect.sheetNames()).toEqual(["Sheet1"]);
  });

  test("a table the user renamed is found by its id and refreshed under its new name", async () => {
    await write(today, industrials("values"));
    d.user.renameTable("Qualis_1", "Holdings");
    const [report] = await refresh(later);
    expect(report).toMatchObject({ status: "refreshed", tableName: "Holdings", renamedFrom: "Qualis_1" });
    expect(report!.message).toMatch(/You renamed it from Qualis_1; it was refreshed under its new name/);
    expect(column("Holdings", "Ticker")).toHaveLength(6);
    expect(Object.values(d.inspect.settings())[0]).toMatchObject({ tableName: "Holdings", tableId: "1" });
    // The next listing knows it by its new name.
    expect((await d.Excel.run((ctx) => listTables(ctx)))[0]).toMatchObject({ state: "found", currentName: "Holdings" });
  });

  test("a table whose id changed (saved and reopened elsewhere) is recognised by its name and headers", async () => {
    await write(today, industrials("values"));
    d.user.changeTableId("Qualis_1", "{0F6A}");
    const listing = await d.Excel.run((ctx) => listTables(ctx));
    expect(listing[0]).toMatchObject({ state: "found", currentName: "Qualis_1", problem: null });
    const [report] = await refresh(later);
    expect(report!.status).toBe("refreshed");
    expect(Object.values(d.inspect.settings())[0]).toMatchObject({ tableId: "{0F6A}" });
  });

  test("another table now carrying the deleted table's name is left alone", async () => {
    await write(today, industrials("values"));
    d.user.deleteTable("Qualis_1");
    d.user.setCell("Sheet1", "A1", { value: "Mine" });
    d.user.setCell("Sheet1", "A2", { value: 1 });
    await d.Excel.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem("Sheet1").tables.add("A1:A2", true);
      t.name = "Qualis_1";
      await ctx.sync();
    });
    const [report] = await refresh(later);
    expect(report).toMatchObject({ status: "replaced" });
    expect(d.inspect.tableRows("Qualis_1")).toEqual([{ Mine: expect.objectContaining({ value: 1 }) }]);
  });

  test("a damaged record is reported and nothing is touched", async () => {
    await write(today, industrials("values"));
    const key = Object.keys(d.inspect.settings())[0]!;
    await d.Excel.run(async (ctx) => {
      ctx.workbook.settings.add(key, { version: 1, key, tableName: 42 });
      await ctx.sync();
    });
    const [report] = await refresh(later);
    expect(report!.status).toBe("damaged");
    expect(report!.message).toMatch(/could not be read/);
    expect(column("Qualis_1", "Ticker")).toHaveLength(5);
  });

  test("the provenance block follows rows the user inserted above it; one the user overwrote is not rewritten", async () => {
    await write(today, industrials("values"));
    d.user.insertSheetRows("Qualis 1", 1, 2);
    await refresh(later, "2026-11-30");
    expect(d.inspect.cell("Qualis 1", "A4").value).toMatch(/data as of 2026-11-30$/);
    expect(d.inspect.cell("Qualis 1", "A1").value).toBe("");

    d.user.setCell("Qualis 1", "A3", { value: "Client table — prepared by J. Smith" });
    const [report] = await refresh(today, "2026-12-31");
    expect(report!.message).toMatch(/provenance block was moved, changed or deleted, so it was not rewritten/);
    expect(d.inspect.cell("Qualis 1", "A3").value).toBe("Client table — prepared by J. Smith");
    expect(d.inspect.cell("Qualis 1", "A4").value).toMatch(/data as of 2026-11-30$/);
  });

  test("a table whose header row is not the recorded columns is refused, says why, and keeps every cell", async () => {
    await write(today, industrials("values"));
    d.user.addTableColumn("Qualis_1", "My note", (_i, ticker) => ({ value: `note on ${ticker}` }));
    d.user.setCell("Qualis 1", "B6", { value: "Company" });
    const before = d.inspect.tableRows("Qualis_1");
    const [r1] = await refresh(later);
    expect(r1!.status).toBe("skipped");
    expect(r1!.message).toMatch(/its header row has no 'Name' column where the add-in wrote one.*Nothing was changed/);
    expect(d.inspect.tableRows("Qualis_1")).toEqual(before);

    d.user.setCell("Qualis 1", "B6", { value: "Name" });
    d.user.setCell("Qualis 1", "A6", { value: "Symbol" });
    const [r2] = await refresh(today);
    expect(r2!.status).toBe("skipped");
    expect(r2!.message).toMatch(/its header row has no 'Ticker' column/);
    const values = (rows: typeof before) => rows.map((row) => Object.values(row).map((c) => c?.value));
    expect(values(d.inspect.tableRows("Qualis_1"))).toEqual(values(before));
  });

  test("when nothing matches any more the table is left as it was", async () => {
    await write(today, industrials("values"));
    const [report] = await refresh(companies(["AAA"], () => ({ sector: "Energy" })));
    expect(report!.status).toBe("skipped");
    expect(column("Qualis_1", "Ticker")).toEqual(["EEE", "DDD", "CCC", "BBB", "AAA"]);
  });

  test("refresh stays within the request budget: a large table's changes go in several requests", async () => {
    const many = companies(Array.from({ length: 1500 }, (_, i) => `T${i}`));
    await write(many, spec(["name", "market_cap"], "values"));
    const before = d.inspect.syncs.length;
    const grown = companies(
      Array.from({ length: 1600 }, (_, i) => `T${i}`),
      (_t, i) => ({ marketCap: i * 3 + 1 }),
    );
    const budget = 24 * 1024;
    await d.Excel.run((ctx) => refreshTables(ctx, builder(grown), { now: LATER, budget }));
    const mine = d.inspect.syncs.slice(before);
    expect(mine.length).toBeGreaterThan(4);
    for (const s of mine) expect(s.requestBytes).toBeLessThanOrEqual(budget);
    const tickers = grown.map((c) => c.ticker).sort();
    expect(column("Qualis_1", "Ticker")).toEqual(tickers); // by ticker, as the table was sorted
    expect(column("Qualis_1", "Market cap ($m)")).toEqual(tickers.map((t) => Number(t.slice(1)) * 3 + 1));
  });
});
