// The runtimes the function properties run against — the demo universe, one with share-class tickers, a holdings-only
// one (no fundamentals) and one with no universe at all — and the helpers both function test files share.
import { readFileSync } from "fs";
import path from "path";
import fc from "fast-check";
import { generateDemoUniverse } from "../../src/data/sources/demo/generator";
import { loadHoldingsCsv } from "../../src/data/sources/holdings";
import { memoryStorage } from "../../src/data/key-value-storage";
import { serializeSnapshot } from "../../src/data/snapshot-codec";
import { UniverseStore } from "../../src/data/universe-store";
import { setStore } from "../../src/runtime/shared-store";
import type { Universe } from "../../src/model/types";

export interface Runtime {
  label: string;
  store: UniverseStore;
  tickers: string[];
  loaded: boolean;
}

async function runtimeOf(label: string, text: string | null): Promise<Runtime> {
  const store = new UniverseStore({
    storage: memoryStorage(),
    bundled: async () => (text === null ? Promise.reject(new Error("the bundled snapshot is missing")) : text),
    fetchText: async () => Promise.reject(new Error("no network in tests")),
  });
  const loaded = await store.ready();
  return {
    label,
    store,
    tickers: loaded ? loaded.universe.companies.map((c) => c.ticker) : ["ABCD", "BRK.B"],
    loaded: loaded !== null,
  };
}

/** A small universe whose tickers carry share classes: BRK.B, BF-A, MOG A style. */
function classTickers(): Universe {
  const u = generateDemoUniverse({ count: 150, seed: 11 });
  const spellings = [".", "-", " "];
  u.companies.forEach((c, i) => {
    if (i % 5 === 0) c.ticker = `${c.ticker}${spellings[i % 3]}${"ABCD"[i % 4]}`;
  });
  return u;
}

const HOLDINGS = path.join(__dirname, "../fixtures/holdings/IWM_excerpt.csv");

/** The four runtimes, each with its store ready. */
export async function loadRuntimes(): Promise<Runtime[]> {
  const runtimes = await Promise.all([
    runtimeOf("demo", serializeSnapshot(generateDemoUniverse())),
    runtimeOf("share classes", serializeSnapshot(classTickers())),
    runtimeOf(
      "holdings only",
      serializeSnapshot(loadHoldingsCsv(readFileSync(HOLDINGS, "utf8"), "IWM_excerpt.csv").universe),
    ),
    runtimeOf("no universe", null),
  ]);
  if (runtimes.map((r) => r.loaded).join() !== "true,true,true,false")
    throw new Error("a test runtime did not load as expected");
  return runtimes;
}

/** Picks a runtime (mostly one with a universe); `use` puts its store in place, as the shared runtime would hold it. */
export const pick = (runtimes: readonly Runtime[]) =>
  fc.integer({ min: 0, max: 9 }).map((i) => runtimes[i < 5 ? 0 : i < 7 ? 1 : i < 9 ? 2 : 3]!);
export const use = (rt: Runtime) => setStore(rt.store);

/** Runs a function; a rejection must be a typed error and is returned as the answer. */
export async function call(f: () => Promise<unknown> | unknown): Promise<{ threw: boolean; value: unknown }> {
  try {
    return { threw: false, value: await f() };
  } catch (e) {
    return { threw: true, value: e };
  }
}

export function fail(what: string, detail: string): never {
  throw new Error(`${what}: ${detail}`);
}

/**
 * For a test file: loads the runtimes before its tests and gives the arbitrary that picks one. Stack capture is
 * switched off: every unknown ticker answers a CustomFunctions.Error (an Error subclass), and without stacks the
 * 10,000 cases of a target run four times faster; a failing case is still reported by message and seed.
 */
export function runtimesForTests(): () => fc.Arbitrary<Runtime> {
  Error.stackTraceLimit = 0;
  let runtimes: Runtime[] = [];
  beforeAll(async () => {
    runtimes = await loadRuntimes();
  }, 120_000);
  return () => pick(runtimes);
}
