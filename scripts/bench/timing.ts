// Paired timing for the bench: a measured function and its floor (or rival) are timed in the same rounds, so that
// noise from other work on the machine falls on both, and the ratio of the two is what the bench checks.
//
// A round collects the heap (where node runs with --expose-gc) and then takes `bestOf` samples of each function,
// alternately first and second; the round's figure for each is its fastest sample, because the noise of a shared
// machine (preemption by other processes) only ever adds time. The result is the median over the rounds, of the
// times and of the per-round ratios. A sample is a batch of calls long enough for the clock
// (process.hrtime.bigint) to be exact, and short enough that most samples run unpreempted.

export type Task = () => unknown;

export interface PairOptions {
  /** Rounds recorded. */
  rounds: number;
  /** Rounds run first and thrown away: the JIT's warm-up. */
  warmup: number;
  /** Samples of each function per round, of which the fastest counts. */
  bestOf: number;
  /** A sample lasts at least this long (ms): fast functions are called in batches. */
  minSampleMs: number;
  /** Collect the heap before every sample, not only before every round (for functions that allocate megabytes). */
  collectEachSample?: boolean;
}

export interface Timed {
  /** Median time of one call, ms. */
  median: number;
  /** Each round's figure. */
  samples: number[];
}

export interface Pair {
  measured: Timed;
  floor: Timed;
  /** Median of the per-round ratios measured / floor. */
  ratio: number;
  /** Their first and third quartiles: how much the machine's noise moved them. */
  spread: [number, number];
}

const gc = (globalThis as { gc?: () => void }).gc;
export const gcExposed = typeof gc === "function";
const collect = (): void => gc?.();

/** Keeps results alive so that no call is optimised away. */
export let sink: unknown = null;

/** The q-quantile (0–1) of xs, interpolated between the two nearest samples. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (at - lo);
}

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

/** Milliseconds per call over `batch` calls; awaits a call's promise (the functions' own cost includes it). */
async function sample(task: Task, batch: number, collectFirst: boolean): Promise<number> {
  if (collectFirst) collect();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < batch; i++) {
    const out = task();
    sink = out instanceof Promise ? await out : out;
  }
  return Number(process.hrtime.bigint() - t0) / 1e6 / batch;
}

/** How many calls make a sample of at least `minMs`. */
async function batchFor(task: Task, minMs: number): Promise<number> {
  let batch = 1;
  for (;;) {
    const ms = (await sample(task, batch, true)) * batch;
    if (ms >= minMs || batch >= 1 << 20) return batch;
    batch = Math.min(batch * 8, Math.max(batch * 2, Math.ceil((batch * minMs * 1.2) / Math.max(ms, 1e-3))));
  }
}

/**
 * Times several functions in the same rounds, their order turning from sample to sample; returns, per function,
 * its figure (fastest sample) in each recorded round.
 */
export async function interleaved(tasks: readonly Task[], o: PairOptions): Promise<number[][]> {
  const batches: number[] = [];
  for (const t of tasks) batches.push(await batchFor(t, o.minSampleMs));
  const each = o.collectEachSample ?? false;
  const out = tasks.map((): number[] => []);
  for (let r = 0; r < o.warmup + o.rounds; r++) {
    collect();
    const best = tasks.map(() => Number.POSITIVE_INFINITY);
    for (let k = 0; k < o.bestOf; k++) {
      for (let j = 0; j < tasks.length; j++) {
        const i = (j + r + k) % tasks.length;
        best[i] = Math.min(best[i]!, await sample(tasks[i]!, batches[i]!, each));
      }
    }
    if (r >= o.warmup) best.forEach((t, i) => out[i]!.push(t));
  }
  return out;
}

/** Summarises a figure per round (e.g. a ratio) as its median and quartiles. */
export function summary(perRound: readonly number[]): { median: number; spread: [number, number] } {
  return { median: median(perRound), spread: [quantile(perRound, 0.25), quantile(perRound, 0.75)] };
}

/** Times `measured` against `floor`, interleaved sample by sample. */
export async function pair(measured: Task, floor: Task, o: PairOptions): Promise<Pair> {
  const [m, f] = (await interleaved([measured, floor], o)) as [number[], number[]];
  const r = summary(m.map((x, i) => x / f[i]!));
  return {
    measured: { median: median(m), samples: m },
    floor: { median: median(f), samples: f },
    ratio: r.median,
    spread: r.spread,
  };
}
