// The storage backend: OfficeRuntime.storage, else localStorage, else memory with a notice; blocked storage never
// throws; keys the other branch wrote are moved once.
import {
  chooseStorage,
  MEMORY_STORAGE_NOTICE,
  migrateOtherBranch,
  OFFICE_RUNTIME_PREFIX,
  probeLocalStorage,
} from "../../src/data/key-value-storage";
import { blockedStorageGlobals, LocalStorageDouble, officeRuntimeStorageOver } from "../support/storage-doubles";

const KEYS = ["qualis.source.v1", "qualis.lastGood.v1"];
const URL_SOURCE = '{"kind":"url","url":"https://data.firm.com/s.json"}';

describe("chooseStorage", () => {
  test("OfficeRuntime.storage where present, writing under its prefix in the page's localStorage", async () => {
    const local = new LocalStorageDouble();
    const c = chooseStorage({ localStorage: local, OfficeRuntime: { storage: officeRuntimeStorageOver(local) } });
    expect(c.backend).toBe("office-runtime");
    expect(c.notice).toBeUndefined();
    await c.storage.setItem("qualis.source.v1", URL_SOURCE);
    expect([...local.data.keys()]).toEqual(["_OfficeRuntime_Storage_qualis.source.v1"]);
  });

  test("localStorage where OfficeRuntime is absent; the probe key is not left behind", async () => {
    const local = new LocalStorageDouble();
    const c = chooseStorage({ localStorage: local });
    expect(c.backend).toBe("local-storage");
    await c.storage.setItem("qualis.source.v1", URL_SOURCE);
    expect([...local.data.keys()]).toEqual(["qualis.source.v1"]);
  });

  test("blocked storage (the localStorage getter throws): memory, with the notice, and no exception", async () => {
    expect(probeLocalStorage(blockedStorageGlobals())).toBeNull();
    const c = chooseStorage(blockedStorageGlobals());
    expect(c.backend).toBe("memory");
    expect(c.notice).toBe(MEMORY_STORAGE_NOTICE);
    await c.storage.setItem("k", "v");
    expect(await c.storage.getItem("k")).toBe("v");
  });

  test("a localStorage that refuses writes (quota 0, private mode) counts as blocked", () => {
    const local = new LocalStorageDouble();
    local.setItem = () => {
      throw new DOMException("quota", "QuotaExceededError");
    };
    expect(chooseStorage({ localStorage: local }).backend).toBe("memory");
  });

  test("blocked localStorage does not stop OfficeRuntime.storage being chosen", () => {
    const c = chooseStorage(
      blockedStorageGlobals({ OfficeRuntime: { storage: officeRuntimeStorageOver(new LocalStorageDouble()) } }),
    );
    expect(c.backend).toBe("office-runtime");
    expect(c.local).toBeNull();
  });
});

describe("migrateOtherBranch", () => {
  test("OfficeRuntime chosen: plain localStorage keys move under its prefix, once", async () => {
    const local = new LocalStorageDouble({ "qualis.source.v1": URL_SOURCE, "qualis.lastGood.v1": "REC", other: "x" });
    const c = chooseStorage({ localStorage: local, OfficeRuntime: { storage: officeRuntimeStorageOver(local) } });
    expect(await migrateOtherBranch(c, KEYS)).toEqual(KEYS);
    expect(Object.fromEntries(local.data)).toEqual({
      other: "x",
      [`${OFFICE_RUNTIME_PREFIX}qualis.source.v1`]: URL_SOURCE,
      [`${OFFICE_RUNTIME_PREFIX}qualis.lastGood.v1`]: "REC",
    });
    expect(await migrateOtherBranch(c, KEYS)).toEqual([]); // nothing left to move the second time
    expect(await c.storage.getItem("qualis.source.v1")).toBe(URL_SOURCE);
  });

  test("localStorage chosen: OfficeRuntime's prefixed keys move to plain keys", async () => {
    const local = new LocalStorageDouble({ [`${OFFICE_RUNTIME_PREFIX}qualis.source.v1`]: URL_SOURCE });
    const c = chooseStorage({ localStorage: local });
    expect(await migrateOtherBranch(c, KEYS)).toEqual(["qualis.source.v1"]);
    expect(Object.fromEntries(local.data)).toEqual({ "qualis.source.v1": URL_SOURCE });
  });

  test("a key already in the chosen storage wins; the other branch's stale copy is removed", async () => {
    const local = new LocalStorageDouble({
      "qualis.source.v1": '{"kind":"demo"}',
      [`${OFFICE_RUNTIME_PREFIX}qualis.source.v1`]: URL_SOURCE,
    });
    const c = chooseStorage({ localStorage: local, OfficeRuntime: { storage: officeRuntimeStorageOver(local) } });
    expect(await migrateOtherBranch(c, KEYS)).toEqual([]);
    expect(Object.fromEntries(local.data)).toEqual({ [`${OFFICE_RUNTIME_PREFIX}qualis.source.v1`]: URL_SOURCE });
  });

  test("memory (blocked storage) has nothing to migrate", async () => {
    expect(await migrateOtherBranch(chooseStorage(blockedStorageGlobals()), KEYS)).toEqual([]);
  });
});
