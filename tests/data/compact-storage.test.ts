// The stored snapshot is compressed and size-checked before writing; plain values (and records stored before
// compression) read back unchanged.
import {
  COMPRESS_FROM,
  compactStorage,
  decodeStored,
  encodeStored,
  packBytes,
  unpackBytes,
} from "../../src/data/compact-storage";
import { memoryStorage } from "../../src/data/key-value-storage";
import { encodeSnapshot } from "../../src/data/snapshot-codec";
import { UniverseStore, STORAGE_KEYS } from "../../src/data/universe-store";
import { generateDemoUniverse } from "../../src/data/sources/demo/generator";

const demoText = JSON.stringify(encodeSnapshot(generateDemoUniverse()));

test("a short value is stored as it is; a long one gzipped behind the marker, and both read back exactly", async () => {
  expect(await encodeStored('{"kind":"demo"}')).toBe('{"kind":"demo"}');
  const long = "x".repeat(COMPRESS_FROM);
  const stored = await encodeStored(long);
  expect(stored.startsWith("gz15:")).toBe(true);
  expect(stored.length).toBeLessThan(200);
  expect(await decodeStored(stored)).toBe(long);
  expect(await decodeStored("plain text from before")).toBe("plain text from before");
});

test("the 2,000-company demo record: stored at under a sixth of its length, read back identical", async () => {
  const kv = memoryStorage();
  const storage = compactStorage(kv);
  const record = JSON.stringify({
    source: { kind: "url", url: "https://d.firm.com/s.json" },
    loadedAt: "t",
    text: demoText,
  });
  await storage.setItem(STORAGE_KEYS.lastGood, record);
  const stored = kv.data.get(STORAGE_KEYS.lastGood)!;
  expect(stored.length).toBeLessThan(record.length / 6);
  expect(await storage.getItem(STORAGE_KEYS.lastGood)).toBe(record);
});

test("a value over the limit once encoded is refused before anything is written", async () => {
  const kv = memoryStorage();
  const storage = compactStorage(kv, 100);
  await expect(storage.setItem("k", "y".repeat(150))).rejects.toThrow(
    "it would take 0.0 million characters, over the 0.0 million the add-in's storage can spare",
  );
  expect(kv.data.size).toBe(0);
});

test("the store says in a notice what happens when the snapshot cannot be kept, and leaves no stale copy", async () => {
  const kv = memoryStorage({ [STORAGE_KEYS.lastGood]: "an older source's copy" });
  const store = new UniverseStore({
    storage: compactStorage(kv, 1000),
    bundled: async () => demoText,
    fetchText: async () => demoText,
  });
  const out = await store.load({ kind: "url", url: "https://d.firm.com/s.json" });
  expect(out.ok).toBe(true);
  expect(kv.data.has(STORAGE_KEYS.lastGood)).toBe(false);
  expect(store.notices.at(-1)).toMatch(
    /^Could not keep the snapshot for offline use \(it would take 0\.\d million characters, over the 0\.0 million the add-in's storage can spare\): it is in use for this session only\. The next time Excel starts it is fetched again from its address \(nothing offline until then\)\.$/,
  );
});

test("packing: every byte value and every length round-trips, with no surrogate in the text", () => {
  for (const n of [0, 1, 2, 14, 15, 16, 255, 256, 1000]) {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
    const text = packBytes(bytes);
    expect(text.startsWith(`${n}:`)).toBe(true);
    expect(/[\uD800-\uDFFF]/.test(text)).toBe(false);
    expect(text.length - `${n}:`.length).toBe(Math.ceil((n * 8) / 15));
    expect(unpackBytes(text)).toEqual(bytes);
  }
  expect(unpackBytes(packBytes(Uint8Array.from({ length: 256 }, (_, i) => i)))).toEqual(
    Uint8Array.from({ length: 256 }, (_, i) => i),
  );
  expect(() => unpackBytes("10:\u3000")).toThrow("the stored copy is cut short");
});
