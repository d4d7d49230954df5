// The coverage report of a built snapshot: what the holdings and the SEC files gave, field by field, and what is
// missing, stale or suspicious — printed by `qualis snapshot build` and written beside the snapshot.
import { FUNDAMENTAL_FIELDS, type FundamentalField } from "../../../model/fundamentals";
import type { Company, IndexFacts, Universe } from "../../../model/types";
import type { HoldingsReport } from "../holdings/holdings-universe";

export interface Named {
  ticker: string;
  name: string;
}

export interface CoverageReport {
  asOf: string;
  source: string;
  holdings: HoldingsReport;
  constituents: number;
  sec: null | {
    label: string;
    matched: number;
    unmatched: Named[];
    /** Holdings whose ticker matched only in its share-class spelling (iShares' MOGA = the SEC's MOG-A). */
    matchedAsShareClass: (Named & { secTicker: string })[];
    companyFacts: {
      found: number;
      missing: (Named & { cik: string })[];
      unreadable: (Named & { cik: string; message: string })[];
      /** Filers whose statements are in another currency: their money fields are null. */
      nonUsd: (Named & { currency: string })[];
      /** USD filers with some facts in another currency (read in USD; those facts are not used). */
      otherCurrencyFacts: (Named & { facts: string[] })[];
      /** Filers without us-gaap facts (a foreign ifrs-full filer): not read, their fields null. */
      notUsGaap: (Named & { taxonomies: string[] })[];
      /** Which combination of debt lines gave each company's total debt (docs/real-data.md): basis → tickers. */
      debtBasis: Record<string, string[]>;
    };
    submissions: {
      found: number;
      missing: (Named & { cik: string })[];
      unreadable: (Named & { cik: string; message: string })[];
    };
  };
  withFundamentals: number;
  /** Per field: how many constituents have it in the TTM and in their latest fiscal year. */
  fields: { field: FundamentalField; ttm: number; latestYear: number }[];
  marketCap: {
    fromShares: number;
    estimated: number;
    none: number;
    /** Price × SEC shares against the weight-based estimate, where they differ more than fivefold. */
    disagreements: (Named & { fromShares: number; estimated: number })[];
  };
  index: IndexFacts;
  /** Companies whose TTM ends more than 15 months before the as-of date. */
  stale: (Named & { end: string })[];
}

const STALE_DAYS = 456; // 15 months

export function coverageReport(
  u: Universe,
  holdings: HoldingsReport,
  sec: CoverageReport["sec"],
  estimates: Map<Company, number | null>,
): CoverageReport {
  const cs = u.companies;
  const asOfTime = Date.parse(`${u.provenance.asOf}T00:00:00Z`);
  const disagreements: CoverageReport["marketCap"]["disagreements"] = [];
  for (const c of cs) {
    const est = estimates.get(c) ?? null;
    if (
      !c.marketCapEstimated &&
      c.marketCap !== null &&
      est !== null &&
      (c.marketCap / est > 5 || est / c.marketCap > 5)
    ) {
      disagreements.push({ ticker: c.ticker, name: c.name, fromShares: c.marketCap, estimated: est });
    }
  }
  return {
    asOf: u.provenance.asOf,
    source: u.provenance.source,
    holdings,
    constituents: cs.length,
    sec,
    withFundamentals: u.provenance.coverage.withFundamentals,
    fields: FUNDAMENTAL_FIELDS.map((field) => ({
      field,
      ttm: cs.filter((c) => c.ttm !== null && c.ttm.values[field] !== null).length,
      latestYear: cs.filter((c) => c.years[0] !== undefined && c.years[0].values[field] !== null).length,
    })),
    marketCap: {
      fromShares: cs.filter((c) => c.marketCap !== null && !c.marketCapEstimated).length,
      estimated: cs.filter((c) => c.marketCapEstimated).length,
      none: cs.filter((c) => c.marketCap === null).length,
      disagreements,
    },
    index: u.index,
    stale: cs
      .filter((c) => c.ttm !== null && (asOfTime - Date.parse(`${c.ttm.end}T00:00:00Z`)) / 86_400_000 > STALE_DAYS)
      .map((c) => ({ ticker: c.ticker, name: c.name, end: c.ttm!.end })),
  };
}

function list(items: readonly string[], max: number): string {
  if (items.length === 0) return "none";
  return items.slice(0, max).join("; ") + (items.length > max ? `; …and ${items.length - max} more` : "");
}

/** The coverage report as text: printed by the CLI and written beside the snapshot. */
export function renderCoverage(r: CoverageReport, max = 50): string {
  const pct = (n: number) => (r.constituents ? `${((100 * n) / r.constituents).toFixed(1)}%` : "-");
  const out: string[] = [
    `Snapshot coverage — ${r.source}`,
    `as of ${r.asOf}; ${r.constituents} constituents; ${r.withFundamentals} with fundamentals (${pct(r.withFundamentals)})`,
    "",
  ];
  const h = r.holdings;
  out.push(
    `Holdings: ${h.fileName} — ${h.fund}; ${h.rowsRead} rows read, ${h.equityRows} equity rows; weights of the companies sum to ${h.weightSum.toFixed(2)}%; skipped ${h.skippedCounts["non-equity"]} non-equity, ${h.skippedCounts["no ticker"]} without ticker, ${h.skippedCounts["not a company"]} not a company, ${h.skippedCounts["duplicate ticker"]} duplicate tickers; ${h.problems.length} problems`,
  );
  for (const s of h.skipped) out.push(`  skipped line ${s.line}: ${s.ticker} ${s.name} — ${s.reason}: ${s.detail}`);
  for (const p of h.problems) out.push(`  problem ${p.line ? `line ${p.line}` : "(file)"}: ${p.message}`);
  out.push("");
  if (r.sec) {
    const s = r.sec;
    out.push(`SEC: ${s.label}`);
    out.push(`  matched to a CIK: ${s.matched} of ${r.constituents} (${pct(s.matched)})`);
    out.push(
      `  unmatched tickers (${s.unmatched.length}): ${list(
        s.unmatched.map((x) => `${x.ticker} (${x.name})`),
        max,
      )}`,
    );
    if (s.matchedAsShareClass.length)
      out.push(
        `  matched by share-class spelling: ${list(
          s.matchedAsShareClass.map((x) => `${x.ticker} → ${x.secTicker}`),
          max,
        )}`,
      );
    out.push(
      `  companyfacts: ${s.companyFacts.found} read; missing ${s.companyFacts.missing.length}: ${list(
        s.companyFacts.missing.map((x) => `${x.ticker} (CIK ${x.cik})`),
        max,
      )}`,
    );
    for (const x of s.companyFacts.unreadable)
      out.push(`  companyfacts unreadable: ${x.ticker} (CIK ${x.cik}): ${x.message}`);
    const cf = s.companyFacts;
    if (cf.nonUsd.length)
      out.push(
        `  statements in another currency (money fields null): ${list(
          cf.nonUsd.map((x) => `${x.ticker} (${x.currency})`),
          max,
        )}`,
      );
    if (cf.notUsGaap.length)
      out.push(
        `  no us-gaap facts (not read; fields null): ${list(
          cf.notUsGaap.map((x) => `${x.ticker} (${x.taxonomies.join(", ") || "no financial facts"})`),
          max,
        )}`,
      );
    for (const x of cf.otherCurrencyFacts.slice(0, max))
      out.push(`  ${x.ticker}: USD statements; facts in other currencies not used: ${list(x.facts, 10)}`);
    const bases = Object.entries(cf.debtBasis).sort((a, b) => b[1].length - a[1].length);
    if (bases.length) {
      out.push("  total debt by combination of debt lines:");
      for (const [basis, tickers] of bases) out.push(`    ${basis}: ${tickers.length} (${list(tickers, 12)})`);
    }
    out.push(
      `  submissions: ${s.submissions.found} read; missing ${s.submissions.missing.length}: ${list(
        s.submissions.missing.map((x) => `${x.ticker} (CIK ${x.cik})`),
        max,
      )}`,
    );
    for (const x of s.submissions.unreadable)
      out.push(`  submissions unreadable: ${x.ticker} (CIK ${x.cik}): ${x.message}`);
    out.push("");
  } else out.push("SEC: none (holdings-only snapshot: no fundamentals)", "");
  out.push(
    "Field coverage (constituents with a value):",
    `  ${"field".padEnd(20)}${"TTM".padStart(12)}${"latest FY".padStart(12)}`,
  );
  for (const f of r.fields)
    out.push(`  ${f.field.padEnd(20)}${String(f.ttm).padStart(12)}${String(f.latestYear).padStart(12)}`);
  out.push("");
  const m = r.marketCap;
  out.push(
    `Market cap: ${m.fromShares} price × SEC shares; ${m.estimated} estimated from index weight; ${m.none} none`,
  );
  if (m.disagreements.length) {
    out.push(
      `  more than fivefold apart from the weight estimate (check share counts and free float): ${list(
        m.disagreements.map((d) => `${d.ticker} ${d.fromShares.toFixed(0)} vs ${d.estimated.toFixed(0)}`),
        max,
      )}`,
    );
  }
  if (r.stale.length)
    out.push(
      `Stale fundamentals (TTM ending over 15 months before ${r.asOf}): ${list(
        r.stale.map((x) => `${x.ticker} ${x.end}`),
        max,
      )}`,
    );
  out.push(
    `Index: ${r.index.name}; breakpoint USD ${r.index.breakpoint}m; upper band USD ${r.index.upperBand}m — ${r.index.bandSource}`,
  );
  return out.join("\n") + "\n";
}
