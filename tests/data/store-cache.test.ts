// What the add-in keeps in OfficeRuntime.storage — the chosen source and the last good snapshot — survives closing
// and reopening the workbook, and a stored copy that comes back damaged (cut short, the wrong shape, huge, not even
// a string, or unreadable) is discarded with a notice for the pane, never a crash.
import { readFileSync } from "fs";
import path from "path";
import { generateDemoUniverse } from "../../src/data/sources/demo/generator";
import { loadHoldingsCsv } from "../../src/data/sources/holdings";
import { memoryStorage, type KeyValueStorage } from "../../src/data/key-value-storage";
import { serializeSnapshot } from "../../src/data/snapshot-codec";
import { STORAGE_KEYS, UniverseStore } from "../../src/data/universe-store";
import { asOf, qualityScore } from "../../src/functions/functions";
import { setStore } from "../../src/runtime/shared-store";
import type { Universe } from "../../src/model/types";

jest.setTimeout(120_000);

const URL_A = "https://data.firm.example/r2000.json";
const demoText = serializeSnapshot(generateDemoUniverse({ count: 40 }));

function real(seed: number, asOfDate: string, count = 300): Universe {
  const u = generateDemoUniverse({ seed, count, asOf: asOfDate });
  u.provenance = { ...u.provenance, isDemo: false, source: `desk snapshot ${asOfDate}` };
  return u;
}
const goodText = serializeSnapshot(real(7, "2026-09-30"));
const freshText = serializeSnapshot(real(8, "2026-10-30"));

const never = () => new Promise<string>(() => undefined);
const offline = async () => Promise.reject(new Error("Could not reach data.firm.example: fetch failed."));

function open(storage: KeyValueStorage, fetchText: (url: string) => Promise<string>) {
  const store = new UniverseStore({ storage, bundled: async () => demoText, fetchText });
  setStore(store);
  void store.init();
  return store;
}

/** Resolves once the store has a universe (the restored copy comes before the network's answer). */
const firstUniverse = (s: UniverseStore) =>
  new Promise<void>((resolve) => {
    if (s.current) return resolve();
    const off = s.subscribe(() => s.current && (off(), resolve()));
  });

describe("reopening the workbook", () => {
  test("a snapshot URL: the last good copy computes at once, offline, and says it is an offline copy", async () => {
    const storage = memoryStorage();
    const first = open(storage, async () => goodText);
    await first.ready();
    expect((await first.load({ kind: "url", url: URL_A })).ok).toBe(true);
    const column = first.current!.universe.companies.map((c) => [c.ticker]);
    const before = await qualityScore(column);

    // Reopened with the network hanging: the cells answer from the stored copy without waiting for it.
    const reopened = open(storage, never);
    await firstUniverse(reopened);
    const t0 = Date.now();
    expect(await qualityScore(column)).toEqual(before);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(reopened.current).toMatchObject({ fromCache: true, source: { kind: "url", url: URL_A }, generation: 1 });
    expect(await asOf()).toBe("2026-09-30 · desk snapshot 2026-09-30 · offline copy");

    // Reopened offline: the same, and the failed refresh is said.
    const offlineStore = open(storage, offline);
    await offlineStore.ready();
    expect(offlineStore.current?.fromCache).toBe(true);
    expect(await asOf()).toBe(
      `2026-09-30 · desk snapshot 2026-09-30 · offline copy · last refresh failed (${URL_A}): Could not reach data.firm.example: fetch failed. — previous data in use`,
    );

    // Reopened online: the fresh snapshot replaces the copy, which is stored in its place.
    const online = open(storage, async () => freshText);
    await online.ready();
    expect(online.current).toMatchObject({ fromCache: false, generation: 2 });
    expect(JSON.parse(storage.data.get(STORAGE_KEYS.lastGood)!).text).toBe(freshText);
  });

  test("a holdings file: it is kept and re-read on reopening (it cannot be fetched again)", async () => {
    const storage = memoryStorage();
    const first = open(storage, offline);
    await first.ready();
    const { universe } = loadHoldingsCsv(
      readFileSync(path.join(__dirname, "../fixtures/holdings/IWM_excerpt.csv"), "utf8"),
      "IWM_excerpt.csv",
    );
    expect((await first.loadUniverse(universe, { kind: "holdings", fileName: "IWM_excerpt.csv" })).ok).toBe(true);

    const reopened = open(storage, offline);
    await reopened.ready();
    expect(reopened.lastFailure).toBeNull();
    expect(reopened.current?.source).toEqual({ kind: "holdings", fileName: "IWM_excerpt.csv" });
    expect(reopened.current?.universe.companies.map((c) => c.ticker)).toEqual(universe.companies.map((c) => c.ticker));
  });

  test("back on the demo: the choice is kept and no copy of real data is left behind", async () => {
    const storage = memoryStorage();
    const first = open(storage, async () => goodText);
    await first.load({ kind: "url", url: URL_A });
    await first.load({ kind: "demo" });
    expect(storage.data.has(STORAGE_KEYS.lastGood)).toBe(false);
    const reopened = open(storage, offline);
    await reopened.ready();
    expect(reopened.current?.source).toEqual({ kind: "demo" });
    expect(reopened.notices).toEqual([]);
  });
});

/** Storage whose getItem returns whatever was put there, strings or not, or throws. */
function rawStorage(items: Record<string, unknown>): KeyValueStorage & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(items));
  return {
    data,
    async getItem(k) {
      const v = data.get(k);
      if (v instanceof Error) throw v;
      return (v ?? null) as string | null;
    },
    async setItem(k, v) {
      data.set(k, v);
    },
    async removeItem(k) {
      data.delete(k);
    },
  };
}

const record = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    source: { kind: "url", url: URL_A },
    loadedAt: "2026-10-01T09:00:00.000Z",
    text: goodText,
    ...over,
  });

/** 25,000 companies: valid in every other way, over the schema's 20,000. */
function overLimit(): string {
  const u = real(9, "2026-09-30", 2500);
  u.companies = Array.from({ length: 10 }, (_, k) =>
    u.companies.map((c) => ({ ...c, ticker: `${c.ticker}${"ABCDEFGHIJ"[k]}` })),
  ).flat();
  return serializeSnapshot(u);
}

const DAMAGED_CACHES: [string, () => unknown, RegExp][] = [
  [
    "the record cut at 10%",
    () => record().slice(0, Math.floor(record().length * 0.1)),
    /unreadable \(.*JSON.*\) and has been discarded/,
  ],
  ["the record cut at 99%", () => record().slice(0, -20), /unreadable \(.*JSON.*\) and has been discarded/],
  [
    "the snapshot inside it cut short",
    () => record({ text: goodText.slice(0, goodText.length / 2) }),
    /damaged \(not valid JSON: .*\) and has been discarded/,
  ],
  [
    "a snapshot that fails the schema inside it",
    () => record({ text: goodText.replace('"schemaVersion":1', '"schemaVersion":7') }),
    /damaged \(schemaVersion: .*\) and has been discarded/,
  ],
  ["an array", () => "[]", /unreadable \(record incomplete\)/],
  ["a number", () => "42", /unreadable \(record incomplete\)/],
  ["null", () => "null", /unreadable \(record incomplete\)/],
  ["a string", () => '"a snapshot"', /unreadable \(record incomplete\)/],
  ["text that is not a string", () => record({ text: 5 }), /unreadable \(record incomplete\)/],
  ["no source", () => record({ source: undefined }), /unreadable \(record incomplete\)/],
  ["a source without its URL", () => record({ source: { kind: "url" } }), /unreadable \(record incomplete\)/],
  [
    "a source of an unknown kind",
    () => record({ source: { kind: "ftp", url: "ftp://x" } }),
    /unreadable \(record incomplete\)/,
  ],
  ["a source given as text", () => record({ source: URL_A }), /unreadable \(record incomplete\)/],
  [
    "30 MB of junk",
    () => `{"source":${"x".repeat(30 * 1024 * 1024)}`,
    /unreadable \(.*JSON.*\) and has been discarded/,
  ],
  [
    "a snapshot of 25,000 companies (over the limit)",
    () => record({ text: overLimit() }),
    /damaged \(companies: Too big: expected array to have <=20000 items\) and has been discarded/,
  ],
  ["not a string: a number", () => 42, /unreadable \(record incomplete\)/],
  ["not a string: an object", () => ({ text: goodText }), /unreadable \(.*JSON.*\) and has been discarded/],
  [
    "storage that throws on reading it",
    () => new Error("QuotaExceededError: the storage is corrupt"),
    /unreadable \(QuotaExceededError: the storage is corrupt\)/,
  ],
];

describe("a damaged stored copy is discarded with a notice, not a crash", () => {
  test.each(DAMAGED_CACHES)("%s", async (_what, stored, notice) => {
    const storage = rawStorage({
      [STORAGE_KEYS.source]: JSON.stringify({ kind: "url", url: URL_A }),
      [STORAGE_KEYS.lastGood]: stored(),
    });
    const store = open(storage, async () => freshText);
    await expect(store.ready()).resolves.not.toBeNull();
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toMatch(/^The stored copy of the last snapshot was /);
    expect(store.notices[0]).toMatch(notice);
    // The fresh snapshot is in use and stored in place of the damaged copy.
    expect(store.current).toMatchObject({ fromCache: false, source: { kind: "url", url: URL_A } });
    expect(JSON.parse(storage.data.get(STORAGE_KEYS.lastGood) as string).text).toBe(freshText);
  });

  test("damaged and offline: nothing is loaded, and the functions say so with a typed error", async () => {
    const storage = rawStorage({
      [STORAGE_KEYS.source]: JSON.stringify({ kind: "url", url: URL_A }),
      [STORAGE_KEYS.lastGood]: "{cut",
    });
    const store = open(storage, offline);
    expect(await store.ready()).toBeNull();
    expect(storage.data.has(STORAGE_KEYS.lastGood)).toBe(false);
    const out = (await qualityScore([["ABC"]]))[0]![0];
    expect(out).toBeInstanceOf(CustomFunctions.Error);
    expect((out as CustomFunctions.Error).message).toBe(
      `No universe is loaded — ${URL_A}: Could not reach data.firm.example: fetch failed. Open the Qualis pane to choose a source.`,
    );
  });
});

describe("a damaged source setting falls back to the demo with a notice", () => {
  test.each<[string, unknown]>([
    ["not JSON", "%%%"],
    ["null", "null"],
    ["a number", "7"],
    ["an unknown kind", JSON.stringify({ kind: "ftp" })],
    ["a URL that is not text", JSON.stringify({ kind: "url", url: 5 })],
    ["a holdings file without its name", JSON.stringify({ kind: "holdings" })],
    ["not a string at all", { kind: "url", url: URL_A }],
    ["storage that throws", new Error("storage is corrupt")],
  ])("%s", async (_what, stored) => {
    const storage = rawStorage({ [STORAGE_KEYS.source]: stored });
    const store = open(storage, async () => freshText);
    await store.ready();
    expect(store.current?.source).toEqual({ kind: "demo" });
    expect(store.notices).toEqual([
      "The stored data-source setting was unreadable and has been reset to the demo universe.",
    ]);
    expect(JSON.parse(storage.data.get(STORAGE_KEYS.source) as string)).toEqual({ kind: "demo" });
  });
});
