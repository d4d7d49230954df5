#!/usr/bin/env node
// The web build into dist/, with a record of what it was built from, so that CI and the README's suite build once:
// `npm run build` always builds and writes the record; `npm test`'s build test and `npm run test:e2e` call
// ensureBuild(), which reuses dist/ when the record matches the current sources (and the production URL) and builds
// otherwise. The record lives in node_modules/.cache/qualis/, so a fresh clone (or `npm ci`) never trusts an old dist/.
//
//   node scripts/web-build.js                      production build (npm run build)
//   node scripts/web-build.js --mode development   development build (npm run build:dev)
//   node scripts/web-build.js --if-stale           production build only when dist/ does not match the sources
//
// `npm run build` needs QUALIS_PROD_URL (a real https host; scripts/urls.js says why before anything compiles). The
// test and e2e path (ensureBuild, --if-stale) uses it when set and otherwise the suites' stand-in TEST_PROD_URL.
const { execFileSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { productionUrl, testProductionUrl } = require("./urls");

const root = path.resolve(__dirname, "..");
const DIST = path.join(root, "dist");
const RECORD = path.join(root, "node_modules", ".cache", "qualis", "web-build.json");
/** What the bundle, the generated assets and the manifest are made from. */
const INPUT_DIRS = ["src", "assets"];
const INPUT_FILES = [
  "manifest.xml",
  "webpack.config.js",
  "scripts/urls.js",
  "tsconfig.json",
  "tsconfig.cli.json",
  "package-lock.json",
];
/** Files whose modification times the record keeps: a webpack run outside this script changes them. */
const OUTPUTS = ["taskpane.html", "functions.js", "functions.json", "manifest.xml"];

function listFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** sha256 over every input's path and bytes under `base`, and the mode and production URL the build would use. */
function inputsHash(mode, prodUrl, base = root) {
  const h = crypto.createHash("sha256");
  h.update(`${mode}\n${prodUrl}\n`);
  const files = [
    ...INPUT_DIRS.flatMap((d) => (fs.existsSync(path.join(base, d)) ? listFiles(path.join(base, d)) : [])),
    ...INPUT_FILES.map((f) => path.join(base, f)),
  ];
  for (const f of files.sort()) {
    h.update(`${path.relative(base, f)}\n`);
    h.update(fs.existsSync(f) ? fs.readFileSync(f) : "(missing)");
  }
  return h.digest("hex");
}

function outputTimes() {
  return Object.fromEntries(
    OUTPUTS.map((f) => {
      const p = path.join(DIST, f);
      return [f, fs.existsSync(p) ? fs.statSync(p).mtimeMs : null];
    }),
  );
}

function readRecord() {
  try {
    return JSON.parse(fs.readFileSync(RECORD, "utf8"));
  } catch {
    return null;
  }
}

/** The record of the production build in dist/ when it matches the current sources; otherwise null. */
function freshBuild() {
  const rec = readRecord();
  if (!rec || rec.mode !== "production") return null;
  const prodUrl = testProductionUrl();
  if (rec.prodUrl !== prodUrl || rec.inputs !== inputsHash("production", prodUrl)) return null;
  const times = outputTimes();
  if (OUTPUTS.some((f) => times[f] === null || times[f] !== rec.outputs[f])) return null;
  return rec;
}

/** Compiles the engine (build/, which the generated assets come from) and runs webpack; writes the record. */
function build(mode = "production", { quiet = false, prodUrl: given } = {}) {
  // Checked first, before tsc and webpack run: a build without a real host fails in a fraction of a second.
  const prodUrl = mode === "production" ? (given ?? productionUrl()) : null;
  fs.rmSync(RECORD, { force: true });
  // Hashed before building: a source edited while webpack runs leaves the record stale, not wrongly fresh.
  const inputs = inputsHash(mode, prodUrl);
  const started = Date.now();
  const env = prodUrl ? { ...process.env, QUALIS_PROD_URL: prodUrl } : process.env;
  const run = (args) => execFileSync(process.execPath, args, { cwd: root, env, stdio: quiet ? "pipe" : "inherit" });
  run([require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"]);
  run([require.resolve("webpack-cli/bin/cli.js"), "--mode", mode]);
  const rec = {
    mode,
    prodUrl,
    inputs,
    outputs: outputTimes(),
    builtAt: new Date().toISOString(),
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  fs.mkdirSync(path.dirname(RECORD), { recursive: true });
  fs.writeFileSync(RECORD, JSON.stringify(rec, null, 2));
  return rec;
}

/** The production build in dist/: reused when it matches the sources, built otherwise. */
function ensureBuild({ log = console.log, quiet = false } = {}) {
  const rec = freshBuild();
  if (rec) {
    log(`dist/ is the production build of these sources (built ${rec.builtAt}): reused.`);
    return rec;
  }
  log("dist/ is missing or older than the sources: building it (npm run build) …");
  return build("production", { quiet, prodUrl: testProductionUrl() });
}

module.exports = { DIST, RECORD, freshBuild, build, ensureBuild, inputsHash };

if (require.main === module) {
  const args = process.argv.slice(2);
  const i = args.indexOf("--mode");
  const mode = i >= 0 ? args[i + 1] : "production";
  try {
    if (args.includes("--if-stale")) ensureBuild();
    else {
      const rec = build(mode);
      console.log(`Built dist/ (${mode}) in ${rec.seconds} s.`);
    }
  } catch (e) {
    console.error(`The web build failed: ${e.message}`);
    process.exit(1);
  }
}
