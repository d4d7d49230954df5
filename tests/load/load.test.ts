// Concurrency and load: ten sheets of 2,000 rows recalculating — per sheet one 2,000-row range call and 2,000
// single-cell calls across the nine functions, 20,010 calls in flight at once — again and again while the snapshot
// URL is refreshed twice (the server has new data each time) and the source is switched to another URL. Each of the
// four snapshots gives different answers (other fundamentals, caps, sectors, dates, one company missing), so every
// answer can be traced to the snapshot it came from: every range answer is wholly one snapshot's, never a mix, and
// every single-cell answer is one of them. Memory is sampled throughout (peak RSS and heap), and once the run is
// over the superseded snapshots are collected. Run with `npm run test:load` (node --expose-gc, in band).
import { createHash } from "crypto";
import { IS_DEV_BUILD } from "../../src/data/build-flags";
import { generateDemoUniverse } from "../../src/data/sources/demo/generator";
import { memoryStorage } from "../../src/data/key-value-storage";
import { serializeSnapshot } from "../../src/data/snapshot-codec";
import { fetchSnapshotText } from "../../src/data/snapshot-fetch";
import { UniverseStore } from "../../src/data/universe-store";
import {
  asOf,
  constituents,
  fields,
  fieldValue,
  graduationProb,
  isProfitable,
  qualityScore,
  scoreBreakdown,
  unprofitableShare,
} from "../../src/functions/functions";
import { setStore } from "../../src/runtime/shared-store";
import type { Universe } from "../../src/model/types";
import { startSnapshotServer, type SnapshotServer } from "../faults/snapshot-server";

jest.setTimeout(15 * 60_000);

const SHEETS = 10;
const ROWS = 2000;
const GENERATIONS = 4;

/**
 * Snapshot g (1–4): the same 2,001 tickers and names, everything else from another seed (so scores, profitability,
 * sectors, caps and graduation odds differ), its own date, and company g left out (an #N/A naming its date).
 */
function snapshot(g: number): Universe {
  const base = generateDemoUniverse({ seed: 21, count: ROWS + 1 });
  const other = generateDemoUniverse({ seed: 100 + g, count: ROWS + 1, asOf: `2026-0${5 + g}-30` });
  const companies = other.companies
    .map((c, i) => ({ ...c, ticker: base.companies[i]!.ticker, name: base.companies[i]!.name }))
    .filter((_, i) => i !== g);
  return {
    ...other,
    provenance: {
      ...other.provenance,
      isDemo: false,
      source: `load test snapshot ${g}`,
      coverage: { ...other.provenance.coverage, constituents: companies.length },
    },
    companies,
  };
}

type Call = () => Promise<unknown>;
interface Sheet {
  range: Call;
  cells: Call[];
}

/** The workbook: sheet s has a range call over all 2,000 tickers and one single-cell call per row. */
function workbook(tickers: string[]): Sheet[] {
  const column = tickers.map((t) => [t]);
  const rangeCalls: Call[] = [
    () => qualityScore(column),
    () => isProfitable(column, "fcf"),
    () => graduationProb(column, 2),
    () => fieldValue(column, "market_cap"),
    () => fieldValue(column, "sector"),
    () => isProfitable(column),
    () => graduationProb(column),
    () => fieldValue(column, "fcf_margin"),
    () => qualityScore(column),
    () => fieldValue(column, "quality_score"),
  ];
  const cell = (s: number, r: number): Call => {
    const t = tickers[r]!;
    switch ((s + r) % 9) {
      case 0:
        return () => qualityScore([[t]]);
      case 1:
        return () => isProfitable([[t]], ["net_income", "operating_income", "fcf", "consistent"][r % 4]);
      case 2:
        return () => graduationProb([[t]], 1 + (r % 4));
      case 3:
        return () => fieldValue([[t]], ["market_cap", "sector", "net_margin", "altman_zone", "price"][r % 5]!);
      case 4:
        return async () => fields();
      case 5:
        return () => scoreBreakdown(t);
      case 6:
        return () => constituents(undefined, ["Industrials", "Energy", "Utilities", ""][r % 4]);
      case 7:
        return () => asOf().catch((e: unknown) => e);
      default:
        return () => unprofitableShare(["net_income", "fcf"][r % 2]).catch((e: unknown) => e);
    }
  };
  return Array.from({ length: SHEETS }, (_, s) => ({
    range: rangeCalls[s]!,
    cells: Array.from({ length: ROWS }, (_, r) => cell(s, r)),
  }));
}

/** An answer's fingerprint (errors by code and message), so answers can be compared and looked up cheaply. */
function key(v: unknown): string {
  const text = JSON.stringify(v, (_k, x) => (x instanceof CustomFunctions.Error ? `#ERR ${x.code} ${x.message}` : x));
  return createHash("sha1").update(text).digest("base64");
}

async function answersOf(sheets: Sheet[]): Promise<{ ranges: string[]; cells: string[][] }> {
  return {
    ranges: await Promise.all(sheets.map((s) => s.range().then(key))),
    cells: await Promise.all(sheets.map((s) => Promise.all(s.cells.map((c) => c().then(key))))),
  };
}

async function storeWith(text: string): Promise<UniverseStore> {
  const store = new UniverseStore({
    storage: memoryStorage(),
    bundled: async () => text,
    fetchText: async () => Promise.reject(new Error("offline")),
  });
  await store.ready();
  return store;
}

function sampler() {
  const peak = { rss: 0, heapUsed: 0 };
  const take = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  };
  take();
  const timer = setInterval(take, 20);
  return { peak, stop: () => (clearInterval(timer), take()) };
}

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const gc = (globalThis as { gc?: () => void }).gc;

let server: SnapshotServer;
afterAll(() => server?.close());

test("20,010 calls in flight per recalculation, two refreshes and a source switch: every answer from one snapshot", async () => {
  const texts = Array.from({ length: GENERATIONS }, (_, i) => serializeSnapshot(snapshot(i + 1)));
  const tickers = generateDemoUniverse({ seed: 21, count: ROWS + 1 })
    .companies.slice(0, ROWS)
    .map((c) => c.ticker);
  const sheets = workbook(tickers);

  // What each snapshot answers, computed on its own.
  const expected: Awaited<ReturnType<typeof answersOf>>[] = [];
  for (const text of texts) {
    setStore(await storeWith(text));
    expected.push(await answersOf(sheets));
  }
  // The four snapshots are told apart by every range call, and by the AS_OF cells.
  for (let s = 0; s < SHEETS; s++) expect(new Set(expected.map((e) => e.ranges[s])).size).toBe(GENERATIONS);
  const rangeGen = sheets.map((_, s) => new Map(expected.map((e, g) => [e.ranges[s]!, g + 1])));
  const cellGens = sheets.map((_, s) =>
    Array.from({ length: ROWS }, (_, r) => {
      const m = new Map<string, number[]>();
      expected.forEach((e, g) => m.set(e.cells[s]![r]!, [...(m.get(e.cells[s]![r]!) ?? []), g + 1]));
      return m;
    }),
  );
  expected.length = 0;

  // The runtime: a URL source served by a local server that takes 150 ms to answer.
  let served = { a: texts[0]!, b: texts[3]! };
  server = await startSnapshotServer();
  server.behave((req, res) => {
    const body = req.url === "/b.json" ? served.b : served.a;
    setTimeout(() => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) });
      res.end(body);
    }, 150);
  });
  const store = new UniverseStore({
    storage: memoryStorage(),
    bundled: async () => texts[0]!,
    // A generous timeout: timeouts are the fault suite's subject (tests/faults). Here the test's own checking — every
    // answer serialised and hashed — holds the event loop for seconds a round, and three runs side by side take 80 s.
    fetchText: (u) => fetchSnapshotText(u, { allowLocalhostHttp: IS_DEV_BUILD, timeoutMs: 10 * 60_000 }),
  });
  setStore(store);
  const weak: WeakRef<Universe>[] = [];
  store.subscribe(
    (s) =>
      s.current && !weak.some((w) => w.deref() === s.current!.universe) && weak.push(new WeakRef(s.current.universe)),
  );
  expect((await store.load({ kind: "url", url: `${server.base}/a.json` })).ok).toBe(true);
  await new Promise((r) => setTimeout(r, 200)); // let the first engine's caches settle before measuring
  gc?.();
  const baseline = process.memoryUsage().heapUsed;
  const memory = sampler();

  // The data changes: refresh (new data at the same URL), refresh again, then switch to another URL.
  let loadsDone = false;
  const loads = (async () => {
    await new Promise((r) => setTimeout(r, 30));
    served = { ...served, a: texts[1]! };
    expect((await store.refresh()).ok).toBe(true);
    served = { ...served, a: texts[2]! };
    expect((await store.refresh()).ok).toBe(true);
    expect((await store.load({ kind: "url", url: `${server.base}/b.json` })).ok).toBe(true);
    loadsDone = true;
  })();

  // Excel recalculating the workbook over and over meanwhile. Odd rounds fire every call of every sheet before
  // awaiting any (20,010 in flight); even rounds fire them in batches of 500 with a turn of the event loop between,
  // so a load can land between the calls of one recalculation. Between rounds the loads' I/O gets 20 ms.
  let calls = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let rounds = 0;
  let retainedPeak = 0;
  const rangeFrom = new Map<number, number>();
  const cellFrom = new Map<string, number>();
  const track = (p: Promise<unknown>) => {
    calls++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return p.finally(() => inFlight--);
  };
  while (!loadsDone || rounds < 3) {
    rounds++;
    const pending: Promise<void>[] = [];
    for (let s = 0; s < SHEETS; s++) {
      pending.push(
        track(sheets[s]!.range()).then((v) => {
          const g = rangeGen[s]!.get(key(v));
          if (g === undefined)
            throw new Error(`sheet ${s + 1}: a range answer that is no snapshot's whole answer (a mix, or wrong)`);
          rangeFrom.set(g, (rangeFrom.get(g) ?? 0) + 1);
        }),
      );
      for (let r = 0; r < ROWS; r++) {
        pending.push(
          track(sheets[s]!.cells[r]!()).then((v) => {
            const gens = cellGens[s]![r]!.get(key(v));
            if (!gens)
              throw new Error(
                `sheet ${s + 1} row ${r + 1}: an answer no snapshot gives: ${JSON.stringify(v).slice(0, 300)}${store.lastFailure ? ` (last load failure: ${store.lastFailure.message})` : ""}`,
              );
            const label = gens.length === GENERATIONS ? "any" : gens.join("|");
            cellFrom.set(label, (cellFrom.get(label) ?? 0) + 1);
          }),
        );
        if (rounds % 2 === 0 && pending.length % 500 === 0) await new Promise((r2) => setImmediate(r2));
      }
    }
    await Promise.all(pending);
    // What a recalculation leaves behind once its garbage is collected: the figure that shows memory is bounded
    // (the peak above also holds garbage not yet collected, and so moves with the collector's timing).
    if (gc) {
      gc();
      retainedPeak = Math.max(retainedPeak, process.memoryUsage().heapUsed);
    }
    await new Promise((r2) => setTimeout(r2, 20));
    if (rounds > 60) throw new Error("the loads did not finish within 60 recalculations");
  }
  await loads;
  memory.stop();

  // Old snapshots are not kept: once the run is over only the current one is reachable.
  sheets.length = 0;
  // A snapshot can outlive one collection on a busy machine (a timer or a settled promise still holding it for a
  // moment, and a WeakRef keeps its target until the current job ends), so collect a few times, a turn apart,
  // before counting: the assertion is that old snapshots become unreachable, not how fast the collector sees it.
  let alive = weak.length;
  for (let attempt = 0; attempt < 10 && alive > 1; attempt++) {
    await new Promise((r) => setTimeout(r, 50));
    gc?.();
    alive = await new Promise<number>((r) => setImmediate(() => r(weak.filter((w) => w.deref() !== undefined).length)));
  }
  const after = process.memoryUsage().heapUsed;

  const report = [
    `load: ${calls.toLocaleString("en-US")} calls in ${rounds} recalculations of ${SHEETS} sheets × ${ROWS.toLocaleString("en-US")} rows (${(SHEETS * (ROWS + 1)).toLocaleString("en-US")} calls each), at most ${maxInFlight.toLocaleString("en-US")} in flight at once`,
    `  loads during the run: 2 refreshes + 1 source switch; snapshots in use: ${store.current!.generation} generations`,
    `  range answers by snapshot: ${[...rangeFrom]
      .sort()
      .map(([g, n]) => `#${g}: ${n}`)
      .join(", ")} (each wholly one snapshot's)`,
    `  single-cell answers by snapshot: ${[...cellFrom]
      .sort()
      .map(([g, n]) => `${g}: ${n.toLocaleString("en-US")}`)
      .join(", ")}`,
    `  memory: peak RSS ${MB(memory.peak.rss)}, peak heap ${MB(memory.peak.heapUsed)}; heap before ${MB(baseline)}, largest after a recalculation (gc) ${gc ? MB(retainedPeak) : "—"}, after the run (gc) ${MB(after)}${gc ? "" : " (no gc: run with node --expose-gc)"}; snapshots still reachable: ${alive} of ${weak.length}`,
  ];
  process.stdout.write(`\n${report.join("\n")}\n`);

  expect(maxInFlight).toBeGreaterThanOrEqual(20_000);
  expect(new Set(rangeFrom.keys()).size).toBeGreaterThanOrEqual(3); // the answers really spanned the loads
  expect(store.current!.universe.provenance.source).toBe("load test snapshot 4");
  if (gc) {
    // Bounded: no recalculation keeps more than the snapshots in use (each engine with its caches), whatever the
    // collector's timing does to the peak.
    expect(retainedPeak - baseline).toBeLessThan(512 * 1024 ** 2);
    expect(alive).toBe(1);
    expect(after - baseline).toBeLessThan(64 * 1024 ** 2);
  }
});
