// One backend whatever the load order: the choice waits for Office.onReady, so OfficeRuntime (which office.js
// defines while it initialises) is seen whether office.js ran before the bundle, after it, or late.
import { chooseRuntimeStorage } from "../../src/runtime/shared-store";
import { waitForOffice } from "../../src/runtime/office-ready";
import { LocalStorageDouble, officeRuntimeStorageOver } from "../support/storage-doubles";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A page's globals and an office.js double that defines Office at `officeAt` ms and OfficeRuntime and answers onReady at `readyAt` ms. */
function page(officeAt: number | null, readyAt: number) {
  const local = new LocalStorageDouble({ "qualis.source.v1": '{"kind":"url","url":"https://data.firm.com/s.json"}' });
  const g: Record<string, unknown> = { localStorage: local };
  const waiting: Array<() => void> = [];
  let isReady = false;
  const office = {
    onReady(cb: () => void) {
      if (isReady) cb();
      else waiting.push(cb);
      return new Promise<void>((r) => waiting.push(r));
    },
  };
  const define = () => (g.Office = office);
  if (officeAt === 0) define();
  else if (officeAt !== null) setTimeout(define, officeAt);
  if (officeAt !== null)
    setTimeout(() => {
      g.OfficeRuntime = { storage: officeRuntimeStorageOver(local) };
      isReady = true;
      waiting.splice(0).forEach((f) => f());
    }, readyAt);
  return { g, local };
}

describe("the storage backend is chosen after Office.onReady, once", () => {
  test.each([
    ["office.js before the bundle, OfficeRuntime defined during initialisation", 0, 30],
    ["office.js after the bundle (the bundle evaluated first)", 40, 60],
    ["office.js delayed 150 ms", 150, 160],
  ])("%s: OfficeRuntime.storage, the plain key migrated under its prefix", async (_what, officeAt, readyAt) => {
    const { g, local } = page(officeAt, readyAt);
    const choice = await chooseRuntimeStorage(waitForOffice(g, 2000), g);
    expect(choice.backend).toBe("office-runtime");
    expect([...local.data.keys()]).toEqual(["_OfficeRuntime_Storage_qualis.source.v1"]);
    expect(await choice.storage.getItem("qualis.source.v1")).toBe(
      '{"kind":"url","url":"https://data.firm.com/s.json"}',
    );
  });

  test("no office.js at all: the wait gives up after its timeout and localStorage is used", async () => {
    const { g, local } = page(null, 0);
    const started = Date.now();
    const choice = await chooseRuntimeStorage(waitForOffice(g, 120), g);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect(choice.backend).toBe("local-storage");
    expect([...local.data.keys()]).toEqual(["qualis.source.v1"]);
  });

  test("an onReady that never answers does not hold the runtime: the timeout ends the wait", async () => {
    const g = { Office: { onReady: () => new Promise(() => undefined) } };
    let done = false;
    void waitForOffice(g, 80).then(() => (done = true));
    await sleep(40);
    expect(done).toBe(false);
    await sleep(80);
    expect(done).toBe(true);
  });

  test("an onReady that throws ends the wait at once", async () => {
    const g = {
      Office: {
        onReady: () => {
          throw new Error("host not ready");
        },
      },
    };
    const started = Date.now();
    await waitForOffice(g, 5000);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
