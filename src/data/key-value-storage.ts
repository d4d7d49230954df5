// Where the last good snapshot and the user's chosen source persist between sessions. In Excel's shared runtime
// that is OfficeRuntime.storage (per add-in domain, survives reopening the workbook); in a plain page localStorage;
// where storage is blocked, and in tests and the CLI, memory. The backend is chosen once, after Office.onReady
// (runtime/shared-store.ts): office.js defines OfficeRuntime while it initialises, so a choice made while the bundle
// is evaluated depended on which script won the race (docs/deployment.md#storage).
export interface KeyValueStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    async getItem(key) {
      return data.get(key) ?? null;
    },
    async setItem(key, value) {
      data.set(key, value);
    },
    async removeItem(key) {
      data.delete(key);
    },
  };
}

export type StorageBackend = "office-runtime" | "local-storage" | "memory";

export interface StorageChoice {
  backend: StorageBackend;
  storage: KeyValueStorage;
  /** The page's localStorage when it works (the other branch's keys live there), else null. */
  local: Storage | null;
  /** For the pane, when nothing will outlive the session. */
  notice?: string;
}

/** In a shared runtime OfficeRuntime.storage keeps each key in the webview's localStorage under this prefix. */
export const OFFICE_RUNTIME_PREFIX = "_OfficeRuntime_Storage_";

export const MEMORY_STORAGE_NOTICE =
  "This browser blocks storage for the add-in: the chosen data source and the offline copy of the snapshot last " +
  "only until Excel closes, and the next session starts from the demo universe.";

const PROBE_KEY = "qualis.probe";

type StorageGlobals = { OfficeRuntime?: { storage?: OfficeRuntime.Storage }; localStorage?: Storage };

/** localStorage when it can be read and written; null where it is missing or the browser blocks it (the getter throws). */
export function probeLocalStorage(g: object = globalThis): Storage | null {
  try {
    const s = (g as StorageGlobals).localStorage;
    if (!s) return null;
    s.setItem(PROBE_KEY, "1");
    s.removeItem(PROBE_KEY);
    return s;
  } catch {
    return null;
  }
}

function fromLocalStorage(s: Storage): KeyValueStorage {
  return {
    async getItem(k) {
      return s.getItem(k);
    },
    async setItem(k, v) {
      s.setItem(k, v);
    },
    async removeItem(k) {
      s.removeItem(k);
    },
  };
}

/** The best storage this runtime offers: OfficeRuntime.storage, else localStorage, else memory with a notice. */
export function chooseStorage(g: object = globalThis): StorageChoice {
  const local = probeLocalStorage(g);
  let office: OfficeRuntime.Storage | undefined;
  try {
    office = (g as StorageGlobals).OfficeRuntime?.storage;
  } catch {
    office = undefined;
  }
  if (office) {
    const s = office;
    return {
      backend: "office-runtime",
      local,
      storage: { getItem: (k) => s.getItem(k), setItem: (k, v) => s.setItem(k, v), removeItem: (k) => s.removeItem(k) },
    };
  }
  if (local) return { backend: "local-storage", local, storage: fromLocalStorage(local) };
  return { backend: "memory", local: null, storage: memoryStorage(), notice: MEMORY_STORAGE_NOTICE };
}

/**
 * Moves `keys` written by the other branch (plain localStorage keys when OfficeRuntime.storage is chosen, its
 * prefixed keys when localStorage is) into the chosen storage, once: a key already present there wins, and the
 * other copy is removed either way, so the next start finds nothing to move. Returns the keys moved.
 */
export async function migrateOtherBranch(choice: StorageChoice, keys: readonly string[]): Promise<string[]> {
  const local = choice.local;
  if (!local || choice.backend === "memory") return [];
  const moved: string[] = [];
  for (const key of keys) {
    const otherKey = choice.backend === "office-runtime" ? key : OFFICE_RUNTIME_PREFIX + key;
    try {
      const value = local.getItem(otherKey);
      if (value === null) continue;
      if ((await choice.storage.getItem(key)) === null) {
        await choice.storage.setItem(key, value);
        moved.push(key);
      }
      local.removeItem(otherKey);
    } catch {
      // Left where it is (quota, a blocked write): the next start tries again; the session uses what it has.
    }
  }
  return moved;
}

/** A storage whose backend is decided later: every call waits for it (the store exists before Office is ready). */
export function deferredStorage(backend: Promise<KeyValueStorage>): KeyValueStorage {
  return {
    getItem: async (k) => (await backend).getItem(k),
    setItem: async (k, v) => (await backend).setItem(k, v),
    removeItem: async (k) => (await backend).removeItem(k),
  };
}
