// `qualis backtest factor`: has a field paid? Companies of a snapshot grouped by a field, and each group's price
// return between two holdings exports of the same fund (or a price file) — docs/methodology.md, "Evidence: factor
// backtests". Prints the group table and the provenance; --json writes the figures (returns as fractions).
import { writeFileSync } from "fs";
import path from "path";
import {
  backtestField,
  evidenceSentence,
  factorEvidence,
  formatReturn,
  holdingsPrices,
  parsePriceFile,
  type FactorEvidence,
} from "../../data/factor-evidence";
import type { SplitAdjustment } from "../../model/backtest/returns";
import { parseHoldingsCsv } from "../../data/sources/holdings/parse-holdings";
import { loadUniverseFile } from "../score-command";
import type { CommandIO } from "../main";
import { ensureOutPath, readInput } from "../files";
import { parseFlags, requireFlags, UsageError } from "../usage";

export const FACTOR_USAGE = `  factor --snapshot S.json --from START.csv (--to END.csv | --prices FILE) --field F [--groups 5] [--json OUT]
        Group the snapshot's companies by field F (quantile groups of equal count, group 1 the lowest; or FALSE/TRUE)
        and report each group's price return (no dividends) from START to END: iShares holdings exports of the same
        fund (prices and quantities read from them), or --prices FILE with columns ticker, date, close (its latest
        date is the end). Prints the group table, spreads and rank correlation; --json writes them.`;

/** The JSON the issue names (returns as fractions), with the provenance after it. */
export function evidenceJson(e: FactorEvidence) {
  return {
    field: e.field,
    from: e.from,
    to: e.to,
    groups: e.result.groups,
    spread_mean: e.result.spread_mean,
    spread_median: e.result.spread_median,
    rank_ic: e.result.rank_ic,
    n: e.result.n,
    left: e.left.length,
    left_tickers: e.left,
    no_value: e.noValue,
    no_start_price: e.noStartPrice,
    renamed: e.renamed,
    splits: e.splits.map(splitJson),
    split_suspects_not_adjusted: e.suspects.map(splitJson),
    returns: "price only, no dividends",
    sources: { from: e.fromSource, to: e.toSource },
  };
}

const splitJson = (s: SplitAdjustment) => ({
  ticker: s.ticker,
  ratio: s.ratio,
  relative_quantity_ratio: s.relativeQuantityRatio,
  unadjusted_return: s.unadjustedReturn,
  adjusted_return: s.adjustedReturn,
});

const num = (x: number | null) => (x === null ? "" : Number(x.toPrecision(6)).toString());

export function evidenceTable(e: FactorEvidence): string[] {
  const lines = [
    `${e.label} (${e.field}): ${e.from ?? "?"} → ${e.to ?? "?"}, price returns (no dividends)`,
    "",
    "| group | n | min | max | mean return | median return |",
    "|---:|---:|---:|---:|---:|---:|",
    ...e.result.groups.map(
      (g) =>
        `| ${g.group} | ${g.n} | ${num(g.min)} | ${num(g.max)} | ${formatReturn(g.mean_return)} | ${formatReturn(g.median_return)} |`,
    ),
    "",
    `spread (top − bottom): mean ${formatReturn(e.result.spread_mean)}, median ${formatReturn(e.result.spread_median)}; ` +
      `rank IC ${e.result.rank_ic === null ? "n/a" : e.result.rank_ic.toFixed(3)}`,
    `names with a return and a value: ${e.result.n}; left (no end price): ${e.left.length}; ` +
      `no value of the field: ${e.noValue}; no start price: ${e.noStartPrice}`,
    `renamed tickers matched by company name: ${e.renamed.length ? e.renamed.map((r) => `${r.from}→${r.to}`).join(", ") : "none"}`,
    `splits adjusted: ${e.splits.length ? e.splits.map((s) => `${s.ticker} ×${num(s.ratio)}`).join(", ") : "none"}`,
    `quantity moves like a split, not adjusted (price did not move the other way): ${e.suspects.length ? e.suspects.map((s) => `${s.ticker} ×${num(s.ratio)}`).join(", ") : "none"}`,
    `from ${e.fromSource} to ${e.toSource}`,
    "",
    evidenceSentence(e),
  ];
  return lines;
}

export async function runBacktestFactor(argv: string[], io: CommandIO): Promise<number> {
  let v;
  try {
    v = parseFlags({
      args: argv,
      strict: true,
      options: {
        snapshot: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        prices: { type: "string" },
        field: { type: "string" },
        groups: { type: "string" },
        json: { type: "string" },
      },
    }).values;
    requireFlags(v, ["snapshot", "from", "field"]);
    if (!v.to === !v.prices) throw new UsageError("give --to END.csv or --prices FILE (one of them)");
    if (v.groups !== undefined && !/^\d+$/.test(v.groups))
      throw new UsageError(`--groups takes a whole number (got '${v.groups}')`);
    if (v.groups !== undefined && Number(v.groups) < 2)
      throw new UsageError(`--groups must be at least 2 (got ${v.groups})`);
    backtestField(v.field);
  } catch (e) {
    io.err(`qualis backtest factor: ${(e as Error).message}\n${FACTOR_USAGE}`);
    return 2;
  }
  // Files are checked (and refused in plain words) before any work, as every command does (src/cli/files.ts).
  if (v.json) ensureOutPath(v.json, "--json");
  const universe = loadUniverseFile(v.snapshot);
  const start = holdingsPrices(parseHoldingsCsv(readInput(v.from, "holdings", "--from")), path.basename(v.from));
  const end = v.to
    ? holdingsPrices(parseHoldingsCsv(readInput(v.to, "holdings", "--to")), path.basename(v.to))
    : parsePriceFile(readInput(v.prices!, "text", "--prices"), path.basename(v.prices!));
  if (start.asOf && end.asOf && end.asOf <= start.asOf) {
    io.err(`qualis backtest factor: the end (${end.asOf}) is not after the start (${start.asOf})`);
    return 2;
  }
  const e = factorEvidence(universe, start, end, v.field, v.groups ? Number(v.groups) : 5);
  for (const line of evidenceTable(e)) io.out(line);
  if (v.json) {
    writeFileSync(v.json, `${JSON.stringify(evidenceJson(e), null, 2)}\n`);
    io.err(`wrote ${v.json}`);
  }
  return 0;
}
