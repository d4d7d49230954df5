// The writer's request count and request sizes with office-addin-mock, Microsoft's mock of the Office object model:
// its load/sync state machine decides what the writer may read when. As DESIGN.md §8 notes, objects created during
// the test (worksheets.add, getRangeByIndexes, tables.add) are not reached by the mock's sync() unless wired into
// its tree, so the factory functions below add each one with addMock() before handing it out, and every property
// set on them is recorded against the request (the sync) that carries it.
import { OfficeMockObject } from "office-addin-mock";
import { DEFAULT_REQUEST_BUDGET, jsonBytes } from "../../src/taskpane/workbook/payload";
import { insertTable } from "../../src/taskpane/workbook/writer";
import type { TableContent } from "../../src/taskpane/workbook/table-content";
import type { TableSpec } from "../../src/taskpane/workbook/table-record";
import { bigContent, bigSpec, NOW } from "./fixtures";

interface Request {
  bytes: number;
  actions: string[];
  suspended: boolean;
}

/** A mock workbook whose every write is charged to the current request; sync() closes the request. */
function mockExcel() {
  const requests: Request[] = [];
  let current: Request = { bytes: 0, actions: [], suspended: false };
  const charge = (action: string, payload: unknown) => {
    current.bytes += jsonBytes(payload) + action.length;
    current.actions.push(action);
  };
  let serial = 0;

  // Wires a new mock object into `parent` (so the mock's sync reaches it) and records what is set on it.
  // addMock and setValue are the README's documented API, though the package's typings mark them private.
  const wired = (parent: OfficeMockObject, label: string, data: Record<string, unknown> = {}): any => {
    const key = `${label}${++serial}`;
    (parent as any).addMock(key);
    const m = (parent as any)[key] as OfficeMockObject;
    for (const [k, v] of Object.entries(data)) (m as any).setValue(k, v);
    return new Proxy(m, {
      set(target, prop, value) {
        charge(`${label}.${String(prop)}`, value);
        return Reflect.set(target, prop, value);
      },
    });
  };
  const range = (owner: OfficeMockObject, where: string): any => {
    const r = wired(owner, "range");
    r.getCell = () => range(owner, `${where}.cell`);
    r.format = {
      autofitColumns: () => charge(`${where}.autofit`, null),
      font: new Proxy({}, { set: (_t, p, v) => (charge(`${where}.font.${String(p)}`, v), true) }),
    };
    r.select = () => charge(`${where}.select`, null);
    return r;
  };
  // Collections read by the writer ("items/name") load their items through the mock's own load().
  const collection = (items: { name: string }[], extra: Record<string, unknown>) => ({
    items,
    load(this: OfficeMockObject, props: string) {
      return OfficeMockObject.prototype.load.call(this, props.includes("items") ? "items" : props);
    },
    ...extra,
  });

  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: collection([{ name: "Sheet1" }, { name: "Qualis 1" }], {
          add(this: OfficeMockObject, name: string) {
            charge("worksheets.add", name);
            const sheet = wired(this, "sheet", { name });
            sheet.getRangeByIndexes = (r: number, c: number, rows: number, cols: number) => (charge("getRangeByIndexes", [r, c, rows, cols]), range(sheet, `R${r}C${c}`));
            sheet.freezePanes = { freezeRows: (n: number) => charge("freezeRows", n) };
            sheet.activate = () => charge("activate", null);
            sheet.tables = {
              add: (where: unknown, headers: boolean) => {
                charge("tables.add", [headers]);
                void where;
                const table = wired(sheet, "table", { id: "7", name: "" });
                table.getRange = () => range(sheet, "table");
                return table;
              },
            };
            return sheet;
          },
        }),
        tables: collection([{ name: "Qualis_1" }], {}),
        names: collection([], {
          add(name: string, _ref: unknown, comment: string) {
            charge("names.add", [name, comment]);
          },
        }),
        settings: {
          add(key: string, value: unknown) {
            charge("settings.add", [key, value]);
          },
        },
      },
      application: {
        suspendApiCalculationUntilNextSync() {
          current.suspended = true;
        },
      },
    },
  });
  const ctx = (mock as any).context as OfficeMockObject & { sync: () => Promise<void> };
  const mockSync = OfficeMockObject.prototype.sync.bind(ctx);
  ctx.sync = async () => {
    requests.push(current);
    current = { bytes: 0, actions: [], suspended: false };
    await mockSync();
  };
  return { ctx: ctx as unknown as Excel.RequestContext, requests };
}

async function write(output: "values" | "live", content: TableContent = bigContent(output), s: TableSpec = bigSpec(output)) {
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
    const res = await insertTable(ctx, bigSpec("values"), bigContent("values"), { kind: "newSheet" }, { now: NOW, budget });
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
