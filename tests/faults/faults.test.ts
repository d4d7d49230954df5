// Fault injection: the runtime's store, fetching its snapshot URL the way the add-in does (fetchSnapshotText with
// the development build's localhost allowance, as under jest), from a local server that goes wrong in every way a
// real one can. After each fault the last good snapshot is still in use — the same object, the same contents, the
// same persisted copy — the pane's message (the store's lastFailure) and QUALIS.AS_OF() say what happened, and a
// range call made while the bad download was under way answered at once from the good snapshot.
import { IS_DEV_BUILD } from "../../src/data/build-flags";
import { generateDemoUniverse } from "../../src/data/sources/demo/generator";
import { memoryStorage } from "../../src/data/key-value-storage";
import { serializeSnapshot } from "../../src/data/snapshot-codec";
import { DEFAULT_MAX_BYTES, fetchSnapshotText } from "../../src/data/snapshot-fetch";
import type { SnapshotWire } from "../../src/data/snapshot-schema";
import { STORAGE_KEYS, UniverseStore, type LoadFailure } from "../../src/data/universe-store";
import { asOf, qualityScore } from "../../src/functions/functions";
import { setStore } from "../../src/runtime/shared-store";
import type { Universe } from "../../src/model/types";
import {
  cutOff,
  drip,
  endsEarly,
  flood,
  redirect,
  reset,
  serve,
  silence,
  startSnapshotServer,
  status,
  type Behaviour,
  type SnapshotServer,
} from "./snapshot-server";

jest.setTimeout(120_000);

/** The runtime's 30 s, shortened so the timeout faults take a second and a half; the other faults keep 30 s, so a
 * loaded machine that is slow to move a large body cannot turn them into timeouts. */
const SHORT_TIMEOUT_MS = 1500;
const TIMEOUT_MS = 30_000;
let timeoutMs = TIMEOUT_MS;

function realUniverse(seed: number, asOfDate: string): Universe {
  const u = generateDemoUniverse({ seed, asOf: asOfDate });
  u.provenance = { ...u.provenance, isDemo: false, source: `Qualis data desk snapshot ${asOfDate} (fault tests)` };
  return u;
}

const good = realUniverse(3, "2026-09-30");
const goodText = serializeSnapshot(good);
const goodWire = JSON.parse(goodText) as SnapshotWire;
const withWire = (edit: (w: SnapshotWire) => void) => {
  const w = structuredClone(goodWire);
  edit(w);
  return JSON.stringify(w);
};

interface Fault {
  name: string;
  behaviour: (s: { server: SnapshotServer; elsewhere: SnapshotServer }) => Behaviour;
  message: RegExp;
  /** Fetch the store's URL from a server that is not there. */
  serverDown?: boolean;
  /** A fault that is about the time limit: run it with the short one. */
  timesOut?: boolean;
}

const FAULTS: Fault[] = [
  {
    name: "timeout: the server never answers",
    timesOut: true,
    behaviour: () => silence,
    message: /^No answer from 127\.0\.0\.1:\d+ within 1\.5 s\.$/,
  },
  {
    name: "HTTP 404",
    behaviour: () => status(404),
    message: /^The server answered HTTP 404 Not Found for http:\/\/127\.0\.0\.1:\d+\/snapshot\.json\.$/,
  },
  {
    name: "HTTP 500",
    behaviour: () => status(500),
    message: /^The server answered HTTP 500 Internal Server Error for /,
  },
  {
    name: "truncated body: the connection drops half-way",
    behaviour: () => cutOff(goodText, 0.5),
    message: /^The download was cut off: /,
  },
  {
    name: "truncated body: a clean end after 60%",
    behaviour: () => endsEarly(goodText, 0.6),
    message: /^Snapshot refused: not valid JSON: /,
  },
  {
    name: "wrong content type (text/html)",
    behaviour: () => serve("<html><body>Sign in</body></html>", { "content-type": "text/html; charset=utf-8" }),
    message: /^The server sent text\/html, not JSON: is http:\/\/127\.0\.0\.1:\d+\/snapshot\.json the snapshot file\?$/,
  },
  {
    name: "not JSON (an error page labelled application/json)",
    behaviour: () => serve("<!doctype html><title>502 Bad Gateway</title>"),
    message: /^Snapshot refused: not valid JSON: Unexpected token '<'/,
  },
  {
    name: "empty body",
    behaviour: () => serve(""),
    message: /^Snapshot refused: not valid JSON: Unexpected end of JSON input$/,
  },
  {
    name: "valid JSON that fails the schema",
    behaviour: () => serve(withWire((w) => ((w.companies[7] as { price: unknown }).price = "12.50"))),
    message: /^Snapshot refused: companies\[7\] \([A-Z]+\)\.price: Invalid input: expected number, received string$/,
  },
  {
    name: "an infinite number (1e400)",
    behaviour: () => serve(goodText.replace(/"marketCap":[\d.]+/, '"marketCap":1e400')),
    message:
      /^Snapshot refused: companies\[0\] \([A-Z]+\)\.marketCap: Invalid input: expected number, received Infinity$/,
  },
  {
    name: "another schema version",
    behaviour: () => serve(withWire((w) => ((w as { schemaVersion: number }).schemaVersion = 2))),
    message: /^Snapshot refused: schemaVersion: this add-in reads schemaVersion 1$/,
  },
  {
    name: "duplicate tickers in share-class spellings",
    behaviour: () => serve(withWire((w) => (w.companies[1]!.ticker = `${w.companies[0]!.ticker.toLowerCase()} `))),
    message: /^Snapshot refused: companies\[1\] .*duplicate ticker/,
  },
  {
    name: "ten times the normal size (the companies ten times over)",
    behaviour: () => serve(withWire((w) => (w.companies = Array.from({ length: 10 }, () => w.companies).flat()))),
    message: /^Snapshot refused: companies\[2000\] \([A-Z]+\): duplicate ticker/,
  },
  {
    name: "over the size cap, streamed without a length",
    behaviour: () => flood(DEFAULT_MAX_BYTES + 1024 * 1024, false),
    message: /^The snapshot is larger than the 42 MB limit; refused\.$/,
  },
  {
    name: "over the size cap, declared up front",
    behaviour: () => flood(DEFAULT_MAX_BYTES * 2, true),
    message: /^The snapshot is 83\.9 MB, over the 42 MB limit\.$/,
  },
  {
    name: "slow drip: a byte every 100 ms",
    timesOut: true,
    behaviour: () => drip(100),
    message: /^The download did not finish within 1\.5 s\.$/,
  },
  {
    name: "connection reset before any answer",
    behaviour: () => reset,
    message: /^Could not reach 127\.0\.0\.1:\d+: fetch failed\. Check the address and your connection\.$/,
  },
  {
    name: "server down (connection refused)",
    behaviour: () => silence,
    serverDown: true,
    message: /^Could not reach 127\.0\.0\.1:\d+: fetch failed\./,
  },
  {
    name: "a redirect to plain http on a host that is not this machine",
    behaviour: ({ elsewhere }) => redirect(`${elsewhere.base.replace("127.0.0.1", "127.0.0.2")}/snapshot.json`),
    message:
      /^127\.0\.0\.1:\d+ redirected to http:\/\/127\.0\.0\.2:\d+\/snapshot\.json: Only https:\/\/ addresses are allowed for snapshot data \(got http:\/\/127\.0\.0\.2:\d+\)\.$/,
  },
];

let server: SnapshotServer;
let elsewhere: SnapshotServer;
let downUrl: string;
let store: UniverseStore;
let storage: ReturnType<typeof memoryStorage>;
let url: string;
const survived: { name: string; message: string; answeredInMs: number }[] = [];

beforeAll(async () => {
  server = await startSnapshotServer();
  elsewhere = await startSnapshotServer("127.0.0.2");
  elsewhere.behave(serve(serializeSnapshot(realUniverse(9, "2026-10-30")))); // a good snapshot: only the https rule refuses it
  const gone = await startSnapshotServer();
  downUrl = `${gone.base}/snapshot.json`;
  await gone.close();
  url = `${server.base}/snapshot.json`;
  storage = memoryStorage();
  store = new UniverseStore({
    storage,
    bundled: async () => serializeSnapshot(generateDemoUniverse({ count: 50 })),
    fetchText: (u) => fetchSnapshotText(u, { allowLocalhostHttp: IS_DEV_BUILD, timeoutMs }),
  });
  setStore(store);
  server.behave(serve(goodText));
  await store.ready();
  const first = await store.load({ kind: "url", url });
  expect(first.ok).toBe(true);
});

afterAll(async () => {
  await server?.close();
  await elsewhere?.close();
  const lines = survived.map(
    (s, i) =>
      `  ${String(i + 1).padStart(2)}. ${s.name.padEnd(58)} survived; a range call answered in ${String(s.answeredInMs).padStart(3)} ms — "${s.message.slice(0, 70)}${s.message.length > 70 ? "…" : ""}"`,
  );
  process.stdout.write(`\nfaults injected: ${FAULTS.length}, survived: ${survived.length}\n${lines.join("\n")}\n`);
});

test("the good snapshot is in use before any fault", () => {
  expect(IS_DEV_BUILD).toBe(true);
  expect(store.current?.source).toEqual({ kind: "url", url });
  expect(store.current?.universe.provenance.asOf).toBe("2026-09-30");
});

test.each(FAULTS.map((f) => [f.name, f] as const))("fault: %s", async (_name, fault) => {
  const before = store.current!;
  const universe = before.universe;
  const contents = JSON.stringify(universe);
  const persisted = storage.data.get(STORAGE_KEYS.lastGood);
  const column = universe.companies.slice(0, 2000).map((c) => [c.ticker]);
  const expected = await qualityScore(column);
  const heard: (LoadFailure | null)[] = [];
  const off = store.subscribe((s) => heard.push(s.lastFailure));
  timeoutMs = fault.timesOut ? SHORT_TIMEOUT_MS : TIMEOUT_MS;
  server.behave(fault.behaviour({ server, elsewhere }));

  const load = fault.serverDown ? store.load({ kind: "url", url: downUrl }) : store.refresh();
  // A range call made while the bad download is under way answers at once, from the good snapshot.
  const t0 = Date.now();
  const during = await qualityScore(column);
  const answeredInMs = Date.now() - t0;
  const outcome = await load;
  off();

  expect(outcome.ok).toBe(false);
  expect(store.lastFailure?.message).toMatch(fault.message);
  expect(heard).toEqual([store.lastFailure]); // the pane heard it once, with the message it shows
  // Nothing half-loaded: the same loaded record, the same universe object, the same contents, the same stored copy.
  expect(store.current).toBe(before);
  expect(store.current!.universe).toBe(universe);
  expect(JSON.stringify(store.current!.universe)).toBe(contents);
  expect(storage.data.get(STORAGE_KEYS.lastGood)).toBe(persisted);
  expect(JSON.parse(storage.data.get(STORAGE_KEYS.source)!)).toEqual({ kind: "url", url }); // the chosen source is unchanged
  expect(during).toEqual(expected);
  expect(answeredInMs).toBeLessThan(TIMEOUT_MS / 2);
  const text = await asOf();
  expect(text).toContain("2026-09-30 · Qualis data desk snapshot 2026-09-30 (fault tests)");
  expect(text).toContain(
    `last refresh failed (${fault.serverDown ? downUrl : url}): ${store.lastFailure!.message} — previous data in use`,
  );
  // The refused download is not left streaming (its connection is dropped, not merely no longer read).
  await new Promise((r) => setTimeout(r, 100));
  expect(server.streaming() + elsewhere.streaming()).toBe(0);
  survived.push({ name: fault.name, message: store.lastFailure!.message, answeredInMs });
});

test("after every fault, a good answer is taken again", async () => {
  server.behave(serve(serializeSnapshot(realUniverse(4, "2026-10-30"))));
  const out = await store.refresh();
  expect(out.ok).toBe(true);
  expect(store.lastFailure).toBeNull();
  expect(store.current!.universe.provenance.asOf).toBe("2026-10-30");
  expect(await asOf()).toBe("2026-10-30 · Qualis data desk snapshot 2026-10-30 (fault tests)");
  expect(survived).toHaveLength(FAULTS.length);
});
