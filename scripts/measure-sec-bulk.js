#!/usr/bin/env node
// Time and peak memory of `qualis snapshot build --sec-bulk` on synthetic ZIP64 archives of more than 65,535 entries
// (docs/real-data.md, "The SEC's bulk archives"): the companies the holdings need (the test fixtures' companyfacts
// and submissions, deflated) among filler entries of FILLER_BYTES each, at two archive sizes, so that memory can be
// seen not to grow with the archive. Each build runs in its own process under /usr/bin/time -v (peak RSS); the same
// build over the unpacked folder (--sec-dir) is the baseline.
//   npm run build:cli && node scripts/measure-sec-bulk.js [ENTRIES ...]   (default 70000 140000)
require("./bench/register");
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { writeSyntheticZip } = require("../tests/support/zip64.ts");

const ROOT = path.resolve(__dirname, "..");
const SEC = path.join(ROOT, "tests", "fixtures", "sec");
const HOLDINGS = path.join(ROOT, "tests", "fixtures", "holdings", "IWM_excerpt.csv");
const QUALIS = path.join(ROOT, "bin", "qualis.js");
const FILLER_BYTES = 1024;
const sizes = process.argv.slice(2).map(Number);
const entries = sizes.length ? sizes : [70_000, 140_000];

const folder = (sub) =>
  new Map(fs.readdirSync(path.join(SEC, sub)).map((f) => [f, fs.readFileSync(path.join(SEC, sub, f))]));
// fillers differ (a filer's number in them) and are stored, as a large companyfacts.zip is mostly bytes to skip
const filler = (i) => Buffer.from(`{"cik":${8_000_000_000 + i},"pad":"${"x".repeat(FILLER_BYTES - 40)}"}`);

function measure(args) {
  const r = spawnSync("/usr/bin/time", ["-v", process.execPath, QUALIS, ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`qualis ${args.join(" ")} failed:\n${r.stderr}`);
  const field = (name) => r.stderr.match(new RegExp(`${name}: (.+)`))[1].trim();
  const [m, s] = field("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)").split(":").map(Number);
  return { seconds: m * 60 + s, peakMiB: Number(field("Maximum resident set size \\(kbytes\\)")) / 1024 };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qualis-bulk-measure-"));
const common = ["snapshot", "build", "--holdings", HOLDINGS, "--generated-at", "2026-04-11T06:00:00.000Z"];
console.log(
  `node ${process.version}, ${os.cpus().length} CPUs, load ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
const base = measure([...common, "--sec-dir", SEC, "--out", path.join(dir, "dir.json")]);
console.log(
  `--sec-dir baseline (5 companyfacts, 5 submissions): ${base.seconds.toFixed(2)} s, peak RSS ${base.peakMiB.toFixed(1)} MiB`,
);
for (const n of entries) {
  const facts = path.join(dir, `companyfacts-${n}.zip`);
  const subs = path.join(dir, `submissions-${n}.zip`);
  writeSyntheticZip(facts, { files: folder("companyfacts"), entries: n, filler, store: false });
  writeSyntheticZip(subs, { files: folder("submissions"), entries: n, filler, store: true });
  const mib = (f) => (fs.statSync(f).size / 2 ** 20).toFixed(1);
  const out = path.join(dir, `bulk-${n}.json`);
  const r = measure([
    ...common,
    "--sec-bulk",
    facts,
    "--submissions-bulk",
    subs,
    "--ticker-map",
    path.join(SEC, "company_tickers.json"),
    "--out",
    out,
  ]);
  const same = fs.readFileSync(out, "utf8") === fs.readFileSync(path.join(dir, "dir.json"), "utf8");
  console.log(
    `--sec-bulk, ${n.toLocaleString("en-US")} entries per archive (companyfacts ${mib(facts)} MiB, submissions ${mib(subs)} MiB, ZIP64): ` +
      `${r.seconds.toFixed(2)} s, peak RSS ${r.peakMiB.toFixed(1)} MiB; snapshot identical to --sec-dir: ${same}`,
  );
  fs.rmSync(facts);
  fs.rmSync(subs);
}
fs.rmSync(dir, { recursive: true });
