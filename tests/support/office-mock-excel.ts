// office-addin-mock (Microsoft's mock of the Office object model) wired up as a workbook the writer can write a
// table into, every write charged to the request (the sync) that carries it: for the writer's tests
// (tests/taskpane/workbook/writer-mock.test.ts) and the bench's request counts (scripts/bench/writes.ts). As docs/development.md
// notes, objects created during a test (worksheets.add, getRangeByIndexes, tables.add) are not reached by the mock's
// sync() unless wired into its tree, so the factory functions below add each one with addMock() before handing it
// out, and every property set on them is recorded against the current request.
import { OfficeMockObject } from "office-addin-mock";
import { jsonBytes } from "../../src/taskpane/workbook/payload";

export interface MockRequest {
  bytes: number;
  actions: string[];
  suspended: boolean;
}

/** A mock workbook whose every write is charged to the current request; sync() closes the request. */
export function mockExcel() {
  const requests: MockRequest[] = [];
  let current: MockRequest = { bytes: 0, actions: [], suspended: false };
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
            sheet.getRangeByIndexes = (r: number, c: number, rows: number, cols: number) => (
              charge("getRangeByIndexes", [r, c, rows, cols]),
              range(sheet, `R${r}C${c}`)
            );
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
