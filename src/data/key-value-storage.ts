// Where the last good snapshot and the user's chosen source persist between sessions. In Excel's shared runtime
// that is OfficeRuntime.storage (per add-in domain, survives reopening the workbook); in a plain page localStorage;
// in tests and the CLI, memory.
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

/** The best storage this runtime offers. */
export function runtimeStorage(): KeyValueStorage {
  const g = globalThis as { OfficeRuntime?: typeof OfficeRuntime; localStorage?: Storage };
  if (g.OfficeRuntime?.storage) {
    const s = g.OfficeRuntime.storage;
    return {
      getItem: (k) => s.getItem(k),
      setItem: (k, v) => s.setItem(k, v),
      removeItem: (k) => s.removeItem(k),
    };
  }
  if (g.localStorage) {
    const s = g.localStorage;
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
  return memoryStorage();
}
