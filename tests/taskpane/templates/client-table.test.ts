// The client table: values only, so it reads the same without the add-in — not one formula on the sheet, before or
// after Refresh all — with the provenance block (DEMO on the demo), a disclaimer, and one landscape page to print.
import { engineFor } from "../../../src/model/engine";
import { clientTable, DISCLAIMER } from "../../../src/taskpane/templates/client-table";
import { COLORS } from "../../../src/taskpane/templates/sheet-plan";
import { parseRecord } from "../../../src/taskpane/workbook/table-record";
import { demoUniverse, insert, refreshFrom, type Inserted } from "./templates-support";

const u = demoUniverse();
const engine = engineFor(u);
const expected = engine.screen({
  profitable: { basis: "net_income" },
  sort: { field: "quality_score", descending: true },
  limit: 25,
});
const SHEET = "Client table 1";

let ins: Inserted;
beforeAll(async () => {
  ins = await insert(clientTable, u);
});

test("every cell written is a value: no QUALIS formula, no formula of any kind", () => {
  const cells = ins.d.inspect.cells(SHEET);
  expect(cells.length).toBeGreaterThan(26 * 8);
  expect(cells.filter((c) => c.formula !== null)).toEqual([]);
  expect(cells.some((c) => typeof c.value === "string" && /QUALIS\./.test(c.value))).toBe(false);
  // Nothing written anywhere was read as a formula by Excel either.
  expect(ins.d.inspect.violations).toEqual([]);
  expect(ins.d.inspect.writes.filter((w) => w.sheet === SHEET).map((w) => w.prop)).not.toContain("formulas");
});

test("title, disclaimer, the provenance block with DEMO, and the 25 highest quality scores among the profitable", () => {
  const i = ins.d.inspect;
  const top = i.grid(SHEET, "A1:A9").map(([c]) => c!.value);
  expect(top[0]).toBe("Quality small caps: the 25 highest quality scores among profitable companies");
  expect(top[1]).toBe(DISCLAIMER);
  expect(top[4]).toBe(
    "Qualis Small Caps · DEMO DATA: fictional companies, not real securities · static values, not updated",
  );
  expect(top[5]).toBe(
    "Source: DEMO universe (fictional companies), read from bundled demo universe · data as of 2026-10-30",
  );
  expect(top[6]).toBe(
    "Filters: profitable on trailing net income; sorted by Quality score, largest first; first 25 rows · 25 companies",
  );
  expect(top[7]).toBe("Written: 2026-11-25 14:03 UTC");
  expect(i.tables()).toEqual([
    {
      id: "1",
      name: "Client_1",
      sheet: SHEET,
      address: "A10:H35",
      headers: [
        "Ticker",
        "Name",
        "Sector",
        "Market cap ($m)",
        "Quality score",
        "FCF yield",
        "Graduation probability",
        "Themes",
      ],
      rows: 25,
    },
  ]);
  const rows = i.tableRows("Client_1");
  expect(rows.map((r) => r.Ticker!.value)).toEqual(expected.map((c) => c.ticker));
  expect(rows.map((r) => r["Quality score"]!.value)).toEqual(
    expected.map((c) => (engine.qualityScore(c) as { value: number }).value),
  );
  expect(rows[0]!["FCF yield"]!.numberFormat).toBe("0.0%");
  expect(i.names()).toEqual([
    { name: "Client_1_Provenance", sheet: SHEET, address: "A5:A8", comment: expect.any(String) },
  ]);
  const [key, stored] = Object.entries(i.settings())[0]!;
  expect(parseRecord(key, stored)).toMatchObject({
    ok: true,
    record: { output: "values", provenanceName: "Client_1_Provenance", criteria: { limit: 25 } },
  });
  // DEMO stands out: a conditional format on the provenance line, so it follows whatever a refresh writes there.
  expect(i.conditionalFormats(SHEET)).toEqual([
    {
      address: "A5",
      type: "ContainsText",
      rule: { operator: "Contains", text: "DEMO" },
      format: { fill: null, fontColor: COLORS.demo, bold: true },
    },
  ]);
});

test("print-ready: one landscape page, the title to the last row as the print area, no gridlines", () => {
  expect(ins.d.inspect.pageLayout(SHEET)).toEqual({
    orientation: "Landscape",
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
    printArea: "A1:H35",
    centerHorizontally: true,
    leftMargin: 36,
    rightMargin: 36,
    topMargin: 36,
    bottomMargin: 36,
  });
  expect(ins.d.inspect.showGridlines(SHEET)).toBe(false);
  expect(ins.d.inspect.charts(SHEET)).toEqual([]);
  expect(ins.result.syncs).toBe(3);
});

test("Refresh all rewrites the values and the provenance block, and still writes no formula (3 round trips)", async () => {
  const { d } = await insert(clientTable, u);
  const later = {
    ...u,
    provenance: { ...u.provenance, isDemo: false, asOf: "2026-11-30", source: "Qualis data desk snapshot" },
    companies: u.companies.filter((c) => c !== expected[0]),
  };
  const { reports, syncs } = await refreshFrom(d, later);
  expect(reports).toMatchObject([{ status: "refreshed", removed: [expected[0]!.ticker], added: [expect.any(String)] }]);
  expect(syncs).toBe(3);
  expect(d.inspect.cells(SHEET).filter((c) => c.formula !== null)).toEqual([]);
  expect(d.inspect.cell(SHEET, "A5").value).toBe(
    "Qualis Small Caps · static values, not updated after they were written",
  );
  expect(d.inspect.violations).toEqual([]);
});
