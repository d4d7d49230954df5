// Doubles for the page's storage: a localStorage that keeps its entries in a Map (or whose getter throws, as where
// a browser blocks storage), and an OfficeRuntime.storage that, as in a shared runtime, keeps each key in that same
// localStorage under the "_OfficeRuntime_Storage_" prefix.
export class LocalStorageDouble implements Storage {
  readonly data = new Map<string, string>();
  constructor(initial: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(initial)) this.data.set(k, v);
  }
  get length(): number {
    return this.data.size;
  }
  clear(): void {
    this.data.clear();
  }
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  key(i: number): string | null {
    return [...this.data.keys()][i] ?? null;
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
  setItem(key: string, value: string): void {
    this.data.set(key, String(value));
  }
}

export function officeRuntimeStorageOver(local: Storage): OfficeRuntime.Storage {
  const p = "_OfficeRuntime_Storage_";
  return {
    getItem: async (k: string) => local.getItem(p + k),
    setItem: async (k: string, v: string) => local.setItem(p + k, v),
    removeItem: async (k: string) => local.removeItem(p + k),
  } as unknown as OfficeRuntime.Storage;
}

/** Globals where reading `localStorage` throws (a browser that blocks storage for the frame). */
export function blockedStorageGlobals(extra: Record<string, unknown> = {}): object {
  const g: Record<string, unknown> = { ...extra };
  Object.defineProperty(g, "localStorage", {
    get() {
      throw new DOMException("The operation is insecure.", "SecurityError");
    },
  });
  return g;
}
