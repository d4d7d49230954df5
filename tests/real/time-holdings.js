#!/usr/bin/env node
// How long reading an iShares holdings export takes: prints figures, asserts nothing (performance is measured by
// scripts, never by timed unit tests). Uses the compiled engine: `npm run build:cli && node tests/real/time-holdings.js`.
const fs = require("fs");
const path = require("path");
const { performance } = require("perf_hooks");

const build = path.join(__dirname, "..", "..", "build", "data", "holdings");
if (!fs.existsSync(path.join(build, "index.js"))) {
  console.error("Build the CLI first: npm run build:cli");
  process.exit(2);
}
const { parseHoldingsCsv, loadHoldingsCsv } = require(build);
const dir = path.resolve(__dirname, "..", "..", "..", "shared", "fixtures", "ishares");
const runs = Number(process.argv[2] ?? 25);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

console.log(
  `node ${process.version}; ${runs} runs per figure (after 3 warm-up runs); median and fastest, milliseconds`,
);
for (const file of fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".csv"))
  .sort()) {
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  const time = (fn) => {
    for (let i = 0; i < 3; i++) fn();
    const t = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      fn();
      t.push(performance.now() - t0);
    }
    return `${median(t).toFixed(1)} (fastest ${Math.min(...t).toFixed(1)})`;
  };
  const p = parseHoldingsCsv(text);
  console.log(`${file}: ${(text.length / 1024).toFixed(0)} KiB, ${p.rowsRead} rows`);
  console.log(`  parseHoldingsCsv            ${time(() => parseHoldingsCsv(text))}`);
  console.log(
    `  loadHoldingsCsv (universe)  ${time(() => loadHoldingsCsv(text, file, { generatedAt: "2026-01-01T00:00:00Z" }))}`,
  );
}
