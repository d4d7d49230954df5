import { OfficeMockObject } from "office-addin-mock";
import { serializeSnapshot } from "../../src/data/snapshot-codec";
import { recalculateOnNewUniverse, requestFullRecalculation } from "../../src/runtime/recalc";
import { company, universe } from "../support/universe-builders";
import { useUniverse } from "../support/test-store";

/**
 * An Excel double: Excel.run hands the callback an office-addin-mock request context whose application records
 * calculate() calls; the enum is plain data, as Office.js's is.
 */
function mockExcel() {
  const calls: string[] = [];
  const context = new OfficeMockObject({
    workbook: {
      application: {
        calculate(type: string) {
          calls.push(type);
        },
      },
    },
  });
  (globalThis as Record<string, unknown>).Excel = {
    CalculationType: { full: "Full", recalculate: "Recalculate", fullRebuild: "FullRebuild" },
    run: async (callback: (context: unknown) => Promise<unknown>) => callback(context),
  };
  return calls;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

const u1 = universe([company("A")]);
const u2 = universe([company("A"), company("B")], { asOf: "2026-05-29" });

describe("recalculation when a new universe is accepted", () => {
  test("asks Excel for a full calculation", async () => {
    const calls = mockExcel();
    expect(await requestFullRecalculation()).toBe(true);
    expect(calls).toEqual(["Full"]);
  });

  test("does nothing where Excel is undefined", async () => {
    expect(await requestFullRecalculation()).toBe(false);
  });

  test("the first universe does not recalculate; each newer one does, once; a refused load does not", async () => {
    const calls = mockExcel();
    const store = useUniverse(u1, async () => serializeSnapshot(u1));
    recalculateOnNewUniverse(store);
    await store.ready();
    expect(store.current?.generation).toBe(1);
    expect(calls).toEqual([]);

    await store.loadUniverse(u2, { kind: "holdings", fileName: "iwm.csv" });
    await new Promise((r) => setImmediate(r));
    expect(store.current?.generation).toBe(2);
    expect(calls).toEqual(["Full"]);

    await store.load({ kind: "url", url: "https://data.example/snapshot.json" }); // refused: no network in tests
    await new Promise((r) => setImmediate(r));
    expect(store.current?.generation).toBe(2);
    expect(calls).toEqual(["Full"]);

    await store.refresh(); // re-validates the stored holdings copy: accepted again, so cells recalculate
    await new Promise((r) => setImmediate(r));
    expect(store.current?.generation).toBe(3);
    expect(calls).toEqual(["Full", "Full"]);
  });

  test("unsubscribing stops it", async () => {
    const calls = mockExcel();
    const store = useUniverse(u1);
    const stop = recalculateOnNewUniverse(store);
    await store.ready();
    stop();
    await store.loadUniverse(u2, { kind: "holdings", fileName: "iwm.csv" });
    expect(calls).toEqual([]);
  });

  test("a failing Excel.run is reported as false, not thrown into the store", async () => {
    (globalThis as Record<string, unknown>).Excel = {
      CalculationType: { full: "Full" },
      run: async () => Promise.reject(new Error("InvalidOperationInCellEditMode")),
    };
    expect(await requestFullRecalculation()).toBe(false);
  });
});
