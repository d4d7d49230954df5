#!/usr/bin/env node
// Prints what the stored snapshot record of the 2,000-company demo takes in the add-in's storage (characters, as
// localStorage counts them), plain as before issue 19 and compacted as now (src/data/compact-storage.ts), against the
// ~5 MiB (about 2.6 million UTF-16 characters) a shared runtime's origin has.
//   npm run build:cli && node scripts/measure-stored-size.js
const path = require("path");
const build = path.resolve(__dirname, "..", "build");
const { generateDemoUniverse } = require(path.join(build, "data/sources/demo/generator"));
const { encodeSnapshot } = require(path.join(build, "data/snapshot-codec"));
const { encodeStored, STORED_VALUE_LIMIT } = require(path.join(build, "data/compact-storage"));

(async () => {
  const universe = generateDemoUniverse();
  const text = JSON.stringify(encodeSnapshot(universe));
  const record = JSON.stringify({
    source: { kind: "url", url: "https://data.firm.com/qualis/snapshot.json" },
    loadedAt: new Date(0).toISOString(),
    text,
  });
  const started = process.hrtime.bigint();
  const stored = await encodeStored(record);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const quota = (5 * 1024 * 1024) / 2;
  const row = (what, chars) =>
    `| ${what} | ${chars.toLocaleString("en-US")} | ${((chars * 2) / 2 ** 20).toFixed(2)} MiB | ${((100 * chars) / quota).toFixed(1)}% |`;
  console.log(
    `Stored snapshot record, demo universe of ${universe.companies.length.toLocaleString("en-US")} companies`,
  );
  console.log("| record | characters | UTF-16 bytes | share of a 5 MiB origin |");
  console.log("|---|---:|---:|---:|");
  console.log(row("before: plain JSON", record.length));
  console.log(row("after: gzip, 15 bits a character", stored.length));
  console.log(
    `compaction took ${ms.toFixed(0)} ms; the size check refuses over ${STORED_VALUE_LIMIT.toLocaleString("en-US")} characters`,
  );
})();
