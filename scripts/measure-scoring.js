#!/usr/bin/env node
// Measures the scoring engine on the demo universe through the real function entry points (not a unit test: timings
// depend on the machine). Prints the cold time to score the whole universe once, the warm time of a 2,000-row
// QUALITY_SCORE range call, and the distributions of quality scores and graduation probabilities.
//   node scripts/measure-scoring.js
// TypeScript sources are compiled in memory with the project's own compiler (transpile only), as for npm run bench.
const path = require("path");
require("./bench/register");

const src = (p) => path.join(__dirname, "..", "src", p);
const { generateDemoUniverse } = require(src("data/sources/demo/generator.ts"));
const { serializeSnapshot } = require(src("data/snapshot-codec.ts"));
const { memoryStorage } = require(src("data/key-value-storage.ts"));
const { UniverseStore } = require(src("data/universe-store.ts"));
const { setStore, currentEngine } = require(src("runtime/shared-store.ts"));
const { qualityScore, graduationProb } = require(src("functions/functions.ts"));

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const quantiles = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.round(p * (s.length - 1))];
  return { min: s[0], p10: q(0.1), p25: q(0.25), p50: q(0.5), p75: q(0.75), p90: q(0.9), max: s[s.length - 1] };
};

async function main() {
  const u = generateDemoUniverse();
  const text = serializeSnapshot(u);
  const store = new UniverseStore({
    storage: memoryStorage(),
    bundled: async () => text,
    fetchText: async () => Promise.reject(new Error("offline")),
  });
  setStore(store);
  await store.ready();
  const tickers = (await currentEngine()).engine.universe.companies.map((c) => [c.ticker]);

  let t0 = process.hrtime.bigint();
  const scores = await qualityScore(tickers); // the first call scores the whole universe
  const cold = ms(t0);

  const warm = [];
  for (let i = 0; i < 20; i++) {
    t0 = process.hrtime.bigint();
    await qualityScore(tickers);
    warm.push(ms(t0));
  }

  t0 = process.hrtime.bigint();
  const probs = await graduationProb(tickers, 1);
  const gradCold = ms(t0);
  t0 = process.hrtime.bigint();
  await graduationProb(tickers, 1);
  const gradWarm = ms(t0);
  t0 = process.hrtime.bigint();
  const probs2 = await graduationProb(tickers, 2);
  const grad2Cold = ms(t0);

  const nums = (m) => m.map((r) => r[0]).filter((v) => typeof v === "number");
  const q = nums(scores);
  const g = nums(probs);
  const g2 = nums(probs2);
  const sum = (xs) => xs.reduce((s, x) => s + x, 0);
  const fmt = (o, d) =>
    Object.entries(o)
      .map(([k, v]) => `${k} ${d === "e" ? v.toExponential(2) : v.toFixed(d)}`)
      .join(", ");
  console.log(`demo universe: ${u.companies.length} companies, as of ${u.provenance.asOf}`);
  console.log(
    `QUALITY_SCORE, ${tickers.length} rows: cold ${cold.toFixed(1)} ms (scores the universe); warm median ${quantiles(warm).p50.toFixed(2)} ms, max ${Math.max(...warm).toFixed(2)} ms`,
  );
  console.log(
    `GRADUATION_PROB, ${tickers.length} rows: cold ${gradCold.toFixed(1)} ms, warm ${gradWarm.toFixed(2)} ms; with 2 reconstitutions cold ${grad2Cold.toFixed(1)} ms`,
  );
  console.log(`quality scores (${q.length} of ${tickers.length}): ${fmt(quantiles(q), 1)}`);
  console.log(
    `graduation probabilities (N = 1): ${fmt(quantiles(g), "e")}; sum ${sum(g).toFixed(2)}; above 0.5: ${g.filter((x) => x > 0.5).length}`,
  );
  console.log(
    `graduation probabilities (N = 2): ${fmt(quantiles(g2), "e")}; sum ${sum(g2).toFixed(2)}; above 0.5: ${g2.filter((x) => x > 0.5).length}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
