// `qualis snapshot build`: a snapshot from an iShares holdings export, with SEC EDGAR fundamentals from a folder
// (--sec-dir), the SEC's bulk archives read in place (--sec-bulk), or fetched into a cache (--fetch), or holdings
// only. The snapshot is validated with the add-in's own validation before it is written; a coverage report is
// printed and written beside it (OUT.coverage.txt).
import { displayUrl, scrubUrls } from "../model/display-url";
import { existsSync, writeFileSync } from "fs";
import path from "path";
import { parseHoldingsCsv } from "../data/sources/holdings/parse-holdings";
import { holdingsPrices, parsePricesCsv, volatilityFromHoldings, volatilityOf } from "../data/sources/prices";
import { fundProfile } from "../data/sources/holdings/funds";
import type { ParsedHoldings } from "../data/sources/holdings/parse-holdings";
import { normalizeTicker } from "../model/tickers";
import { renderCoverage } from "../data/sources/sec/coverage-report";
import { buildSnapshot, ciksFor, type BuildResult, type SecSource } from "../data/sources/sec/sec-universe";
import { secBulkSource } from "../data/sources/sec/sec-bulk";
import { encodeSnapshot } from "../data/snapshot-codec";
import { validateSnapshot } from "../data/snapshot-validate";
import type { CommandIO } from "./main";
import { engineFor } from "../model/engine";
import type { Universe } from "../model/types";
import { secDirSource } from "../data/sources/sec/sec-folder";
import { fetchSecForHoldings, SEC_URLS } from "../data/sources/sec/fetcher";
import { checkInputFolder, checkInputPath, ensureOutPath, readInput } from "./files";
import { parseFlags, requireFlags, UsageError } from "./usage";

export const SNAPSHOT_USAGE = `qualis snapshot build --holdings FILE --out FILE [options]
  --holdings FILE          iShares holdings export (IWM; IWB and IWV work too), as downloaded or re-saved by Excel
  --out FILE               the snapshot (JSON); the coverage report goes to FILE.coverage.txt
  --r1000-holdings FILE    iShares Russell 1000 (IWB) export: breakpoint and upper band computed from R1000 + R2000
  --sec-dir DIR            SEC files on disk: DIR/company_tickers_exchange.json (or company_tickers.json),
                           DIR/companyfacts/CIK##########.json, DIR/submissions/CIK##########.json
  --sec-bulk FILE          the SEC's bulk companyfacts.zip, read in place (needs --ticker-map)
  --submissions-bulk FILE  the SEC's bulk submissions.zip, read in place (with --sec-bulk)
  --fetch                  fetch those from SEC EDGAR into --cache-dir (resumable), then build from there
  --user-agent "NAME EMAIL"  required with --fetch: the SEC wants to know who is asking
  --cache-dir DIR          where --fetch keeps what it fetched (default .qualis-sec-cache)
  --ticker-map FILE        use this ticker map instead of the one in --sec-dir (required with --sec-bulk)
  --index-total-cap N      the holdings' index's total market cap, USD millions (default: the fund table's)
  --r1000-total-cap N      the Russell 1000's total market cap, USD millions, for --r1000-holdings
  --prices FILE            CSV of ticker, date (YYYY-MM-DD), close: each company's annualised volatility from its
                           daily log returns (at least 20), for the graduation probability's price move
  --history FILE           an earlier holdings export of the same fund (repeat the flag for more): volatility from the
                           returns between the exports (at least 2 per company; splits left out), where --prices has none
  --generated-at ISO       provenance.generatedAt (default: now), for reproducible builds
  --tickers-url, --companyfacts-url, --submissions-url URL   SEC endpoints ("##########" = 10-digit CIK)
  --max-per-second N       request rate with --fetch (at most and by default 10)
  --retry-delay-ms N       first retry delay with --fetch (default 1000; doubles; Retry-After wins)
  Without --sec-dir, --sec-bulk or --fetch the snapshot has holdings only (no fundamentals).`;

export interface SnapshotDeps {
  /** Aborts a --fetch run (tests; Ctrl-C simply kills the process: the cache stays consistent). */
  signal?: AbortSignal;
}

function positive(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw.replace(/[,_]/g, ""));
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} takes a positive number (got '${raw}')`);
  return n;
}

export async function runSnapshot(argv: string[], io: CommandIO, deps: SnapshotDeps = {}): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "build") {
    if (sub === undefined || sub === "help" || sub === "--help") io.out(SNAPSHOT_USAGE);
    else io.err(`qualis snapshot: unknown subcommand '${sub}'.\n${SNAPSHOT_USAGE}`);
    return sub === "help" || sub === "--help" ? 0 : 2;
  }
  const { values: v } = parseFlags({
    args: rest,
    strict: true,
    options: {
      holdings: { type: "string" },
      out: { type: "string" },
      "r1000-holdings": { type: "string" },
      "sec-dir": { type: "string" },
      "sec-bulk": { type: "string" },
      "submissions-bulk": { type: "string" },
      fetch: { type: "boolean" },
      "user-agent": { type: "string" },
      "cache-dir": { type: "string" },
      "ticker-map": { type: "string" },
      "index-total-cap": { type: "string" },
      "r1000-total-cap": { type: "string" },
      "generated-at": { type: "string" },
      prices: { type: "string" },
      history: { type: "string", multiple: true },
      "tickers-url": { type: "string" },
      "companyfacts-url": { type: "string" },
      "submissions-url": { type: "string" },
      "max-per-second": { type: "string" },
      "retry-delay-ms": { type: "string" },
    },
  });
  requireFlags(v, ["holdings", "out"]);
  const { holdings: holdingsFile, out } = v as { holdings: string; out: string };
  const sources = [v["sec-dir"] && "--sec-dir", v["sec-bulk"] && "--sec-bulk", v.fetch && "--fetch"].filter(Boolean);
  if (sources.length > 1)
    throw new UsageError(`give one of --sec-dir, --sec-bulk and --fetch, not ${sources.join(" and ")}`);
  if (v["sec-bulk"] && !v["ticker-map"])
    throw new UsageError("--sec-bulk needs --ticker-map FILE (the archives hold no ticker map)");
  if (v["submissions-bulk"] && !v["sec-bulk"]) throw new UsageError("--submissions-bulk goes with --sec-bulk");
  if (v["sec-bulk"]) checkInputPath(v["sec-bulk"], "--sec-bulk");
  if (v["submissions-bulk"]) checkInputPath(v["submissions-bulk"], "--submissions-bulk");
  if (v["generated-at"] !== undefined && Number.isNaN(Date.parse(v["generated-at"])))
    throw new UsageError(`--generated-at '${v["generated-at"]}' is not an ISO date-time`);
  ensureOutPath(out);
  if (v["sec-dir"]) warnSecDir(v["sec-dir"], io);
  if (v["ticker-map"]) checkInputPath(v["ticker-map"], "--ticker-map");

  const holdings = parseHoldingsCsv(readInput(holdingsFile, "holdings", "--holdings"));
  const holdingsName = path.basename(holdingsFile);
  const indexTotalCap = positive("--index-total-cap", v["index-total-cap"]);
  let r1000;
  if (v["r1000-holdings"]) {
    const file = v["r1000-holdings"];
    r1000 = {
      parsed: parseHoldingsCsv(readInput(file, "holdings", "--r1000-holdings")),
      fileName: path.basename(file),
      indexTotalCap: positive("--r1000-total-cap", v["r1000-total-cap"]),
    };
  }

  let sec: SecSource | null = null;
  let close = () => {};
  if (v["sec-dir"]) sec = secDirSource(v["sec-dir"], v["ticker-map"]);
  else if (v["sec-bulk"]) {
    const bulk = await secBulkSource({
      companyFactsZip: v["sec-bulk"],
      submissionsZip: v["submissions-bulk"],
      tickerMapFile: v["ticker-map"]!,
      ciks: (map) => ciksFor(holdings, map),
    });
    sec = bulk;
    close = bulk.close;
  } else if (v.fetch) {
    const cacheDir = v["cache-dir"] ?? ".qualis-sec-cache";
    const { tickerMapFile, summary } = await fetchSecForHoldings(holdings, {
      userAgent: v["user-agent"] ?? "",
      cacheDir,
      urls: {
        tickers: v["tickers-url"] ?? SEC_URLS.tickers,
        companyFacts: v["companyfacts-url"] ?? SEC_URLS.companyFacts,
        submissions: v["submissions-url"] ?? SEC_URLS.submissions,
      },
      maxPerSecond: positive("--max-per-second", v["max-per-second"]),
      retryDelayMs: positive("--retry-delay-ms", v["retry-delay-ms"]),
      signal: deps.signal,
      log: io.err,
    });
    io.err(
      `SEC fetch: ${summary.fetched} fetched, ${summary.cached} already cached, ${summary.notFound} not found (404), ${summary.retries} retries, ${summary.failed.length} failed`,
    );
    if (summary.failed.length > 0) {
      for (const f of summary.failed.slice(0, 20)) io.err(`  failed: ${displayUrl(f.url)}: ${scrubUrls(f.reason)}`);
      io.err(
        `Nothing written: run the same command again to fetch what is missing (${cacheDir} keeps what was fetched).`,
      );
      return 1;
    }
    sec = secDirSource(cacheDir, v["ticker-map"] ?? tickerMapFile);
  }

  const prices = v.prices ? parsePricesCsv(readInput(v.prices, "text", "--prices")) : null;
  try {
    const result = await buildSnapshot({
      holdings,
      holdingsFileName: holdingsName,
      r1000,
      sec,
      options: { indexTotalCap, generatedAt: v["generated-at"] },
    });
    const history = v.history?.length ? historyVolatility(holdings, v.history, holdingsFile) : null;
    if (prices || history) {
      let set = 0;
      for (const c of result.universe.companies) {
        const key = normalizeTicker(c.ticker);
        const series = prices?.get(key);
        const sigma = (series ? volatilityOf(series) : null) ?? history?.get(key) ?? null;
        if (sigma !== null) {
          c.volatility = Number(sigma.toPrecision(6));
          set++;
        }
      }
      result.universe.provenance.notes.push(
        `Volatility of ${set} of ${result.universe.companies.length} companies from ${[v.prices, ...(v.history ?? [])]
          .filter((f): f is string => !!f)
          .map((f) => path.basename(f))
          .join(", ")} (annualised, from log returns); the others use the default.`,
      );
      io.err(`prices: volatility for ${set} of ${result.universe.companies.length} companies`);
    }
    return writeResult(result, out, io);
  } finally {
    close();
  }
}

/** Said first: a --sec-dir without companyfacts/ builds a snapshot with no fundamentals, which is rarely meant. */
function warnSecDir(dir: string, io: CommandIO): void {
  checkInputFolder(dir, "--sec-dir");
  const missing = ["companyfacts", "submissions"].filter((d) => !existsSync(path.join(dir, d)));
  if (!missing.includes("companyfacts")) return;
  io.err(
    `warning: --sec-dir ${dir} has no ${missing.map((d) => `${d}/`).join(" or ")} folder: the snapshot will have no fundamentals ` +
      "(scores, margins and balance-sheet fields empty). Unpack the SEC's companyfacts.zip into DIR/companyfacts/ " +
      '(and submissions.zip into DIR/submissions/), or use --fetch --user-agent "NAME EMAIL".',
  );
}

function writeResult(result: BuildResult, out: string, io: CommandIO): number {
  const wire = encodeSnapshot(result.universe);
  const check = validateSnapshot(wire);
  if (!check.ok) {
    io.err(`The built snapshot fails validation; nothing written:`);
    for (const p of check.problems) io.err(`  ${p.path || "(document)"}: ${p.message}`);
    return 1;
  }
  const text = JSON.stringify(wire);
  writeFileSync(out, text);
  const coverage = renderCoverage(result.coverage);
  writeFileSync(`${out}.coverage.txt`, coverage);
  io.out(coverage);
  io.err(`wrote ${out} (${result.universe.companies.length} companies, ${text.length} bytes) and ${out}.coverage.txt`);
  for (const line of indexSummary(result.universe)) io.err(line);
  return 0;
}

/** What the build derived for the index, and the forecast it implies: printed so that a user can check them. */
export function indexSummary(u: Universe): string[] {
  const engine = engineFor(u);
  let expected = 0;
  let scored = 0;
  for (const c of u.companies) {
    const p = engine.graduationProbability(c, 1);
    if (p.ok) {
      expected += p.value;
      scored++;
    }
  }
  const usd = (m: number) => `USD ${Math.round(m).toLocaleString("en-US")}m`;
  return [
    `index: breakpoint ${usd(u.index.breakpoint)}, upper band ${usd(u.index.upperBand)}, band spread ${u.index.bandSpread ?? 0} — ${u.index.bandSource}`,
    ...u.provenance.notes.filter((n) => /total/i.test(n)),
    `graduation: ${scored} Russell 2000 members scored; ${expected.toFixed(1)} expected to move up at the next reconstitution`,
  ];
}

/** --history: earlier exports of the same fund as the holdings, with the holdings themselves as the last date. */
function historyVolatility(current: ParsedHoldings, files: string[], currentFile: string): Map<string, number> {
  const exports = [holdingsPrices(current)];
  const fund = fundProfile(current.fund.name)?.id ?? current.fund.name;
  for (const f of files) {
    const p = parseHoldingsCsv(readInput(f, "holdings", "--history"));
    const id = fundProfile(p.fund.name)?.id ?? p.fund.name;
    if (id !== fund) throw new Error(`--history ${f} is '${p.fund.name}', not the fund of ${currentFile}`);
    if (!p.asOf) throw new Error(`--history ${f} has no readable 'Fund Holdings as of' date`);
    exports.push(holdingsPrices(p));
  }
  return volatilityFromHoldings(exports);
}
