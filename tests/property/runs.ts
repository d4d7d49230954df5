// How many cases each property runs, and the per-target count printed at the end of a file. `npm test` runs every
// property briefly (QUALIS_PROPERTY_RUNS, default 100); `npm run test:property` (jest.reliability.config.js) runs
// 10,000 per target. A failing case prints fast-check's seed and path: QUALIS_PROPERTY_SEED replays it.
import fc from "fast-check";

const configured = (globalThis as { __QUALIS_PROPERTY_RUNS__?: number }).__QUALIS_PROPERTY_RUNS__;
export const RUNS = Number(process.env.QUALIS_PROPERTY_RUNS ?? configured ?? 100);
const SEED = process.env.QUALIS_PROPERTY_SEED === undefined ? undefined : Number(process.env.QUALIS_PROPERTY_SEED);

const counts = new Map<string, { cases: number; ms: number }>();

/** Counts one generated case of a target (called inside the property, so the figure is what really ran). */
export function tally(target: string): void {
  const c = counts.get(target) ?? { cases: 0, ms: 0 };
  c.cases++;
  counts.set(target, c);
}

/** fc.assert with this suite's run count, timing the target; fails if fewer cases ran than asked for. */
export async function check<Ts extends [unknown, ...unknown[]]>(
  target: string,
  property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>,
  runs = RUNS,
): Promise<void> {
  const t0 = Date.now();
  counts.set(target, { cases: 0, ms: 0 });
  await fc.assert(property as fc.IAsyncProperty<Ts>, { numRuns: runs, seed: SEED });
  const c = counts.get(target)!;
  c.ms = Date.now() - t0;
  if (c.cases < runs) throw new Error(`${target}: only ${c.cases} of ${runs} cases ran`);
}

/** Prints "property  <target>  <n> cases  <s> s" for every target of the file (jest keeps stdout writes as they are). */
export function printCounts(suite: string): void {
  const lines = [...counts].map(
    ([t, c]) =>
      `  ${suite.padEnd(10)} ${t.padEnd(44)} ${c.cases.toLocaleString("en-US").padStart(7)} cases  ${(c.ms / 1000).toFixed(1).padStart(6)} s`,
  );
  process.stdout.write(`\nproperty cases (${RUNS.toLocaleString("en-US")} asked per target):\n${lines.join("\n")}\n`);
}
