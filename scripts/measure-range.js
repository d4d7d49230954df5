#!/usr/bin/env node
// Measures range calls over a whole Excel column (issue 17, class 5; not a unit test: timings depend on the
// machine): QUALITY_SCORE over 1,048,576 blank cells and over 1,048,576 cells of distinct junk text, each called
// twice (the second call is what a recalculation costs). Prints milliseconds and heap growth.
//   node --expose-gc scripts/measure-range.js
const path = require("path");
require("./bench/register");

const src = (p) => path.join(__dirname, "..", "src", p);
const { generateDemoUniverse } = require(src("data/sources/demo/generator.ts"));
const { serializeSnapshot } = require(src("data/snapshot-codec.ts"));
const { memoryStorage } = require(src("data/key-value-storage.ts"));
const { UniverseStore } = require(src("data/universe-store.ts"));
const { setStore } = require(src("runtime/shared-store.ts"));
const { qualityScore } = require(src("functions/functions.ts"));

const ROWS = 1_048_576;
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

async function measure(label, column) {
  for (const pass of ["first", "again"]) {
    if (global.gc) global.gc();
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = process.hrtime.bigint();
    const out = await qualityScore(column);
    const t = ms(t0);
    const mb = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
    if (out.length !== column.length) throw new Error("wrong shape");
    console.log(`${label.padEnd(30)} ${pass.padEnd(6)} ${t.toFixed(0).padStart(7)} ms  heap +${mb.toFixed(0)} MB`);
  }
}

async function main() {
  const text = serializeSnapshot(generateDemoUniverse());
  const store = new UniverseStore({
    storage: memoryStorage(),
    bundled: async () => text,
    fetchText: async () => Promise.reject(new Error("offline")),
  });
  setStore(store);
  await store.ready();
  await qualityScore([["ACME"]]);
  await measure(
    "blank column (1,048,576)",
    Array.from({ length: ROWS }, () => [""]),
  );
  await measure(
    "junk text column (1,048,576)",
    Array.from({ length: ROWS }, (_, i) => [`junk ${i} ~!@#`]),
  );
  // Junk that is ticker-like (letters and digits): each distinct text still asks the engine.
  await measure(
    "ticker-like junk (1,048,576)",
    Array.from({ length: ROWS }, (_, i) => [`ZZ${i}`]),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
