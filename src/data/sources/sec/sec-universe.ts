// The snapshot builder (docs/real-data.md): iShares holdings ↔ the SEC's ticker map (CIK) ↔ companyfacts
// (fundamentals, share counts) ↔ submissions (SIC code → industry and themes), plus the Russell breakpoint and band
// from the Russell 1000 holdings when given. Pure: the SEC files come through a SecSource (a folder on disk, or the
// cache the CLI's fetcher fills), so the same inputs always build the same snapshot.
import { themesFor } from "../../../model/theme-rules";
import type { Company, IndexFacts, Universe } from "../../../model/types";
import { assembleUniverse, coverageOf } from "../assemble-universe";
import {
  holdingsCompanies,
  estimateMarketCap,
  holdingsNotes,
  holdingsReport,
  requireUsable,
  tidy,
  type HoldingsOptions,
} from "../holdings/holdings-universe";
import { coverageReport, type CoverageReport, type Named } from "./coverage-report";
import type { ParsedHoldings } from "../holdings/parse-holdings";
import { COMPUTED_BAND, computeBands, datedDefaultIndexFacts, defaultIndexFacts } from "../../index-facts";
import { extractFundamentals } from "./companyfacts";
import { parseSubmissions } from "./submissions";
import type { TickerMap, TickerMapEntry } from "./ticker-map";

export interface SecSource {
  /** How the SEC data was obtained, for the provenance ("SEC EDGAR files in ./sec"). */
  label: string;
  tickerMap: TickerMap;
  /** The parsed companyfacts document of a CIK; undefined where there is none. Throws (rejects) where it is unreadable.
   *  A folder answers at once; a bulk archive (sec-bulk.ts) answers once the entry is inflated. */
  companyFacts(cik: string): unknown | Promise<unknown>;
  submissions(cik: string): unknown | Promise<unknown>;
}

export interface R1000Input {
  parsed: ParsedHoldings;
  fileName: string;
  /** The Russell 1000's total market cap, USD millions (overrides the fund table's default). */
  indexTotalCap?: number;
}

export interface BuildInput {
  holdings: ParsedHoldings;
  holdingsFileName: string;
  r1000?: R1000Input;
  sec?: SecSource | null;
  options?: HoldingsOptions;
}

export interface BuildResult {
  universe: Universe;
  coverage: CoverageReport;
}

/** The SEC ticker-map entry of a holding: its ticker, else (for a "CLASS" line) the share-class spelling ABCD → ABC.D. */
export function matchTicker(
  map: TickerMap,
  ticker: string,
  name: string,
): { entry: TickerMapEntry; asShareClass: boolean } | null {
  const exact = map.lookup(ticker);
  if (exact) return { entry: exact, asShareClass: false };
  if (/\bCLASS\b/i.test(name) && /^[A-Z]{2,6}$/.test(ticker)) {
    const cls = map.lookup(`${ticker.slice(0, -1)}.${ticker.slice(-1)}`);
    if (cls) return { entry: cls, asShareClass: true };
  }
  return null;
}

/** The CIKs the builder will read for these holdings (the fetcher gets exactly these). */
export function ciksFor(holdings: ParsedHoldings, map: TickerMap): string[] {
  const ciks = new Set<string>();
  for (const h of holdings.holdings) {
    const m = matchTicker(map, h.ticker, h.name);
    if (m) ciks.add(m.entry.cik);
  }
  return [...ciks].sort((a, b) => Number(a) - Number(b));
}

/** Fewest companies with SEC share counts from which the index total is estimated rather than defaulted. */
export const MIN_FOR_TOTAL = 20;

/**
 * The index's total market cap implied by the companies whose cap is known (price × SEC shares): the median of
 * cap ÷ weight. A median, because a low-float or dual-class company's ratio is far from the rest. Null where fewer
 * than MIN_FOR_TOTAL companies have both.
 */
export function impliedIndexTotal(companies: readonly Company[]): { value: number; from: number } | null {
  const ratios = companies
    .filter((c) => !c.marketCapEstimated && c.marketCap !== null && c.weight !== null && c.weight > 0)
    .map((c) => c.marketCap! / (c.weight! / 100))
    .sort((a, b) => a - b);
  if (ratios.length < MIN_FOR_TOTAL) return null;
  const mid = ratios.length >> 1;
  const value = ratios.length % 2 ? ratios[mid]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
  return { value: tidy(value), from: ratios.length };
}

const usd = (m: number) => `USD ${Math.round(m).toLocaleString("en-US")}m`;

function bandsFromR1000(
  r2000: Company[],
  r2000Total: number,
  input: R1000Input,
  holdingsAsOf: string,
): { index: IndexFacts; note: string } {
  const r1 = holdingsCompanies(
    input.parsed,
    input.indexTotalCap !== undefined ? { indexTotalCap: input.indexTotalCap } : {},
  );
  if (r1.fund?.id !== "IWB") {
    throw new Error(
      `--r1000-holdings must be an iShares Russell 1000 ETF (IWB) export; ${input.fileName} is '${input.parsed.fund.name}'`,
    );
  }
  // One footing: every cap from its fund weight × its index's total, never a mix of weight estimates and
  // price × SEC shares (which would rank total caps against float-adjusted ones).
  const r2000Caps = r2000.map((c) => (c.weight === null ? null : (c.weight / 100) * r2000Total));
  const caps = [...r1.companies.map((c) => c.marketCap), ...r2000Caps].filter((c): c is number => c !== null);
  const b = computeBands(caps);
  const base = datedDefaultIndexFacts("Russell 2000", r2000Total);
  if (!b)
    return {
      index: base,
      note: `The Russell 1000 and 2000 holdings have ${caps.length} market caps, fewer than 1,000: breakpoint and band are the dated defaults.`,
    };
  const r1Total = r1.totalCap?.value ?? 0;
  const totals = `Russell 1000 ${usd(r1Total)}, Russell 2000 ${usd(r2000Total)}`;
  const index: IndexFacts = {
    ...base,
    ...COMPUTED_BAND,
    breakpoint: tidy(b.breakpoint),
    upperBand: tidy(b.upperBand),
    bandSource:
      `Computed from ${input.fileName} (${input.parsed.fund.name}, as of ${input.parsed.asOf}) and the Russell 2000 holdings as of ${holdingsAsOf}, ` +
      `caps on one footing (weight × index total: ${totals}): ${b.ranked} companies ranked by market cap; ` +
      `breakpoint = rank 1000 (cumulative percentile ${b.breakpointPercentile.toFixed(2)}); ` +
      `upper band = the cap at cumulative percentile ${b.upperPercentile.toFixed(2)}, 2.5 points towards the large end`,
  };
  return {
    index,
    note: `Breakpoint ${usd(index.breakpoint)} and upper band ${usd(index.upperBand)} computed from the Russell 1000 and 2000 holdings, caps from weights × index totals (${totals}).`,
  };
}

export async function buildSnapshot(input: BuildInput): Promise<BuildResult> {
  const asOf = requireUsable(input.holdings);
  const opts = input.options ?? {};
  const hc = holdingsCompanies(input.holdings, opts);
  const report = holdingsReport(input.holdingsFileName, input.holdings, hc);
  const companies = hc.companies;
  const estimates = new Map(companies.map((c) => [c, c.marketCap]));
  const sec = input.sec ?? null;

  let secCoverage: CoverageReport["sec"] = null;
  if (sec) {
    const cov: NonNullable<CoverageReport["sec"]> = {
      label: sec.label,
      matched: 0,
      unmatched: [],
      matchedAsShareClass: [],
      companyFacts: {
        found: 0,
        missing: [],
        unreadable: [],
        nonUsd: [],
        otherCurrencyFacts: [],
        notUsGaap: [],
        debtBasis: {},
      },
      submissions: { found: 0, missing: [], unreadable: [] },
    };
    for (const c of companies) {
      const m = matchTicker(sec.tickerMap, c.ticker, c.name);
      const who = { ticker: c.ticker, name: c.name };
      if (!m) {
        cov.unmatched.push(who);
        continue;
      }
      cov.matched++;
      if (m.asShareClass) cov.matchedAsShareClass.push({ ...who, secTicker: m.entry.ticker });
      const cik = m.entry.cik;
      c.cik = cik;
      // one company at a time: a bulk archive then holds one inflated document in memory, never all of them
      await enrichFromFacts(c, sec, cik, who, cov);
      await enrichFromSubmissions(c, sec, cik, who, cov);
    }
    secCoverage = cov;
  }

  let index: IndexFacts = hc.bands ?? defaultIndexFacts(hc.indexName);
  const notes = holdingsNotes(input.holdingsFileName, report);
  // The holdings' index total: implied by the companies with SEC share counts where there are enough of them (and
  // none was given), so that the caps still estimated from weights sit on the same footing as the known ones.
  let total = hc.totalCap?.value ?? null;
  const implied = opts.indexTotalCap === undefined && total !== null ? impliedIndexTotal(companies) : null;
  if (implied) {
    notes.push(
      `Index total cap ${usd(implied.value)}: the median of price × SEC shares ÷ weight over ${implied.from} companies (instead of ${hc.totalCap!.source}); caps still estimated from weights use it.`,
    );
    total = implied.value;
    for (const c of companies)
      if (c.marketCapEstimated && c.weight !== null) c.marketCap = estimateMarketCap(c.weight, total);
    if (hc.fund?.membership === "R2000") index = datedDefaultIndexFacts(hc.indexName, total);
  }
  if (input.r1000) {
    const b = bandsFromR1000(companies, total ?? 0, input.r1000, asOf);
    index = b.index;
    notes.push(b.note);
  }
  const { withFundamentals } = coverageOf(companies);
  const source = sec
    ? `${input.holdings.fund.name} holdings as of ${asOf} + SEC EDGAR companyfacts and submissions (${withFundamentals} of ${companies.length} companies with fundamentals)`
    : `${input.holdings.fund.name} holdings as of ${asOf} (holdings only: no fundamentals)`;
  if (sec) {
    notes.push(
      "Fundamentals from SEC EDGAR XBRL companyfacts (us-gaap concepts with documented fallbacks; latest filing wins); TTM = the last four quarters, else the last fiscal year; " +
        "fiscal year = the calendar year it ends in. Market cap = holdings price × SEC shares outstanding where both are known, else estimated from the index weight.",
    );
  }
  const universe = assembleUniverse({ asOf, generatedAt: opts.generatedAt, source, notes, index, companies });
  return { universe, coverage: coverageReport(universe, report, secCoverage, estimates) };
}

async function enrichFromFacts(
  c: Company,
  sec: SecSource,
  cik: string,
  who: Named,
  cov: NonNullable<CoverageReport["sec"]>,
): Promise<void> {
  let doc: unknown;
  try {
    doc = await sec.companyFacts(cik);
    if (doc === undefined) {
      cov.companyFacts.missing.push({ ...who, cik });
      return;
    }
    const f = extractFundamentals(doc);
    cov.companyFacts.found++;
    const cf = cov.companyFacts;
    const cur = f.currency;
    if (!cur.taxonomies.includes("us-gaap")) cf.notUsGaap.push({ ...who, taxonomies: cur.taxonomies });
    else if (cur.statements !== null && cur.statements !== "USD") cf.nonUsd.push({ ...who, currency: cur.statements });
    if (cur.otherFacts.length > 0) cf.otherCurrencyFacts.push({ ...who, facts: cur.otherFacts });
    if (f.debtBasis) (cf.debtBasis[f.debtBasis] ??= []).push(c.ticker);
    c.ttm = f.ttm;
    c.years = f.years;
    if (f.shares && f.shares.value > 0) {
      c.sharesOutstanding = f.shares.value;
      if (c.price !== null) {
        c.marketCap = tidy(c.price * f.shares.value);
        c.marketCapEstimated = false;
      }
    }
  } catch (e) {
    cov.companyFacts.unreadable.push({ ...who, cik, message: (e as Error).message });
  }
}

async function enrichFromSubmissions(
  c: Company,
  sec: SecSource,
  cik: string,
  who: Named,
  cov: NonNullable<CoverageReport["sec"]>,
): Promise<void> {
  try {
    const doc = await sec.submissions(cik);
    if (doc === undefined) {
      cov.submissions.missing.push({ ...who, cik });
      return;
    }
    const s = parseSubmissions(doc);
    cov.submissions.found++;
    c.sic = s.sic;
    c.industry = s.sicDescription;
    c.themes = themesFor(s.sic, s.sicDescription);
  } catch (e) {
    cov.submissions.unreadable.push({ ...who, cik, message: (e as Error).message });
  }
}
