// Puts a universe in place of the shared runtime's store, as the functions would see it in Excel.
import { memoryStorage } from "../../src/data/key-value-storage";
import { serializeSnapshot } from "../../src/data/snapshot-codec";
import { UniverseStore } from "../../src/data/universe-store";
import { setStore } from "../../src/runtime/shared-store";
import type { Universe } from "../../src/model/types";

export function useUniverse(u: Universe, bundled?: () => Promise<string>): UniverseStore {
  const store = new UniverseStore({
    storage: memoryStorage(),
    bundled: bundled ?? (async () => serializeSnapshot(u)),
    fetchText: async () => Promise.reject(new Error("no network in tests")),
  });
  setStore(store);
  void store.init();
  return store;
}

/** A CustomFunctions.Error's code and message, for assertions. */
export function err(v: unknown): { code: string; message: string } | unknown {
  if (v instanceof CustomFunctions.Error) return { code: v.code, message: v.message };
  return v;
}

export function errs(m: unknown[][]): unknown[][] {
  return m.map((r) => r.map(err));
}
