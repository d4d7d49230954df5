// `qualis backtest graduation --snapshot S --after R1000_FILE [--still R2000_FILE] [--json OUT]`: the graduation
// probabilities of a snapshot's Russell 2000 members against who moved. A mover is a member the later Russell 1000
// holdings file holds (matched by ticker in any share-class spelling, else by name, for renames). With --still (a
// later Russell 2000 file), members in neither later file — acquired, delisted — are left out of the scoring and
// listed, rather than counted as names that did not move (docs/methodology.md, "Backtest").
import { writeFileSync } from "fs";
import { parseHoldingsCsv, type ParsedHoldings } from "../../data/sources/holdings/parse-holdings";
import { fundProfile } from "../../data/sources/holdings/funds";
import { backtestMetrics, type BacktestMetrics } from "../../model/backtest";
import { engineFor } from "../../model/engine";
import { normalizeTicker } from "../../model/tickers";
import type { Company } from "../../model/types";
import { loadUniverseFile } from "../score-command";
import type { CommandIO } from "../main";
import { ensureOutPath, readInput } from "../files";
import { parseFlags, requireFlags, UsageError } from "../usage";

export const GRADUATION_BACKTEST_USAGE = `  graduation --snapshot FILE --after FILE [--still FILE] [--json OUT] [--list N]
        --snapshot FILE   a snapshot built before the reconstitution (its R2000 members are scored)
        --after FILE      an iShares Russell 1000 (IWB) export from after it: the members it holds moved up
        --still FILE      an iShares Russell 2000 (IWM) export from after it: members in neither file are left out
        --json OUT        also write the metrics as JSON (auc, precision_at_k, k, expected, actual, brier, calibration)
        --list N          how many false positives and misses to print (default 25)`;

/** Ticker keys in every share-class spelling: BRK.B, BRK/B, BRKB all give "BRKB". */
export const tickerKey = (t: string): string => normalizeTicker(t).replace(/\./g, "");
/** Names without punctuation or the words that differ between exports ("INC", "CORP", "CLASS A"). */
export function nameKey(n: string): string {
  return n
    .toUpperCase()
    .replace(/\bCLASS [A-Z]\b/g, " ")
    .replace(/\b(INC|CORP|CORPORATION|CO|LTD|PLC|LP|LLC|HOLDINGS?|GROUP|THE|SA|NV|AG)\b/g, " ")
    .replace(/[^A-Z0-9]+/g, "");
}

interface Keys {
  tickers: Set<string>;
  names: Set<string>;
}
const keysOf = (p: ParsedHoldings): Keys => ({
  tickers: new Set(p.holdings.map((h) => tickerKey(h.ticker))),
  names: new Set(p.holdings.map((h) => nameKey(h.name)).filter((k) => k.length >= 4)),
});
const holds = (k: Keys, c: Company) => k.tickers.has(tickerKey(c.ticker)) || k.names.has(nameKey(c.name));

export interface GraduationRow {
  ticker: string;
  name: string;
  p: number;
  moved: boolean;
  marketCap: number | null;
}

export interface GraduationBacktest {
  metrics: BacktestMetrics;
  rows: GraduationRow[];
  /** Members in neither later file: not scored. */
  leftOut: { ticker: string; name: string }[];
  /** Members without a probability (no market cap): not scored. */
  unscored: { ticker: string; reason: string }[];
  falsePositives: GraduationRow[];
  misses: GraduationRow[];
}

function readFund(file: string, want: "IWB" | "IWM", flag: string): ParsedHoldings {
  const parsed = parseHoldingsCsv(readInput(file, "holdings", flag));
  const fund = fundProfile(parsed.fund.name);
  if (fund?.id !== want)
    throw new Error(`${flag} must be an iShares ${want} holdings export; ${file} is '${parsed.fund.name}'`);
  return parsed;
}

export function graduationBacktest(
  companies: readonly Company[],
  prob: (c: Company) => { ok: true; value: number } | { ok: false; message: string },
  after: ParsedHoldings,
  still: ParsedHoldings | null,
): GraduationBacktest {
  const up = keysOf(after);
  const stay = still ? keysOf(still) : null;
  const rows: GraduationRow[] = [];
  const leftOut: GraduationBacktest["leftOut"] = [];
  const unscored: GraduationBacktest["unscored"] = [];
  for (const c of companies) {
    if (c.membership !== "R2000") continue;
    const moved = holds(up, c);
    if (!moved && stay && !holds(stay, c)) {
      leftOut.push({ ticker: c.ticker, name: c.name });
      continue;
    }
    const p = prob(c);
    if (!p.ok) unscored.push({ ticker: c.ticker, reason: p.message });
    else rows.push({ ticker: c.ticker, name: c.name, p: p.value, moved, marketCap: c.marketCap });
  }
  const metrics = backtestMetrics(rows);
  const ranked = [...rows].sort((a, b) => b.p - a.p || a.ticker.localeCompare(b.ticker));
  const top = ranked.slice(0, metrics.k);
  return {
    metrics,
    rows,
    leftOut,
    unscored,
    falsePositives: top.filter((r) => !r.moved),
    misses: ranked.slice(metrics.k).filter((r) => r.moved),
  };
}

const f = (x: number | null, d = 3) => (x === null ? "n/a" : x.toFixed(d));
const row = (r: GraduationRow) =>
  `    ${r.ticker.padEnd(8)} p = ${r.p.toPrecision(3).padEnd(9)} cap USD ${r.marketCap === null ? "n/a" : `${Math.round(r.marketCap).toLocaleString("en-US")}m`}  ${r.name}`;

export function describeGraduationBacktest(b: GraduationBacktest, list: number): string[] {
  const m = b.metrics;
  const out = [
    `Scored ${m.n} Russell 2000 members; ${m.actual} moved up; ${b.leftOut.length} left out (in neither later file); ${b.unscored.length} without a probability`,
    `  AUC ${f(m.auc)}   precision at ${m.k} ${f(m.precision_at_k)}   expected ${m.expected.toFixed(1)} vs actual ${m.actual}   Brier ${f(m.brier, 4)}`,
    `  non-movers at p ≥ 0.99: ${m.confidentNonMovers}   movers at p < 0.01: ${m.confidentMisses}`,
    `  calibration:  p range      n   mean p   moved`,
    ...m.calibration.map(
      (c) =>
        `    [${c.lo.toFixed(2)}, ${c.hi.toFixed(2)}${c.hi === 1 ? "]" : ")"}  ${String(c.n).padStart(6)}   ${f(c.mean_p)}    ${f(c.rate)}`,
    ),
    `  false positives (in the top ${m.k}, did not move): ${b.falsePositives.length}`,
    ...b.falsePositives.slice(0, list).map(row),
    `  misses (moved, not in the top ${m.k}): ${b.misses.length}`,
    ...b.misses.slice(0, list).map(row),
  ];
  if (b.leftOut.length > 0)
    out.push(
      `  left out: ${b.leftOut
        .slice(0, list)
        .map((x) => x.ticker)
        .join(", ")}${b.leftOut.length > list ? `, …${b.leftOut.length - list} more` : ""}`,
    );
  for (const u of b.unscored.slice(0, list)) out.push(`  not scored: ${u.ticker}: ${u.reason}`);
  return out;
}

export async function runGraduationBacktest(argv: string[], io: CommandIO): Promise<number> {
  let v;
  try {
    v = parseFlags({
      args: argv,
      strict: true,
      options: {
        snapshot: { type: "string" },
        after: { type: "string" },
        still: { type: "string" },
        json: { type: "string" },
        list: { type: "string" },
      },
    }).values;
    requireFlags(v, ["snapshot", "after"]);
    if (v.list !== undefined && !/^\d+$/.test(v.list))
      throw new UsageError(`--list takes a whole number (got '${v.list}')`);
  } catch (e) {
    io.err(`qualis backtest graduation: ${(e as Error).message}\n${GRADUATION_BACKTEST_USAGE}`);
    return 2;
  }
  const list = v.list === undefined ? 25 : Number(v.list);
  if (v.json) ensureOutPath(v.json, "--json");
  const universe = loadUniverseFile(v.snapshot);
  const after = readFund(v.after, "IWB", "--after");
  const still = v.still ? readFund(v.still, "IWM", "--still") : null;
  const engine = engineFor(universe);
  const b = graduationBacktest(universe.companies, (c) => engine.graduationProbability(c, 1), after, still);
  io.out(`Graduation backtest: ${v.snapshot} (as of ${universe.provenance.asOf}) against ${v.after}`);
  for (const l of describeGraduationBacktest(b, list)) io.out(l);
  if (v.json) {
    const m = b.metrics;
    const json = {
      auc: m.auc,
      precision_at_k: m.precision_at_k,
      k: m.k,
      expected: m.expected,
      actual: m.actual,
      brier: m.brier,
      calibration: m.calibration,
      n: m.n,
      non_movers_p_ge_0_99: m.confidentNonMovers,
      movers_p_lt_0_01: m.confidentMisses,
      false_positives: b.falsePositives,
      misses: b.misses,
      left_out: b.leftOut,
      unscored: b.unscored,
    };
    writeFileSync(v.json, `${JSON.stringify(json, null, 2)}\n`);
    io.err(`wrote ${v.json}`);
  }
  return 0;
}
