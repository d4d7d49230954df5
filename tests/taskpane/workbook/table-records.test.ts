// What the add-in remembers about its tables lives in workbook.settings, which Office saves in the file as JSON and
// reads back on reopening — possibly on another machine, possibly after someone (or something) edited it. Against
// the Excel double: the records survive a save-and-reopen and Refresh all works from them; a record that comes back
// damaged in any way is reported as such, never acted on, and never stops the other tables from refreshing.
import { create, type ExcelDouble } from "../../support/excel-double";
import { engineFor } from "../../../src/model/engine";
import type { Company } from "../../../src/model/types";
import { listTables, refreshTables } from "../../../src/taskpane/workbook/refresh";
import { buildTableContent } from "../../../src/taskpane/workbook/table-content";
import { RECORD_KEY_PREFIX, type TableRecord, type TableSpec } from "../../../src/taskpane/workbook/table-record";
import { insertTable } from "../../../src/taskpane/workbook/writer";
import { companies, FACTS, NOW, spec } from "../fixtures";
import { universe } from "../../support/universe-builders";

const LATER = new Date("2026-12-01T09:30:00Z");
const today = companies(["AAA", "BBB", "CCC", "DDD"]);
const later = companies(["AAA", "CCC", "DDD", "EEE", "FFF"], (_t, i) => ({ marketCap: (i + 1) * 110 }));

let d: ExcelDouble;
beforeEach(() => (d = create()));

async function write(s: TableSpec) {
  const content = buildTableContent(engineFor(universe(today)), s, FACTS, NOW);
  return d.Excel.run((ctx) => insertTable(ctx, s, content, { kind: "newSheet" }, { now: NOW }));
}
const refresh = (cs: Company[]) =>
  d.Excel.run((ctx) =>
    refreshTables(ctx, (r) => buildTableContent(engineFor(universe(cs)), r, FACTS, LATER), { now: LATER }),
  );

/** Office keeps settings in the file as JSON: closing and reopening hands back what JSON kept, as objects or text. */
async function saveAndReopen(asText = false): Promise<void> {
  const saved = JSON.parse(JSON.stringify(d.inspect.settings())) as Record<string, unknown>;
  await d.Excel.run(async (ctx) => {
    const all = ctx.workbook.settings.load("items/key");
    await ctx.sync();
    for (const s of all.items) s.delete();
    for (const [k, v] of Object.entries(saved)) ctx.workbook.settings.add(k, asText ? JSON.stringify(v) : v);
    await ctx.sync();
  });
}

async function putSetting(key: string, value: unknown): Promise<void> {
  await d.Excel.run(async (ctx) => {
    ctx.workbook.settings.add(key, value);
    await ctx.sync();
  });
}

describe("the table records survive a save and reopen", () => {
  test.each([
    ["objects", false],
    ["JSON text", true],
  ])("kept as %s: found, and Refresh all works from them", async (_as, asText) => {
    const values = await write(spec(["name", "market_cap"], "values", { sectors: ["Industrials"] }));
    const live = await write(spec(["market_cap"], "live"));
    await saveAndReopen(asText);

    const listing = await d.Excel.run((ctx) => listTables(ctx));
    expect(listing.map((l) => [l.state, l.record])).toEqual([
      ["found", values.record],
      ["found", live.record],
    ]);
    const reports = await refresh(later);
    expect(reports.map((r) => [r.tableName, r.status])).toEqual([
      ["Qualis_1", "refreshed"],
      ["Qualis_2", "refreshed"],
    ]);
    expect(d.inspect.tableRows("Qualis_1").map((r) => r.Ticker!.value)).toEqual(["AAA", "CCC", "DDD", "EEE", "FFF"]);
    expect(d.inspect.violations).toEqual([]);
  });
});

/** A valid record's JSON with one thing wrong. */
const damage = (r: TableRecord, edit: (x: Record<string, unknown>) => void): Record<string, unknown> => {
  const x = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
  edit(x);
  return x;
};

const DAMAGED: [string, (r: TableRecord) => unknown, RegExp][] = [
  ["text that is not JSON", () => '{"version":1,"key":', /not valid JSON/],
  ["text cut short", (r) => JSON.stringify(r).slice(0, 80), /not valid JSON/],
  ["a number", () => 42, /record: Invalid input/],
  ["null", () => null, /record: Invalid input/],
  ["an array", () => [1, 2], /record: Invalid input/],
  ["TRUE", () => true, /record: Invalid input/],
  ["another version", (r) => damage(r, (x) => (x.version = 2)), /version: /],
  ["a missing field", (r) => damage(r, (x) => delete x.columns), /columns: /],
  ["a field of the wrong type", (r) => damage(r, (x) => (x.rows = "many")), /rows: /],
  ["an unknown field", (r) => damage(r, (x) => (x.script = "=cmd|' /C calc'!A0")), /Unrecognized key/],
  [
    "a '__proto__' key in its text",
    (r) => JSON.stringify(r).replace('{"version"', '{"__proto__":{"polluted":true},"version"'),
    /Unrecognized key/,
  ],
  [
    "301 columns",
    (r) =>
      damage(r, (x) => (x.columns = Array.from({ length: 301 }, (_, i) => ({ field: "ticker", header: `T${i}` })))),
    /columns: Too big/,
  ],
  ["a sheet name Excel cannot have", (r) => damage(r, (x) => (x.sheetName = "S".repeat(40))), /sheetName: Too big/],
  ["a 1 MB table name", (r) => damage(r, (x) => (x.tableName = "T".repeat(1024 * 1024))), /tableName: Too big/],
  [
    "criteria of the wrong shape",
    (r) => damage(r, (x) => (x.criteria = { sectors: "Industrials" })),
    /criteria\.sectors: /,
  ],
  ["an unknown sector", (r) => damage(r, (x) => (x.criteria = { sectors: ["Crypto"] })), /criteria\.sectors\.0: /],
  [
    "an infinite filter",
    (r) => damage(r, (x) => (x.criteria = { marketCapMin: "Infinity" })),
    /criteria\.marketCapMin: /,
  ],
  [
    "another record's key",
    (r) => damage(r, (x) => (x.key = `${RECORD_KEY_PREFIX}someone-else`)),
    /names a different key/,
  ],
];

describe("a damaged table record is reported, never acted on; the other tables still refresh", () => {
  test.each(DAMAGED)("%s", async (_what, make, reason) => {
    const victim = await write(spec(["name"], "values"));
    await write(spec(["market_cap"], "live"));
    await putSetting(victim.record.key, make(victim.record));
    await saveAndReopen();
    const cellsBefore = d.inspect.tableRows("Qualis_1");

    const listing = await d.Excel.run((ctx) => listTables(ctx));
    const damaged = listing.find((l) => l.key === victim.record.key)!;
    expect(damaged.state).toBe("damaged");
    expect(damaged.problem).toMatch(/^The stored settings of a table could not be read \(/);
    expect(damaged.problem).toMatch(reason);
    expect(damaged.problem!.length).toBeLessThan(2000); // a huge record is not echoed back whole

    const reports = await refresh(later);
    expect(reports.map((r) => r.status).sort()).toEqual(["damaged", "refreshed"]);
    expect(d.inspect.tableRows("Qualis_1")).toEqual(cellsBefore); // its table is not touched
    expect(d.inspect.tableRows("Qualis_2").map((r) => r.Ticker!.value)).toEqual(["AAA", "CCC", "DDD", "EEE", "FFF"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(d.inspect.violations).toEqual([]);
  });

  test("a well-formed record that asks for the impossible (no ticker column first, unknown fields) fails alone", async () => {
    const victim = await write(spec(["name"], "values"));
    await write(spec(["market_cap"], "live"));
    await putSetting(victim.record.key, {
      ...victim.record,
      columns: [
        { field: "no_such_field", header: "Name" },
        { field: "name", header: "Name" },
      ],
    });
    const reports = await refresh(later);
    expect(reports.map((r) => [r.tableName, r.status])).toEqual([
      ["Qualis_1", "failed"],
      ["Qualis_2", "refreshed"],
    ]);
    expect(reports[0]!.message).toMatch(/^Not refreshed: .*A table's first column must be the ticker column\.$/);
  });
});
