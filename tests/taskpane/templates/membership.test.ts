// Fixed membership, the allocation template's kind of table: the criteria choose the names once; after that the
// rows are the tickers the table holds, and Refresh all updates their data without adding or dropping a name.
import { create, type ExcelDouble } from "../../support/excel-double";
import { engineFor } from "../../../src/model/engine";
import type { Company } from "../../../src/model/types";
import { refreshTables } from "../../../src/taskpane/workbook/refresh";
import { buildTableContent } from "../../../src/taskpane/workbook/table-content";
import { parseRecord, type TableSpec } from "../../../src/taskpane/workbook/table-record";
import { insertTable } from "../../../src/taskpane/workbook/writer";
import { universe } from "../../support/universe-builders";
import { companies, FACTS, NOW, spec } from "../fixtures";

const LATER = new Date("2026-12-01T09:30:00Z");
let d: ExcelDouble;
beforeEach(() => (d = create()));

const today = companies(["AAA", "BBB", "CCC", "DDD", "EEE"]);
/** Later the screen would pick other names: GGG is now the largest, BBB has left the sector. */
const later: Company[] = companies(["AAA", "BBB", "CCC", "DDD", "EEE", "GGG"], (t, i) => {
  if (t === "BBB") return { sector: "Energy", marketCap: 200 };
  if (t === "GGG") return { marketCap: 900 };
  return { marketCap: (i + 1) * 110 };
});

const top3 = (membership: TableSpec["membership"]): TableSpec => ({
  ...spec(["market_cap"], "live", {
    sectors: ["Industrials"],
    sort: { field: "market_cap", descending: true },
    limit: 3,
  }),
  membership,
});

const build = (cs: Company[]) => (r: Parameters<Parameters<typeof refreshTables>[1]>[0], tickersNow?: string[]) =>
  buildTableContent(engineFor(universe(cs)), r, FACTS, LATER, tickersNow);

async function write(s: TableSpec) {
  const content = buildTableContent(engineFor(universe(today)), s, FACTS, NOW);
  await d.Excel.run((ctx) => insertTable(ctx, s, content, { kind: "newSheet" }, { now: NOW }));
}

const column = (header: string) => d.inspect.tableRows("Qualis_1").map((r) => r[header]?.value);

test("the record says the membership is fixed, and reads back", async () => {
  await write(top3("fixed"));
  const [key, stored] = Object.entries(d.inspect.settings())[0]!;
  expect(stored).toMatchObject({ membership: "fixed", criteria: { limit: 3 } });
  expect(parseRecord(key, stored)).toMatchObject({ ok: true, record: { membership: "fixed" } });
  // A screen table's record stays as it was before fixed membership existed.
  d = create();
  await write(top3(undefined));
  expect(Object.values(d.inspect.settings())[0]).not.toHaveProperty("membership");
});

test("a fixed table keeps its names (and the user's rows and cells) through a refresh; a screen table follows the screen", async () => {
  await write(top3("fixed"));
  expect(column("Ticker")).toEqual(["EEE", "DDD", "CCC"]);
  d.user.addTableColumn("Qualis_1", "Target weight", (i) => ({ value: [0.5, 0.3, 0.2][i] }));
  // The user adds a name of their own (BBB) and one the data does not know (ZZZ).
  await d.Excel.run(async (ctx) => {
    ctx.workbook.tables.getItem("Qualis_1").rows.add(undefined, [
      ["BBB", null, 0.1],
      ["ZZZ", null, 0.05],
    ] as unknown as (string | number)[][]); // null: the calculated column fills it
    await ctx.sync();
  });

  const [report] = await d.Excel.run((ctx) => refreshTables(ctx, build(later), { now: LATER }));
  expect(report).toMatchObject({ status: "refreshed", added: [], removed: [] });
  expect(column("Ticker")).toEqual(["EEE", "DDD", "CCC", "BBB", "ZZZ"]);
  expect(column("Target weight")).toEqual([0.5, 0.3, 0.2, 0.1, 0.05]);
  expect(new Set(d.inspect.tableRows("Qualis_1").map((r) => r["Market cap ($m)"]!.formula))).toEqual(
    new Set(['=QUALIS.FIELD([@Ticker],"market_cap")']),
  );

  d = create();
  await write(top3(undefined));
  const [screened] = await d.Excel.run((ctx) => refreshTables(ctx, build(later), { now: LATER }));
  expect(screened).toMatchObject({ added: ["GGG"], removed: ["CCC"] });
});

test("a fixed table whose ticker column is gone is left alone, with the reason", async () => {
  await write(top3("fixed"));
  d.user.setCell("Qualis 1", "A1", { value: "Symbol" });
  const [report] = await d.Excel.run((ctx) => refreshTables(ctx, build(later), { now: LATER }));
  expect(report).toMatchObject({ status: "skipped" });
  expect(report!.message).toMatch(/its header row has no 'Ticker' column.*Nothing was changed/);
});

test("content for a fixed table: the tickers given, once each and without blanks, in their order; unknown ones keep a row", () => {
  const content = build(later)(
    {
      ...top3("fixed"),
      version: 1,
      key: "k",
      tableId: null,
      tableName: "T",
      sheetName: "S",
      provenanceName: null,
      rows: 3,
      createdAt: "",
      refreshedAt: "",
    },
    ["ccc", "", "AAA", "zzz", "CCC "],
  );
  expect(content.tickers).toEqual(["CCC", "AAA", "zzz"]);
  expect(content.values).toEqual([
    ["CCC", 330],
    ["AAA", 110],
    ["zzz", null],
  ]);
});
