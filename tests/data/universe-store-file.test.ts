// A snapshot file opened in the pane: validated like any snapshot, kept as the last good copy up to the stored-file
// limit, labelled with its file name and as-of date, and re-read from that copy when Excel starts again.
import { memoryStorage } from "../../src/data/key-value-storage";
import { serializeSnapshot } from "../../src/data/snapshot-codec";
import { describeSource, STORAGE_KEYS, STORED_FILE_LIMIT, UniverseStore } from "../../src/data/universe-store";
import { company, universe } from "../support/universe-builders";

const demoText = serializeSnapshot(universe([company("DEMO1")], { isDemo: true, source: "demo", asOf: "2026-10-30" }));
const fileText = serializeSnapshot(universe([company("F1"), company("F2")], { asOf: "2026-04-10" }));

function makeStore(storage = memoryStorage()) {
  const store = new UniverseStore({
    storage,
    bundled: async () => demoText,
    fetchText: async () => {
      throw new Error("no network in this test");
    },
  });
  return { store, storage };
}
const tickers = (s: UniverseStore) => s.current?.universe.companies.map((c) => c.ticker);

test("a good file loads, is labelled with its name and as-of date, and is what Excel starts from next time", async () => {
  const { store, storage } = makeStore();
  await store.ready();
  const o = await store.loadFile(fileText, "r2000.json");
  expect(o.ok).toBe(true);
  expect(store.current!.source).toEqual({ kind: "file", fileName: "r2000.json", asOf: "2026-04-10" });
  expect(describeSource(store.current!.source)).toBe("snapshot file r2000.json, as of 2026-04-10");
  expect(JSON.parse(storage.data.get(STORAGE_KEYS.lastGood)!).text).toBe(fileText);

  const again = makeStore(storage).store;
  const loaded = await again.ready();
  expect(loaded!.source).toEqual({ kind: "file", fileName: "r2000.json", asOf: "2026-04-10" });
  expect(tickers(again)).toEqual(["F1", "F2"]);
  expect(again.lastFailure).toBeNull();
});

test("a file that is not a valid snapshot is refused with the reason; the data in use stays", async () => {
  const { store } = makeStore();
  await store.ready();
  const o = await store.loadFile('{"schemaVersion": 1}', "broken.json");
  expect(o.ok).toBe(false);
  if (!o.ok) {
    expect(o.failure.message).toMatch(/^Snapshot refused: /);
    expect(describeSource(o.failure.source)).toBe("snapshot file broken.json");
  }
  expect(tickers(store)).toEqual(["DEMO1"]);
});

test("a file over the stored-file limit is used for the session only: the chosen source and stored copy stay", async () => {
  const { store, storage } = makeStore();
  await store.ready();
  await store.loadFile(fileText, "small.json");
  const stored = storage.data.get(STORAGE_KEYS.lastGood);
  // the same snapshot padded with whitespace past the limit: valid JSON, too large to keep
  const big = fileText + " ".repeat(STORED_FILE_LIMIT);
  const o = await store.loadFile(big, "big.json");
  expect(o.ok).toBe(true);
  expect(store.current!.source).toMatchObject({ kind: "file", fileName: "big.json" });
  expect(store.notices.at(-1)).toMatch(
    /^big\.json is 4\.0 million characters, over the 4 million kept for offline use: it is in use for this session only/,
  );
  expect(storage.data.get(STORAGE_KEYS.lastGood)).toBe(stored);
  expect(JSON.parse(storage.data.get(STORAGE_KEYS.source)!)).toMatchObject({ fileName: "small.json" });
});
