// Estimates the prior volatility by sector and size that the graduation probability uses for a company without its
// own (no --prices, no --history): the pooled annualised volatility of log price returns between the shared IWM
// holdings exports, by iShares sector and by market-cap band at the start of each interval (docs/methodology.md,
// "Where each parameter comes from"). Prices only — no outcome of any reconstitution is used.
//   node scripts/fit-volatility-prior.js [FIXTURES_DIR]     (default ../shared/fixtures)
// Per cell: σ² = Σ r² / Σ Δt over every company-interval in the cell, with r = ln(P_end / P_start) clipped to
// ±ln 4 (a 4× move either way: a few takeover jumps and unhandled reverse splits would otherwise decide a cell), and
// returns across a suspected split (the fund's quantity moving by more than 1.5×) left out, as --history does. A cell
// is shrunk toward its size band's pooled variance with weight n / (n + 30), so a cell of a handful of companies
// (Utilities, or large Consumer Staples) leans on its band. Prints the table src/model/volatility-prior.ts holds.
const { readFileSync } = require("fs");
const path = require("path");
require("./bench/register");
const src = (p) => path.join(__dirname, "..", "src", p);
const { parseHoldingsCsv } = require(src("data/sources/holdings/parse-holdings.ts"));
const { holdingsCompanies } = require(src("data/sources/holdings/holdings-universe.ts"));
const { holdingsPrices } = require(src("data/sources/prices.ts"));
const { normalizeTicker } = require(src("model/tickers.ts"));
const { SIZE_BANDS, sizeBand } = require(src("model/volatility-prior.ts"));

const dir = path.resolve(process.argv[2] ?? path.join(__dirname, "../../shared/fixtures"));
const files = ["IWM_holdings_2025-05-13.csv", "IWM_holdings_2025-11-05.csv", "IWM_holdings_2026-04-10.csv"];
const parsed = files.map((f) => parseHoldingsCsv(readFileSync(path.join(dir, "ishares", f), "utf8")));
const CLIP = Math.log(4);
const cells = new Map(); // "sector|band" → { sumSq, years, n }
const add = (key, r, dt) => {
  const c = cells.get(key) ?? { sumSq: 0, years: 0, n: 0 };
  c.sumSq += r * r;
  c.years += dt;
  c.n++;
  cells.set(key, c);
};
for (let i = 1; i < parsed.length; i++) {
  const start = parsed[i - 1];
  const end = holdingsPrices(parsed[i]);
  const begin = holdingsPrices(start);
  const dt = (Date.parse(end.asOf) - Date.parse(begin.asOf)) / 86_400_000 / 365.25;
  for (const c of holdingsCompanies(start).companies) {
    const key = normalizeTicker(c.ticker);
    const a = begin.prices.get(key);
    const b = end.prices.get(key);
    if (!a || !b || !(a.price > 0) || !(b.price > 0) || c.marketCap === null || c.sector === null) continue;
    if (a.quantity && b.quantity && (b.quantity / a.quantity > 1.5 || a.quantity / b.quantity > 1.5)) continue;
    const r = Math.max(-CLIP, Math.min(CLIP, Math.log(b.price / a.price)));
    add(`${c.sector}|${sizeBand(c.marketCap)}`, r, dt);
    add(`${c.sector}|*`, r, dt);
    add(`*|${sizeBand(c.marketCap)}`, r, dt);
    add(`*|*`, r, dt);
  }
}
const SHRINK = 30;
const variance = (k) => (cells.has(k) ? cells.get(k).sumSq / cells.get(k).years : null);
const sigma = (k) => {
  const c = cells.get(k);
  if (!c) return null;
  const [sector, band] = k.split("|");
  const toward = sector === "*" ? variance(k) : variance(`*|${band}`);
  const w = c.n / (c.n + SHRINK);
  return { s: Math.sqrt(w * variance(k) + (1 - w) * toward), raw: Math.sqrt(variance(k)), n: c.n };
};
const sectors = [...new Set([...cells.keys()].map((k) => k.split("|")[0]))].filter((s) => s !== "*").sort();
const bands = [...SIZE_BANDS.map((b) => b.id), "*"];
console.log(`volatility prior from ${files.join(", ")} (σ annualised; n = company-intervals)`);
console.log(`| sector | ${bands.join(" | ")} |`);
console.log(`|---|${bands.map(() => "---").join("|")}|`);
for (const s of [...sectors, "*"]) {
  const row = bands.map((b) => {
    const v = sigma(`${s}|${b}`);
    return v ? `${v.s.toFixed(2)} (raw ${v.raw.toFixed(2)}, n ${v.n})` : "—";
  });
  console.log(`| ${s === "*" ? "all" : s} | ${row.join(" | ")} |`);
}
console.log("\nAs src/model/volatility-prior.ts holds it (shrunk, by size band):");
for (const s of sectors)
  console.log(
    `  ${JSON.stringify(s)}: [${SIZE_BANDS.map((b) => sigma(`${s}|${b.id}`)?.s.toFixed(2) ?? "—").join(", ")}],`,
  );
console.log(
  `  by size alone: [${SIZE_BANDS.map((b) => sigma(`*|${b.id}`).s.toFixed(2)).join(", ")}]; all: ${sigma("*|*").s.toFixed(2)}`,
);
