// Items 1–3 and 7 of the bench: loading a snapshot, scoring, and the functions' range and single-cell calls, each
// timed against its floor in the same rounds.
import { generateDemoUniverse } from "../../src/data/sources/demo/generator";
import { serializeSnapshot } from "../../src/data/snapshot-codec";
import { parseSnapshot } from "../../src/data/snapshot-validate";
import { graduationProb, isProfitable, qualityScore } from "../../src/functions/functions";
import { engineFor } from "../../src/model/engine";
import { scoreUniverse } from "../../src/model/quality";
import type { Universe } from "../../src/model/types";
import { useUniverse } from "../../tests/support/test-store";
import { interleaved, median, pair, summary, type Pair, type PairOptions, type Timed } from "./timing";

export interface Demo {
  count: number;
  universe: Universe;
  /** The snapshot's bytes, as the add-in receives them. */
  text: string;
}

export function demo(count: number): Demo {
  const universe = generateDemoUniverse({ count });
  return { count, universe, text: serializeSnapshot(universe) };
}

function loadUniverse(text: string): Universe {
  const r = parseSnapshot(text);
  if (!r.ok) throw new Error(`the demo snapshot was refused: ${r.problems[0]?.message}`);
  return r.universe;
}

/** 1. parse + validate + decode + index (what a load costs before the first cell can answer), against JSON.parse. */
export function snapshotLoad(d: Demo, o: PairOptions): Promise<Pair> {
  return pair(
    () => engineFor(loadUniverse(d.text)).index,
    () => JSON.parse(d.text),
    o,
  );
}

/** 2a. One full cross-sectional scoring (what the first quality call pays), against JSON.parse of the snapshot. */
export function coldScoring(d: Demo, o: PairOptions): Promise<Pair> {
  const u = loadUniverse(d.text);
  return pair(
    () => scoreUniverse(u.companies),
    () => JSON.parse(d.text),
    o,
  );
}

type RangeFunction = (tickers: unknown[][]) => Promise<unknown[][]>;

export const RANGE_FUNCTIONS: readonly { name: string; call: RangeFunction }[] = [
  { name: "QUALITY_SCORE", call: (t) => qualityScore(t) },
  { name: "IS_PROFITABLE", call: (t) => isProfitable(t) },
  { name: "GRADUATION_PROB", call: (t) => graduationProb(t) },
];

/**
 * Calls `f` once per cell the way Excel's custom-functions runtime does (office-js, custom-functions-runtime:
 * CustomFunctionProxy._invokeFunctionAndSetResult): a result that is a promise gets a `.then`, any other is taken as
 * it is; resolves once every call has answered.
 */
export function invokeEach(f: RangeFunction, cells: readonly unknown[][][]): Promise<unknown[]> {
  return new Promise((resolve) => {
    const results = new Array<unknown>(cells.length);
    let pending = 1;
    const settle = () => {
      if (--pending === 0) resolve(results);
    };
    for (let i = 0; i < cells.length; i++) {
      const r: unknown = f(cells[i]!);
      if (r instanceof Promise) {
        pending++;
        r.then((v) => {
          results[i] = v;
          settle();
        });
      } else results[i] = r;
    }
    settle();
  });
}

export interface FillDown {
  /** The single-cell calls; the one range call; as many single-cell calls of an async function that reads its answer from a Map. */
  cells: Timed;
  range: Timed;
  floor: Timed;
  /** Per round: cells / range ... */
  vsRange: { median: number; spread: [number, number] };
  /** ... cells / floor ... */
  vsFloor: { median: number; spread: [number, number] };
  /** ... and floor / range: what the runtime's handling of single-cell calls costs by itself. */
  floorVsRange: { median: number; spread: [number, number] };
}

export interface Calls {
  /** 2b. A warm range call of every row, against reading precomputed answers from a Map. */
  warm: Pair;
  /** 3. One single-cell call per row: a formula filled down a column. */
  fillDown: FillDown | null;
}

const timed = (samples: number[]): Timed => ({ median: median(samples), samples });

/**
 * The functions as Excel calls them: a universe in the runtime's store, tickers as a fresh column of strings. All
 * three functions, or the one named.
 */
export async function functionCalls(
  d: Demo,
  o: PairOptions,
  withFillDown: boolean,
  only?: string,
): Promise<Map<string, Calls>> {
  const store = useUniverse(d.universe, async () => d.text);
  if (!(await store.ready())) throw new Error("the bench's universe did not load");
  // Excel hands a function strings it has just deserialised, not the snapshot's own string objects.
  const column: string[][] = JSON.parse(JSON.stringify(d.universe.companies.map((c) => [c.ticker])));
  const cells = column.map((row) => [row]);
  const out = new Map<string, Calls>();
  for (const f of RANGE_FUNCTIONS) {
    if (only && f.name !== only) continue;
    const answers = await f.call(column); // the cold call: everything the range needs is computed and kept from here on
    const precomputed = new Map(column.map((row, i) => [row[0]!, answers[i]![0]]));
    const floor = () => {
      const res = new Array<unknown[]>(column.length);
      for (let i = 0; i < column.length; i++) res[i] = [precomputed.get(column[i]![0]!)];
      return res;
    };
    const warm = await pair(() => f.call(column), floor, o);
    let fillDown: FillDown | null = null;
    if (withFillDown) {
      // The same floor per call: an async function that reads its one answer from the Map.
      const floorFunction: RangeFunction = async (cell) => [[precomputed.get(cell[0]![0] as string)]];
      const [c, r, e] = (await interleaved(
        [() => invokeEach(f.call, cells), () => f.call(column), () => invokeEach(floorFunction, cells)],
        o,
      )) as [number[], number[], number[]];
      fillDown = {
        cells: timed(c),
        range: timed(r),
        floor: timed(e),
        vsRange: summary(c.map((x, i) => x / r[i]!)),
        vsFloor: summary(c.map((x, i) => x / e[i]!)),
        floorVsRange: summary(e.map((x, i) => x / r[i]!)),
      };
    }
    out.set(f.name, { warm, fillDown });
  }
  return out;
}
