// Fits the estimation-error part of the graduation probability on the June 2025 reconstitution and prints the
// parameters (docs/methodology.md, "Where each parameter comes from"). TypeScript sources are compiled in memory
// (transpile only), as for npm run bench.
//   node scripts/fit-graduation.js [FIXTURES_DIR]     (default ../shared/fixtures)
// Event: IWM holdings of 13 May 2025 (13 days after rank day: τ = 0, so only the cap's and band's errors matter);
// movers = its members that IWB holds on 13 Apr 2026; members in neither IWB 2026-04-13 nor IWM 2025-11-05 are left
// out (acquired, delisted). In-sample by construction: the figures say how well the model can fit this event, not
// how well it forecasts another one.
const { readFileSync } = require("fs");
const path = require("path");
require("./bench/register");
const src = (p) => path.join(__dirname, "..", "src", p);
const { parseHoldingsCsv } = require(src("data/sources/holdings/parse-holdings.ts"));
const { holdingsCompanies } = require(src("data/sources/holdings/holdings-universe.ts"));
const { graduationBacktest } = require(src("cli/backtest/graduation.ts"));
const { fitGraduation } = require(src("model/graduation-fit.ts"));
const { DEFAULT_BAND_SPREAD } = require(src("model/graduation-spread.ts"));

const dir = path.resolve(process.argv[2] ?? path.join(__dirname, "../../shared/fixtures"));
const read = (f) => parseHoldingsCsv(readFileSync(path.join(dir, "ishares", f), "utf8"));
const before = read("IWM_holdings_2025-05-13.csv");
const after = read("IWB_holdings_2026-04-13.csv");
const still = read("IWM_holdings_2025-11-05.csv");

const { companies } = holdingsCompanies(before);
const weight = new Map(companies.map((c) => [c.ticker, c.weight]));
const b = graduationBacktest(companies, () => ({ ok: true, value: 0 }), after, still);
const rows = b.rows
  .filter((r) => weight.get(r.ticker) > 0)
  .map((r) => ({ weight: weight.get(r.ticker), moved: r.moved }));

console.log(
  `June 2025 event: ${rows.length} members scored, ${rows.filter((r) => r.moved).length} moved, ${b.leftOut.length} left out`,
);
console.log(`band spread held at its prior: ${DEFAULT_BAND_SPREAD}`);
const normal = fitGraduation(rows, DEFAULT_BAND_SPREAD, false);
const emg = fitGraduation(rows, DEFAULT_BAND_SPREAD, true);
const show = (label, f) =>
  console.log(
    `${label}: band weight u = ${f.bandWeight.toFixed(4)}%  cap spread s0 = ${f.capSpread.toFixed(4)}  skew λ = ${f.capSkew.toFixed(4)}  −log L = ${f.nll.toFixed(3)} (${f.iterations} iterations)`,
  );
show("normal (no skew)", normal);
show("EMG (normal + one-sided)", emg);
