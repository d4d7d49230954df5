// The one plan executor behind tables and templates: steps packed in order under the budget, calculation suspended
// in every writing request, the work that needs the first request's answers riding on the last one (or alone),
// every round trip counted, and a failure rolled back and refused.
import { WriteRefused } from "../../../src/taskpane/workbook/excel-failures";
import {
  packSteps,
  WorkbookWrite,
  type PlanStep,
  type WriteProgress,
} from "../../../src/taskpane/workbook/plan-executor";

/** A request context that logs what each request ran and whether calculation was suspended; sync `fail` throws. */
function fakeContext(fail?: number) {
  const requests: { ran: string[]; suspended: boolean }[] = [];
  let current = { ran: [] as string[], suspended: false };
  const ctx = {
    application: { suspendApiCalculationUntilNextSync: () => void (current.suspended = true) },
    sync: async () => {
      requests.push(current);
      current = { ran: [], suspended: false };
      if (requests.length === fail) throw Object.assign(new Error("boom"), { code: "GeneralException" });
    },
  };
  const log = (name: string) => () => void current.ran.push(name);
  return { ctx: ctx as unknown as Excel.RequestContext, requests, log };
}

const step = (bytes: number, run: () => void, label?: string): PlanStep =>
  label ? { bytes, run, label } : { bytes, run };

test("packSteps keeps the order and the budget; a step over the budget goes alone", () => {
  const s = [40, 50, 20, 150, 10].map((b) => step(b, () => undefined));
  expect(packSteps(s, 100).map((r) => r.map((x) => x.bytes))).toEqual([[40, 50], [20], [150], [10]]);
  expect(packSteps([], 100)).toEqual([]);
});

test("several requests: calculation suspended in each, the after-first work on the last, progress per request", async () => {
  const { ctx, requests, log } = fakeContext();
  const seen: WriteProgress[] = [];
  const w = new WorkbookWrite(ctx, { budget: 100, onProgress: (p) => seen.push(p) });
  await w.read();
  const bytes = await w.write({
    steps: [step(60, log("a")), step(60, log("b"), "rows 1–10"), step(30, log("c"))],
    afterFirst: step(5, log("record")),
    label: "Writing…",
    rollBack: async () => undefined,
  });
  expect(requests).toEqual([
    { ran: [], suspended: false },
    { ran: ["a"], suspended: true },
    { ran: ["b", "c", "record"], suspended: true },
  ]);
  expect(bytes).toEqual([60, 95]);
  expect(w.syncs).toBe(3);
  expect(seen).toEqual([
    { done: 0, total: 1, label: "Checking the workbook…" },
    { done: 1, total: 2, label: "Writing…" },
    { done: 2, total: 2, label: "rows 1–10" },
  ]);
});

test("one request: the after-first work follows in a request of its own", async () => {
  const { ctx, requests, log } = fakeContext();
  const seen: WriteProgress[] = [];
  const w = new WorkbookWrite(ctx, { onProgress: (p) => seen.push(p) });
  expect(
    await w.write({
      steps: [step(10, log("a")), step(10, log("b"))],
      afterFirst: step(7, log("record")),
      label: "Writing…",
      rollBack: async () => undefined,
    }),
  ).toEqual([20, 7]);
  expect(requests.map((r) => r.ran)).toEqual([["a", "b"], ["record"]]);
  expect(seen.at(-1)).toEqual({ done: 2, total: 2, label: "Done" });
});

test("a failed request is rolled back, then refused in plain words", async () => {
  const { ctx, log } = fakeContext(2);
  const undone: string[] = [];
  const w = new WorkbookWrite(ctx, { budget: 100 });
  const p = w.write({
    steps: [step(60, log("a")), step(60, log("b"))],
    afterFirst: step(5, log("record")),
    label: "Writing…",
    rollBack: async () => void undone.push("rolled back"),
  });
  await expect(p).rejects.toBeInstanceOf(WriteRefused);
  await expect(p).rejects.toThrow(
    /Excel could not complete the change\. Try again.*\(Excel said: boom\) Nothing was left behind\./,
  );
  expect(undone).toEqual(["rolled back"]);
  expect(w.syncs).toBe(2);
});

test("a plan without after-first work or a roll-back (a refresh): no extra request, Excel's error as it came", async () => {
  const ok = fakeContext();
  expect(await new WorkbookWrite(ok.ctx).write({ steps: [step(10, ok.log("a"))], label: "Refreshing…" })).toEqual([10]);
  expect(ok.requests.map((r) => r.ran)).toEqual([["a"]]);
  const bad = fakeContext(1);
  await expect(
    new WorkbookWrite(bad.ctx).write({ steps: [step(10, bad.log("a"))], label: "Refreshing…" }),
  ).rejects.toMatchObject({ code: "GeneralException", message: "boom" });
});
