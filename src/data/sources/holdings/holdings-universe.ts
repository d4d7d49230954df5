// Holdings → Universe (docs/real-data.md): a real constituent list with sectors, prices and weights but no
// fundamentals. Pure and browser-safe; the task pane calls loadHoldingsCsv on the file the user picks, and the CLI's
// snapshot builder starts from holdingsCompanies and adds SEC data.
//
// Market cap: a holdings file has no share counts, so each holding's cap is estimated from its float-adjusted
// weight — its share of the fund's equity market value (more precise than the file's two-decimal Weight column) —
// times the index's total market cap (the fund table's documented default, or `indexTotalCap`), and marked
// `marketCapEstimated`. That is the float-adjusted cap: a company with a small free float is larger than this.
import { themesFor } from "../../../model/theme-rules";
import type { Company, IndexFacts, Membership, Universe } from "../../../model/types";
import { assembleUniverse } from "../assemble-universe";
import { COMPUTED_BAND, computeBands, datedDefaultIndexFacts, defaultIndexFacts } from "../../index-facts";
import { companySchema } from "../../snapshot-schema";
import { fundProfile, type FundProfile } from "./funds";
import {
  HoldingsFormatError,
  parseHoldingsCsv,
  type HoldingRow,
  type HoldingsProblem,
  type ParsedHoldings,
  type SkipReason,
  type SkippedRow,
} from "./parse-holdings";

export interface HoldingsOptions {
  /** The index's total market cap, USD millions: overrides the fund table's default. */
  indexTotalCap?: number;
  /** Where that figure comes from (shown in the notes); "given by the user" when omitted. */
  indexTotalCapSource?: string;
  /** ISO time written as provenance.generatedAt (default: now). */
  generatedAt?: string;
}

export interface HoldingsCompanies {
  fund: FundProfile | null;
  /** The index the holdings belong to ("Russell 2000"); the fund's own name for a fund not in the table. */
  indexName: string;
  companies: Company[];
  /** USD millions, and its source; null where the fund is unknown and none was given. */
  totalCap: { value: number; source: string } | null;
  /**
   * The 1000/2000 breakpoint and band computed from the holdings themselves (an IWV file), the dated default on the
   * caps' footing (an IWM file), else null.
   */
  bands: IndexFacts | null;
  /** Holdings no snapshot can hold (a ticker over 16 characters, a 300-character name): reported, not kept. */
  refused: HoldingsProblem[];
}

/** Line 1 as a name a snapshot can carry (the index of a fund not in the fund table is named after it). */
export function fundLabel(name: string): string {
  if (!name) return "Unnamed fund";
  return name.length > 100 ? `${name.slice(0, 99).replace(/[\ud800-\udbff]$/, "")}…` : name;
}

export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Keeps 12 significant digits: tidy JSON, and a tiny positive cap stays positive. */
export function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

/**
 * A holding's float-adjusted weight in percent: its share of the fund's equity market value, else the file's; null
 * where that is no share of a fund at all (above 100%, below 0: a file with negative positions or a damaged column).
 */
export function holdingWeight(h: HoldingRow, parsed: ParsedHoldings): number | null {
  const w =
    h.marketValue !== null && parsed.equityMarketValue > 0
      ? Math.max(0, (100 * h.marketValue) / parsed.equityMarketValue)
      : h.weight;
  return w !== null && w >= 0 && w <= 100 ? w : null;
}

/** USD millions from a weight in percent and the index's total cap; null where either is missing or the cap is 0. */
export function estimateMarketCap(weight: number | null, totalCap: number | null): number | null {
  if (weight === null || totalCap === null || !(weight > 0)) return null;
  const cap = tidy((weight / 100) * totalCap);
  return cap > 0 && Number.isFinite(cap) ? cap : null; // a weight of 1e-320 % is no cap
}

function companyFromHolding(h: HoldingRow, weight: number | null, cap: number | null, membership: Membership): Company {
  return {
    ticker: h.ticker,
    name: h.name,
    cik: null,
    sector: h.sector,
    industry: null,
    sic: null,
    themes: themesFor(null, null),
    price: h.price,
    sharesOutstanding: null,
    marketCap: cap,
    marketCapEstimated: cap !== null,
    weight: weight === null ? null : roundTo(weight, 6),
    volatility: null,
    membership,
    ttm: null,
    years: [],
  };
}

/** The holdings as companies: identity, sector, price, weight, estimated cap and membership; no fundamentals. */
export function holdingsCompanies(parsed: ParsedHoldings, opts: HoldingsOptions = {}): HoldingsCompanies {
  const fund = fundProfile(parsed.fund.name);
  const totalCap =
    opts.indexTotalCap !== undefined
      ? {
          value: opts.indexTotalCap,
          source: opts.indexTotalCapSource ?? `USD ${opts.indexTotalCap.toLocaleString("en-US")}m, given by the user`,
        }
      : (fund?.totalCap ?? null);
  if (totalCap !== null && !(totalCap.value > 0 && Number.isFinite(totalCap.value))) {
    throw new Error(`the index's total market cap must be a positive number of USD millions (got ${totalCap.value})`);
  }
  const membership: Membership = fund === null ? "none" : fund.membership === "by-rank" ? "R2000" : fund.membership;
  const companies: Company[] = [];
  const refused: HoldingsProblem[] = [];
  for (const h of parsed.holdings) {
    const weight = holdingWeight(h, parsed);
    const c = companyFromHolding(h, weight, estimateMarketCap(weight, totalCap?.value ?? null), membership);
    // The snapshot schema is the judge: a row it would refuse is reported here rather than refusing the whole file.
    const checked = companySchema.safeParse(c);
    if (checked.success) companies.push(c);
    else {
      const issue = checked.error.issues[0]!;
      refused.push({
        line: h.line,
        message: `${fundLabel(h.ticker).slice(0, 40)}: ${issue.path.join(".")}: ${issue.message}; not read`,
      });
    }
  }
  let bands: IndexFacts | null = null;
  if (fund?.membership === "by-rank") {
    const byCap = companies.filter((c) => c.marketCap !== null).sort((a, b) => b.marketCap! - a.marketCap!);
    byCap.slice(0, 1000).forEach((c) => (c.membership = "R1000"));
    const b = computeBands(byCap.map((c) => c.marketCap!));
    if (b) {
      bands = {
        ...defaultIndexFacts(fund.indexName),
        ...COMPUTED_BAND,
        breakpoint: tidy(b.breakpoint),
        upperBand: tidy(b.upperBand),
        bandSource: `Computed from the ${b.ranked} holdings of ${parsed.fund.name} as of ${parsed.asOf} (caps estimated from weights): breakpoint = cap of rank 1000 (cumulative percentile ${b.breakpointPercentile.toFixed(2)}), upper band = cap at cumulative percentile ${b.upperPercentile.toFixed(2)}`,
      };
    }
  }
  const indexName = fund?.indexName ?? fundLabel(parsed.fund.name);
  // Russell 2000 holdings without a band of their own: the dated default, on the footing of their estimated caps.
  if (!bands && fund?.membership === "R2000" && totalCap) bands = datedDefaultIndexFacts(indexName, totalCap.value);
  return { fund, indexName, companies, totalCap, bands, refused };
}

export interface HoldingsReport {
  fileName: string;
  /** As written on line 1, and the fund's ticker where it is in the fund table. */
  fund: string;
  fundId: string | null;
  indexName: string;
  asOf: string;
  rowsRead: number;
  equityRows: number;
  /** Holdings that became companies. */
  companies: number;
  skipped: SkippedRow[];
  skippedCounts: Record<SkipReason, number>;
  problems: HoldingsProblem[];
  footer: { fromLine: number | null; rows: number };
  marketCap: { indexTotalCap: number | null; source: string; estimated: number; missing: number };
  /** Sum of the file's Weight (%) over the equity holdings kept. */
  weightSum: number;
}

export function countSkipped(skipped: readonly SkippedRow[]): Record<SkipReason, number> {
  const counts: Record<SkipReason, number> = {
    "non-equity": 0,
    "no ticker": 0,
    "not a company": 0,
    "duplicate ticker": 0,
  };
  for (const s of skipped) counts[s.reason]++;
  return counts;
}

export function holdingsReport(fileName: string, parsed: ParsedHoldings, hc: HoldingsCompanies): HoldingsReport {
  const refusedLines = new Set(hc.refused.map((p) => p.line));
  const estimated = hc.companies.filter((c) => c.marketCapEstimated).length;
  return {
    fileName,
    fund: parsed.fund.name,
    fundId: hc.fund?.id ?? null,
    indexName: hc.indexName,
    asOf: parsed.asOf ?? "",
    rowsRead: parsed.rowsRead,
    equityRows: parsed.equityRows,
    companies: hc.companies.length,
    skipped: parsed.skipped,
    skippedCounts: countSkipped(parsed.skipped),
    problems: [...parsed.problems, ...hc.refused].sort((a, b) => a.line - b.line),
    footer: { fromLine: parsed.footerFromLine, rows: parsed.footerLines },
    marketCap: {
      indexTotalCap: hc.totalCap?.value ?? null,
      source: hc.totalCap?.source ?? "none: the fund is not in the fund table and no index total cap was given",
      estimated,
      missing: hc.companies.filter((c) => c.marketCap === null).length,
    },
    weightSum: roundTo(
      parsed.holdings.reduce((s, h) => s + (refusedLines.has(h.line) ? 0 : (h.weight ?? 0)), 0),
      6,
    ),
  };
}

/** The report in lines for a person (CLI output, the task pane's details). */
export function describeHoldingsReport(r: HoldingsReport, examples = 3): string[] {
  const out = [
    `${r.fileName}: ${r.fund}${r.fundId ? ` (${r.fundId}, ${r.indexName})` : " (not a fund in the fund table)"}, holdings as of ${r.asOf}`,
    `  ${r.rowsRead} rows read, ${r.equityRows} equity rows, ${r.companies} companies; weights of the companies sum to ${r.weightSum.toFixed(2)}%`,
  ];
  for (const reason of ["non-equity", "no ticker", "not a company", "duplicate ticker"] as const) {
    const rows = r.skipped.filter((s) => s.reason === reason);
    if (rows.length === 0) continue;
    const shown = rows.slice(0, examples).map((s) => `line ${s.line} ${s.ticker} ${s.name} (${s.detail})`);
    out.push(
      `  skipped ${rows.length} ${reason}: ${shown.join("; ")}${rows.length > examples ? `; …${rows.length - examples} more` : ""}`,
    );
  }
  for (const p of r.problems) out.push(`  problem, ${p.line ? `line ${p.line}` : "file"}: ${p.message}`);
  if (r.footer.fromLine !== null) out.push(`  footer (free text) from line ${r.footer.fromLine}: not data`);
  out.push(
    r.marketCap.indexTotalCap === null
      ? `  market caps: not estimated (${r.marketCap.source})`
      : `  market caps: ${r.marketCap.estimated} estimated from weights × ${r.marketCap.source}; ${r.marketCap.missing} without`,
  );
  return out;
}

export function holdingsNotes(fileName: string, report: HoldingsReport): string[] {
  const c = report.skippedCounts;
  const notes = [
    `Read ${fileName}: ${report.rowsRead} rows, ${report.equityRows} equity rows, ${report.companies} companies; skipped ${c["non-equity"]} non-equity rows, ${c["no ticker"]} rows without a ticker, ${c["not a company"]} lines that are not a company (CVR, escrow, rights, price 0), ${c["duplicate ticker"]} duplicate tickers; ${report.problems.length} problems.`,
  ];
  if (report.marketCap.indexTotalCap !== null) {
    notes.push(
      `Market caps marked estimated are float-adjusted estimates: the holding's share of the fund's equity market value × the index's total market cap (${report.marketCap.source}).`,
    );
  }
  return notes;
}

/** Refuses holdings a universe cannot be made of; returns the as-of date. */
export function requireUsable(parsed: ParsedHoldings): string {
  if (!parsed.asOf) throw new HoldingsFormatError("The holdings file has no readable 'Fund Holdings as of' date.");
  if (parsed.holdings.length === 0)
    throw new HoldingsFormatError("The holdings file has no equity holdings with a ticker.");
  return parsed.asOf;
}

/** A holdings-only universe: every equity holding with its sector, price, weight and estimated cap; no fundamentals. */
export function universeFromHoldings(
  parsed: ParsedHoldings,
  opts: HoldingsOptions & { fileName?: string } = {},
): { universe: Universe; report: HoldingsReport } {
  const asOf = requireUsable(parsed);
  const fileName = opts.fileName ?? "holdings.csv";
  const hc = holdingsCompanies(parsed, opts);
  if (hc.companies.length === 0)
    throw new HoldingsFormatError(`None of the holdings could be read: ${hc.refused[0]?.message ?? "no companies"}.`);
  const report = holdingsReport(fileName, parsed, hc);
  const universe = assembleUniverse({
    asOf,
    generatedAt: opts.generatedAt,
    source: `${fundLabel(parsed.fund.name)} holdings as of ${asOf} (holdings only: no fundamentals)`,
    notes: holdingsNotes(fileName, report),
    index: hc.bands ?? defaultIndexFacts(hc.indexName),
    companies: hc.companies,
  });
  return { universe, report };
}

/**
 * The task pane's entry point: an iShares holdings export's text and file name → a holdings-only universe (to be
 * loaded with UniverseStore.loadUniverse, which validates it) and the import report. Throws HoldingsFormatError
 * with a plain message where the file is not an iShares holdings export, has no as-of date or no equity holdings.
 */
export function loadHoldingsCsv(
  text: string,
  fileName: string,
  opts: HoldingsOptions = {},
): { universe: Universe; report: HoldingsReport } {
  return universeFromHoldings(parseHoldingsCsv(text), { ...opts, fileName });
}
