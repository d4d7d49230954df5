// The writer against the in-memory Excel double (tests/support/excel-double.js): what lands in which cell, with which
// format, in how many requests of what size.
import { create, type ExcelDouble } from "../../support/excel-double";
import { findField } from "../../../src/model/catalogue";
import { DEFAULT_REQUEST_BUDGET } from "../../../src/taskpane/workbook/payload";
import { insertTable, type WriteProgress } from "../../../src/taskpane/workbook/writer";
import { RECORD_KEY_PREFIX, parseRecord } from "../../../src/taskpane/workbook/table-record";
import { bigContent, bigSpec, companies, contentFor, DEMO_FACTS, NOW, spec } from "../fixtures";

const key = () => `${RECORD_KEY_PREFIX}test`;
let d: ExcelDouble;
beforeEach(() => (d = create()));

const capFormat = findField("market_cap")!.numberFormat;

describe("insertTable on a new sheet", () => {
  test("values: provenance block, header, rows, formats, frozen header, fitted widths, and the record with the table's id", async () => {
    const s = spec(["name", "market_cap"], "values", { sort: { field: "market_cap", descending: true } });
    const content = contentFor(companies(["AAA", "BBB", "CCC"]), s, DEMO_FACTS);
    const res = await d.Excel.run((ctx) =>
      insertTable(ctx, s, content, { kind: "newSheet" }, { now: NOW, newKey: key }),
    );

    const i = d.inspect;
    expect(i.sheetNames()).toEqual(["Sheet1", "Qualis 1"]);
    expect(i.activeSheet()).toBe("Qualis 1");
    expect(res.address).toBe("'Qualis 1'!A6:C9");
    expect(i.tables()).toEqual([
      {
        id: "1",
        name: "Qualis_1",
        sheet: "Qualis 1",
        address: "A6:C9",
        headers: ["Ticker", "Name", "Market cap ($m)"],
        rows: 3,
      },
    ]);
    const block = i.grid("Qualis 1", "A1:A5").map(([c]) => c!);
    expect(block.map((c) => c.value)).toEqual([...content.provenance!, ""]);
    expect(block.slice(0, 4).every((c) => c.numberFormat === "@" && c.formula === null)).toBe(true);
    expect(block[0]!.bold).toBe(true);
    expect(String(block[0]!.value)).toMatch(/DEMO DATA/);
    expect(i.names()).toEqual([
      { name: "Qualis_1_Provenance", sheet: "Qualis 1", address: "A1:A4", comment: expect.stringMatching(/Qualis_1/) },
    ]);
    expect(i.tableRows("Qualis_1").map((r) => [r.Ticker!.value, r.Name!.value, r["Market cap ($m)"]!.value])).toEqual([
      ["CCC", "CCC Corp", 300],
      ["BBB", "BBB Corp", 200],
      ["AAA", "AAA Corp", 100],
    ]);
    expect(
      i
        .tableRows("Qualis_1")
        .map((r) => [r.Ticker!.numberFormat, r.Name!.numberFormat, r["Market cap ($m)"]!.numberFormat]),
    ).toEqual(Array(3).fill(["@", "@", capFormat]));
    expect(i.frozenRows("Qualis 1")).toBe(6);
    expect(i.autofitted("Qualis 1")).toEqual(["A6:C9"]);
    expect(i.violations).toEqual([]);

    const stored = i.settings()[key()];
    const parsed = parseRecord(key(), stored);
    expect(parsed.ok).toBe(true);
    expect(stored).toMatchObject({
      tableId: "1",
      tableName: "Qualis_1",
      sheetName: "Qualis 1",
      provenanceName: "Qualis_1_Provenance",
      output: "values",
      rows: 3,
    });
    expect(res.record).toEqual(stored);
  });

  test("live: tickers as values, one formula per field column, formats that let the formulas calculate", async () => {
    const s = spec(["market_cap", "name"], "live");
    const content = contentFor(companies(["AAA", "BBB"]), s);
    await d.Excel.run((ctx) => insertTable(ctx, s, content, { kind: "newSheet" }, { now: NOW, newKey: key }));
    const rows = d.inspect.tableRows("Qualis_1");
    expect(rows.map((r) => [r.Ticker!.value, r["Market cap ($m)"]!.formula, r.Name!.formula])).toEqual([
      ["AAA", '=QUALIS.FIELD([@Ticker],"market_cap")', '=QUALIS.FIELD([@Ticker],"name")'],
      ["BBB", '=QUALIS.FIELD([@Ticker],"market_cap")', '=QUALIS.FIELD([@Ticker],"name")'],
    ]);
    expect(rows[0]!.Name!.numberFormat).toBe("General");
    expect(rows[0]!.Ticker!.numberFormat).toBe("@");
    expect(d.inspect.names()).toEqual([]); // no provenance block for live tables
    expect(d.inspect.frozenRows("Qualis 1")).toBe(1);
    // The formulas went in as whole-column fills, after the tickers.
    const fills = d.inspect.writes.filter((w) => w.prop === "formulas");
    expect(fills.map((w) => [w.address, w.broadcast])).toEqual([
      ["B2:B3", true],
      ["C2:C3", true],
    ]);
  });

  test("names already used are skipped: Qualis 2 / Qualis_2", async () => {
    const s = spec(["name"], "values");
    const content = contentFor(companies(["AAA"]), s);
    await d.Excel.run((ctx) => insertTable(ctx, s, content, { kind: "newSheet" }, { now: NOW }));
    await d.Excel.run((ctx) => insertTable(ctx, s, content, { kind: "newSheet" }, { now: NOW }));
    expect(d.inspect.tables().map((t) => [t.name, t.sheet])).toEqual([
      ["Qualis_1", "Qualis 1"],
      ["Qualis_2", "Qualis 2"],
    ]);
    expect(Object.keys(d.inspect.settings())).toHaveLength(2);
  });

  test("text that looks like a formula is written as text, never as a formula", async () => {
    const evil = ['=HYPERLINK("http://x","click")', "+SUM(1,2)", "-2+3", "@cmd", "=1+1"];
    const s = spec(["name", "sector"], "values");
    const cs = companies(["=EVIL", "+AB", "-CD", "@EF", "OK"], (_t, i) => ({ name: evil[i]! }));
    const content = contentFor(cs, s);
    await d.Excel.run((ctx) => insertTable(ctx, s, content, { kind: "newSheet" }, { now: NOW }));
    const rows = d.inspect.tableRows("Qualis_1");
    expect(rows.map((r) => r.Name!.value).sort()).toEqual([...evil].sort());
    expect(rows.map((r) => r.Ticker!.value).sort()).toEqual(["+AB", "-CD", "=EVIL", "@EF", "OK"].sort());
    expect(rows.every((r) => r.Name!.formula === null && r.Ticker!.formula === null)).toBe(true);
    expect(d.inspect.violations).toEqual([]);
  });

  test("the double would have caught it: the same text without the Text format becomes formulas", async () => {
    await d.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").values = [["=1+1"], ["-x"]];
      await ctx.sync();
    });
    expect(d.inspect.violations.map((v) => v.text)).toEqual(["=1+1", "-x"]);
    expect(d.inspect.cell("Sheet1", "A1").formula).toBe("=1+1");
  });
});

describe("insertTable at the selected cell", () => {
  const s = spec(["name"], "values");

  test("writes the block and the table from the selected cell; no panes frozen in the user's sheet", async () => {
    d.user.select("Sheet1", "C3");
    const content = contentFor(companies(["AAA", "BBB"]), s);
    const res = await d.Excel.run((ctx) => insertTable(ctx, s, content, { kind: "activeCell" }, { now: NOW }));
    expect(res.address).toBe("Sheet1!C8:D10");
    expect(d.inspect.cell("Sheet1", "C3").value).toMatch(/^Qualis Small Caps/);
    expect(d.inspect.tables()[0]).toMatchObject({ sheet: "Sheet1", address: "C8:D10" });
    expect(d.inspect.frozenRows("Sheet1")).toBe(0);
    expect(d.inspect.sheetNames()).toEqual(["Sheet1"]);
  });

  test("refuses an area that holds data, and writes nothing", async () => {
    d.user.setCell("Sheet1", "B9", { value: "mine" });
    d.user.select("Sheet1", "A3");
    const content = contentFor(companies(["AAA", "BBB"]), s);
    await expect(
      d.Excel.run((ctx) => insertTable(ctx, s, content, { kind: "activeCell" }, { now: NOW })),
    ).rejects.toThrow(
      "The table needs 8 rows × 2 columns from the selected cell, and Sheet1!B9 already holds data. Select an empty area, or choose a new sheet.",
    );
    expect(d.inspect.tables()).toEqual([]);
    expect(d.inspect.syncs).toHaveLength(1);
  });

  test("refuses a table that would run off the sheet", async () => {
    d.user.select("Sheet1", "A1048570");
    const content = contentFor(companies(["A", "B", "C", "D", "E", "F", "G"]), s);
    await expect(
      d.Excel.run((ctx) => insertTable(ctx, s, content, { kind: "activeCell" }, { now: NOW })),
    ).rejects.toThrow(/does not fit below and right of the selected cell/);
  });

  test("nothing to write: refused before touching the workbook", async () => {
    const content = contentFor(companies(["AAA"]), { ...s, criteria: { sectors: ["Energy"] } });
    await expect(d.Excel.run((ctx) => insertTable(ctx, s, content, { kind: "newSheet" }))).rejects.toThrow(
      /No company matches these filters/,
    );
    expect(d.inspect.syncs).toEqual([]);
  });
});

describe("large writes", () => {
  for (const output of ["values", "live"] as const) {
    test(`2,000 rows × 20 fields (${output}): three requests, each under 4.5 MB, calculation suspended while writing`, async () => {
      const content = bigContent(output);
      const seen: WriteProgress[] = [];
      const res = await d.Excel.run((ctx) =>
        insertTable(ctx, bigSpec(output), content, { kind: "newSheet" }, { now: NOW, onProgress: (p) => seen.push(p) }),
      );
      const syncs = d.inspect.syncs;
      expect(syncs.map((x) => x.index)).toEqual([1, 2, 3]); // read; write; record (needs the table's id)
      expect(res.syncs).toBe(3);
      expect(Math.max(...syncs.map((x) => x.requestBytes))).toBeLessThanOrEqual(DEFAULT_REQUEST_BUDGET);
      expect(syncs[1]!.suspended).toBe(true);
      expect(d.inspect.tables()[0]).toMatchObject({ rows: 2000, headers: content.columns.map((c) => c.header) });
      expect(seen.at(-1)).toEqual({ done: 2, total: 2, label: "Done" });
      expect(d.inspect.violations).toEqual([]);
    });
  }

  test("over the budget: rows split across requests, each under it, each with calculation suspended, every row written once", async () => {
    const content = bigContent("values");
    const budget = 100 * 1024;
    const seen: WriteProgress[] = [];
    await d.Excel.run((ctx) =>
      insertTable(
        ctx,
        bigSpec("values"),
        content,
        { kind: "newSheet" },
        { now: NOW, budget, onProgress: (p) => seen.push(p) },
      ),
    );
    const writes = d.inspect.syncs.slice(1);
    expect(writes.length).toBeGreaterThan(3);
    for (const w of writes) {
      expect(w.requestBytes).toBeLessThanOrEqual(budget);
      expect(w.suspended).toBe(true);
    }
    const rows = d.inspect.tableRows("Qualis_1");
    expect(rows).toHaveLength(2000);
    expect(rows.map((r) => r.Ticker!.value)).toEqual(content.tickers);
    expect(rows[1999]!["Metric 1 (x)"]!.value).toBe(content.values[1999]![3]);
    // With several requests the record rides on the last one: no extra request.
    expect(d.inspect.syncs).toHaveLength(writes.length + 1);
    expect(Object.values(d.inspect.settings())[0]).toMatchObject({ tableId: "1" });
    expect(seen.map((p) => p.done)).toEqual([0, ...writes.map((_, i) => i + 1)]);
    expect(seen.slice(1).every((p) => p.total === writes.length)).toBe(true);
  });

  test("a request over Excel on the web's 5 MB limit is refused by Excel; the writer never sends one", async () => {
    const big = create({ requestLimit: 32 * 1024 });
    const content = bigContent("values", 200);
    await expect(
      big.Excel.run((ctx) =>
        insertTable(ctx, bigSpec("values"), content, { kind: "newSheet" }, { budget: 512 * 1024 }),
      ),
    ).rejects.toThrow(/too large for one request to Excel on the web.*Nothing was left behind/);
    expect(big.inspect.sheetNames()).toEqual(["Sheet1"]); // rolled back
    const fine = create({ requestLimit: 32 * 1024 });
    await fine.Excel.run((ctx) =>
      insertTable(ctx, bigSpec("values"), content, { kind: "newSheet" }, { budget: 30 * 1024 }),
    );
    expect(fine.inspect.syncs.length).toBeGreaterThan(3);
    expect(fine.inspect.tables()[0]!.rows).toBe(200);
  });
});
