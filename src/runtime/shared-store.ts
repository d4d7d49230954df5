// The shared runtime's one universe store: functions and task pane read the same instance, and the engine of the
// universe in use. Created on first use so tests can put their own store in place first; its storage backend is
// chosen once, after Office.onReady (keys the other branch wrote are moved across once), and it starts loading only
// then. Knows nothing of Excel's error types: a missing universe is a model failure, which functions/ maps to #N/A.
import { engineFor, type Engine } from "../model/engine";
import { failure, type Failure } from "../model/outcome";
import { IS_DEV_BUILD } from "../data/build-flags";
import { chooseStorage, deferredStorage, migrateOtherBranch, type StorageChoice } from "../data/key-value-storage";
import { compactStorage } from "../data/compact-storage";
import { fetchSnapshotText } from "../data/snapshot-fetch";
import { describeSource, STORAGE_KEYS, UniverseStore, type LoadedUniverse } from "../data/universe-store";
import { officeReady } from "./office-ready";

/** Where the build puts the demo snapshot, relative to the page. */
export const BUNDLED_SNAPSHOT_PATH = "snapshot/demo.json";

let store: UniverseStore | null = null;
let choice: Promise<StorageChoice> | null = null;

/**
 * The one storage backend of this runtime, chosen after `ready` (Office.onReady) and never again; keys from the
 * other branch are migrated before anything reads. Exported for tests, which pass their own globals and wait.
 */
export async function chooseRuntimeStorage(ready: Promise<void>, g: object = globalThis): Promise<StorageChoice> {
  await ready;
  const chosen = chooseStorage(g);
  await migrateOtherBranch(chosen, Object.values(STORAGE_KEYS));
  return chosen;
}

/** The runtime's storage choice (what the pane and the browser tests can ask for). */
export function storageChoice(): Promise<StorageChoice> {
  choice ??= chooseRuntimeStorage(officeReady());
  return choice;
}

function createBrowserStore(): UniverseStore {
  return new UniverseStore({
    // Compact and size-checked (data/compact-storage.ts): the shared runtime's storage is ~5 MiB per origin.
    storage: compactStorage(deferredStorage(storageChoice().then((c) => c.storage))),
    bundled: async () => {
      const url = new URL(BUNDLED_SNAPSHOT_PATH, document.baseURI).href;
      const res = await fetch(url);
      if (!res.ok) throw new Error(`The bundled demo snapshot could not be read (HTTP ${res.status}).`);
      return res.text();
    },
    fetchText: (url) => fetchSnapshotText(url, { allowLocalhostHttp: IS_DEV_BUILD }),
  });
}

export function getStore(): UniverseStore {
  if (!store) {
    const s = (store = createBrowserStore());
    void storageChoice().then((c) => {
      if (c.notice) s.notices.push(c.notice);
      return s.init();
    });
  }
  return store;
}

/** Replaces the runtime's store (tests, and the CLI's in-process use). */
export function setStore(s: UniverseStore): void {
  store = s;
}

export type EngineOrFailure = { ok: true; engine: Engine; loaded: LoadedUniverse } | Failure;

/**
 * The engine at once once a universe has loaded — even while a refresh is under way, the last good snapshot
 * answers (every recalculation after the first load, without a promise); null when a caller must wait with
 * currentEngine().
 */
export function engineNow(): Engine | null {
  const now = getStore().current;
  return now ? engineFor(now.universe) : null;
}

/**
 * The engine of the universe in use. Calls made before the first universe has loaded wait for it (they do not
 * fail); after that a call answers at once from the last good snapshot, even while a refresh is under way (Excel
 * recalculates when a newer one is accepted: recalc.ts) — a slow or dead snapshot URL never holds cells in #BUSY!.
 */
export async function currentEngine(): Promise<EngineOrFailure> {
  const s = getStore();
  // Read the current snapshot once: a whole range call answers from one snapshot, even if another loads meanwhile.
  const now = s.current ?? (await s.ready());
  if (!now) {
    const why = s.lastFailure
      ? `${describeSource(s.lastFailure.source)}: ${s.lastFailure.message}`
      : "no data source could be read.";
    return failure("no_universe", `No universe is loaded — ${why} Open the Qualis pane to choose a source.`);
  }
  return { ok: true, engine: engineFor(now.universe), loaded: now };
}
