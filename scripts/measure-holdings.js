#!/usr/bin/env node
// Measures the holdings reader on generated iShares-shaped files (issue 17, class 4; not a unit test: timings depend
// on the machine). Prints the time and heap growth of loadHoldingsCsv for N distinct rows, and for 2N rows that list
// the same N tickers twice (the second listing larger, so each replaces the first: the case that was quadratic).
//   node scripts/measure-holdings.js [N=20000]
const path = require("path");
require("./bench/register");

const src = (p) => path.join(__dirname, "..", "src", p);
const { loadHoldingsCsv } = require(src("data/sources/holdings/index.ts"));
const { holdingsCsv } = require(path.join(__dirname, "..", "tests", "fixtures", "holdings", "holdings-csv.ts"));

const N = Number(process.argv[2] ?? 20000);
const ticker = (i) => {
  let s = "";
  for (let n = i; s.length < 4 || n > 0; n = Math.floor(n / 26)) s = String.fromCharCode(65 + (n % 26)) + s;
  return s.slice(-5);
};
const distinct = Array.from({ length: N }, (_, i) => ({ ticker: ticker(i), marketValue: 1e6 + i }));
const twice = [...distinct, ...distinct.map((r) => ({ ...r, marketValue: r.marketValue * 2 }))];

function measure(label, rows) {
  const text = holdingsCsv("iShares Russell 2000 ETF", "Apr 10, 2026", rows);
  if (global.gc) global.gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  const r = loadHoldingsCsv(text, "h.csv");
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const mb = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  console.log(
    `${label.padEnd(34)} ${(text.length / 2 ** 20).toFixed(1).padStart(5)} MB file  ${rows.length
      .toLocaleString("en-US")
      .padStart(7)} rows  ${r.universe.companies.length.toLocaleString("en-US").padStart(7)} companies  ${ms
      .toFixed(0)
      .padStart(7)} ms  heap +${mb.toFixed(0)} MB`,
  );
  return ms;
}

measure("warm-up", distinct.slice(0, 2000));
const a = measure(`${N} distinct rows`, distinct);
const b = measure(`${2 * N} rows, each ticker twice`, twice);
console.log(`ratio twice/distinct: ${(b / a).toFixed(2)}`);
