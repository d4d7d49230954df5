// The writer's request count and request sizes with office-addin-mock, Microsoft's mock of the Office object model:
// its load/sync state machine decides what the writer may read when (the wiring is in tests/support/office-mock-excel.ts).
import { DEFAULT_REQUEST_BUDGET } from "../../../src/taskpane/workbook/payload";
import { insertTable } from "../../../src/taskpane/workbook/writer";
import type { TableContent } from "../../../src/taskpane/workbook/table-content";
import type { TableSpec } from "../../../src/taskpane/workbook/table-record";
import { mockExcel } from "../../support/office-mock-excel";
import { bigContent, bigSpec, NOW } from "../fixtures";

async function write(
  output: "values" | "live",
  content: TableContent = bigContent(output),
  s: TableSpec = bigSpec(output),
) {
  const { ctx, requests } = mockExcel();
  const res = await insertTable(ctx, s, content, { kind: "newSheet" }, { now: NOW, newKey: () => "qualis.table.v1.k" });
  return { res, requests };
}

describe("the writer under office-addin-mock", () => {
  for (const output of ["values", "live"] as const) {
    test(`a 2,000 × 20 ${output} table: 3 syncs (read, write, record), the write under 4.5 MB, calculation suspended`, async () => {
      const { res, requests } = await write(output);
      expect(requests).toHaveLength(3);
      expect(res.syncs).toBe(3);
      const [read, writeReq, record] = requests;
      expect(read!.actions).toEqual([]); // only loads
      expect(writeReq!.suspended).toBe(true);
      expect(writeReq!.bytes).toBeLessThanOrEqual(DEFAULT_REQUEST_BUDGET);
      expect(record!.actions).toEqual(["settings.add"]);
      // The names in use were read through the mock's load/sync: the new sheet and table get the next free ones.
      expect(res.record).toMatchObject({ sheetName: "Qualis 2", tableName: "Qualis_2", tableId: "7" });
    });
  }

  test("live tables send each formula once for the whole column, not once per row", async () => {
    const { requests } = await write("live");
    const writeReq = requests[1]!;
    expect(writeReq.actions.filter((a) => a.endsWith(".formulas"))).toHaveLength(19);
    expect(writeReq.bytes).toBeLessThan(60_000); // 2,000 tickers and 19 formulas
  });

  test("with a small budget the rows go in several requests, each within it, each with calculation suspended", async () => {
    const { ctx, requests } = mockExcel();
    const budget = 64 * 1024;
    const res = await insertTable(
      ctx,
      bigSpec("values"),
      bigContent("values"),
      { kind: "newSheet" },
      { now: NOW, budget },
    );
    const writes = requests.slice(1);
    expect(writes.length).toBeGreaterThan(5);
    for (const w of writes) {
      expect(w.bytes).toBeLessThanOrEqual(budget);
      expect(w.suspended).toBe(true);
    }
    expect(res.syncs).toBe(requests.length);
    expect(writes.at(-1)!.actions).toContain("settings.add"); // the record rides on the last write
  });
});
