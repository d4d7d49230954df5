import { memoryStorage } from "../../src/data/key-value-storage";
import { serializeSnapshot } from "../../src/data/snapshot-codec";
import { STORAGE_KEYS, UniverseStore, type StoreDeps } from "../../src/data/universe-store";
import { company, universe } from "../support/universe-builders";

const demoText = serializeSnapshot(
  universe([company("DEMO1"), company("DEMO2")], { isDemo: true, source: "demo", asOf: "2026-10-30" }),
);
const urlText = serializeSnapshot(
  universe([company("REAL1"), company("REAL2"), company("REAL3")], { asOf: "2026-04-30" }),
);

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function makeStore(over: Partial<StoreDeps> = {}) {
  const storage = memoryStorage();
  const fetched: string[] = [];
  const store = new UniverseStore({
    storage,
    bundled: async () => demoText,
    fetchText: async (url) => {
      fetched.push(url);
      return urlText;
    },
    now: () => new Date("2026-11-25T10:00:00Z"),
    ...over,
  });
  return { store, storage, fetched };
}

const tickers = (s: UniverseStore) => s.current?.universe.companies.map((c) => c.ticker);

describe("UniverseStore", () => {
  test("starts on the bundled demo by default", async () => {
    const { store } = makeStore();
    const loaded = await store.ready();
    expect(loaded?.source).toEqual({ kind: "demo" });
    expect(tickers(store)).toEqual(["DEMO1", "DEMO2"]);
    expect(loaded?.generation).toBe(1);
  });

  test("calls made before the universe has loaded wait for it", async () => {
    const gate = deferred<string>();
    const { store } = makeStore({ bundled: () => gate.promise });
    const waiting = store.ready();
    let settled = false;
    void waiting.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    gate.resolve(demoText);
    expect((await waiting)?.universe.companies).toHaveLength(2);
  });

  test("settled: the universe at once when nothing is loading; null before init, while a load runs, and after", async () => {
    const gate = deferred<string>();
    const { store } = makeStore({ fetchText: () => gate.promise });
    expect(store.settled).toBeNull(); // init() not called yet
    const first = await store.ready();
    expect(store.settled).toBe(first);
    const loading = store.load({ kind: "url", url: "https://data.example/snapshot.json" });
    expect(store.settled).toBeNull();
    gate.resolve(urlText);
    await loading;
    expect(store.settled?.universe.companies.map((c) => c.ticker)).toEqual(["REAL1", "REAL2", "REAL3"]);
    expect(store.settled).toBe(store.current);
  });

  test("a refused snapshot keeps the last good one in use and says why", async () => {
    const { store } = makeStore({ fetchText: async () => '{"schemaVersion":1}' });
    await store.ready();
    const before = store.current;
    const out = await store.load({ kind: "url", url: "https://data.example/bad.json" });
    expect(out.ok).toBe(false);
    expect(store.current).toBe(before);
    expect(store.lastFailure?.message).toMatch(/^Snapshot refused: provenance: /);
  });

  test("a fetch error keeps the last good one too", async () => {
    const { store } = makeStore({
      fetchText: async () => Promise.reject(new Error("The server answered HTTP 404 Not Found")),
    });
    await store.ready();
    await store.load({ kind: "url", url: "https://data.example/x.json" });
    expect(tickers(store)).toEqual(["DEMO1", "DEMO2"]);
    expect(store.lastFailure?.message).toBe("The server answered HTTP 404 Not Found");
  });

  test("a good URL snapshot replaces the universe, persists, and survives a restart offline", async () => {
    const { store, storage } = makeStore();
    await store.ready();
    const out = await store.load({ kind: "url", url: "https://data.example/r2000.json" });
    expect(out.ok).toBe(true);
    expect(tickers(store)).toEqual(["REAL1", "REAL2", "REAL3"]);
    expect(JSON.parse(storage.data.get(STORAGE_KEYS.source)!)).toEqual({
      kind: "url",
      url: "https://data.example/r2000.json",
    });

    // Reopen the workbook with no network: the cached copy is in use, and the failed refresh is reported.
    const reopened = new UniverseStore({
      storage,
      bundled: async () => demoText,
      fetchText: async () => Promise.reject(new Error("Could not reach data.example")),
    });
    const loaded = await reopened.ready();
    expect(loaded?.fromCache).toBe(true);
    expect(loaded?.universe.companies).toHaveLength(3);
    expect(reopened.lastFailure?.message).toBe("Could not reach data.example");
  });

  test.each([
    [
      "an unreadable record",
      '{"source":{"kind":"url"},"text":"{not json',
      /unreadable \(.*JSON.*\) and has been discarded/,
    ],
    [
      "a damaged snapshot inside it",
      JSON.stringify({
        source: { kind: "url", url: "https://data.example/r.json" },
        loadedAt: "x",
        text: '{"schemaVersion":1}',
      }),
      /damaged \(provenance: .*\) and has been discarded/,
    ],
  ])("a corrupted stored cache (%s) is discarded with a notice, not a crash", async (_what, stored, notice) => {
    const storage = memoryStorage({
      [STORAGE_KEYS.source]: JSON.stringify({ kind: "url", url: "https://data.example/r.json" }),
      [STORAGE_KEYS.lastGood]: stored,
    });
    const store = new UniverseStore({ storage, bundled: async () => demoText, fetchText: async () => urlText });
    await store.ready();
    expect(store.notices.join(" ")).toMatch(notice);
    expect(JSON.parse(storage.data.get(STORAGE_KEYS.lastGood)!).text).toBe(urlText); // replaced by the fresh good copy
    expect(tickers(store)).toEqual(["REAL1", "REAL2", "REAL3"]);
  });

  test("an unreadable source setting resets to the demo", async () => {
    const storage = memoryStorage({ [STORAGE_KEYS.source]: "%%%" });
    const store = new UniverseStore({ storage, bundled: async () => demoText, fetchText: async () => urlText });
    await store.ready();
    expect(store.current?.source).toEqual({ kind: "demo" });
    expect(store.notices[0]).toMatch(/reset to the demo/);
  });

  test("loads apply in the order they were asked for, never a mix", async () => {
    const slow = deferred<string>();
    const { store } = makeStore({ fetchText: () => slow.promise });
    await store.ready();
    const first = store.load({ kind: "url", url: "https://a.example/s.json" });
    const second = store.load({ kind: "demo" });
    slow.resolve(urlText);
    await Promise.all([first, second]);
    expect(store.current?.source).toEqual({ kind: "demo" });
    expect(store.current?.generation).toBe(3);
  });

  test("listeners hear every accepted and refused load", async () => {
    const { store } = makeStore();
    const seen: string[] = [];
    store.subscribe((s) => seen.push(s.lastFailure ? "failed" : `gen${s.current?.generation}`));
    await store.ready();
    await store.loadUniverse(universe([company("H1")]), { kind: "holdings", fileName: "IWM.csv" });
    await store.loadUniverse(universe([company("H1"), company("h1")]), { kind: "holdings", fileName: "dup.csv" });
    expect(seen).toEqual(["gen1", "gen2", "failed"]);
    expect(store.lastFailure?.message).toMatch(/duplicate ticker/);
  });
});
