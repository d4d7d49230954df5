// The provenance block above a static table, and the plain-words description of a table's filters. Both must read
// right in a workbook opened without the add-in, so they are ordinary text: no formulas, no links.
import { findField } from "../../model/catalogue";
import { PROFIT_BASIS_TEXT } from "../../model/profitability";
import type { ScreenCriteria } from "../../model/screen";
import { themeLabel } from "../../model/themes";

/** The first words of every provenance block: how a refresh recognises the block it wrote. */
export const PROVENANCE_MARK = "Qualis Small Caps";
/** Lines in the block, plus one empty row between the block and the table's header. */
export const PROVENANCE_LINES = 4;
export const PROVENANCE_ROWS = PROVENANCE_LINES + 1;

export interface ProvenanceFacts {
  isDemo: boolean;
  /** Date of the data, YYYY-MM-DD. */
  asOf: string;
  /** The snapshot's own description of its inputs. */
  source: string;
  /** Where the add-in read it from ("bundled demo universe", a URL, a holdings file). */
  origin: string;
}

const usdMillions = (n: number) => `$${n.toLocaleString("en-US", { maximumFractionDigits: 2 })}m`;
const percent = (p: number) => `${(p * 100).toLocaleString("en-US", { maximumFractionDigits: 2 })}%`;

/** "profitable on trailing net income; sectors: Energy, Industrials; market cap $300m–$2,000m", or "none". */
export function describeFilters(c: ScreenCriteria): string {
  const parts: string[] = [];
  if (c.profitable) parts.push(`profitable on ${PROFIT_BASIS_TEXT[c.profitable.basis]}`);
  if (c.minQuality != null) parts.push(`quality score at least ${c.minQuality}`);
  if (c.minGraduationProb != null) parts.push(`graduation probability at least ${percent(c.minGraduationProb)}`);
  if (c.themes?.length) parts.push(`themes: ${c.themes.map(themeLabel).join(" or ")}`);
  if (c.sectors?.length) parts.push(`sectors: ${c.sectors.join(", ")}`);
  const lo = c.marketCapMin;
  const hi = c.marketCapMax;
  if (lo != null && hi != null) parts.push(`market cap ${usdMillions(lo)}–${usdMillions(hi)}`);
  else if (lo != null) parts.push(`market cap at least ${usdMillions(lo)}`);
  else if (hi != null) parts.push(`market cap at most ${usdMillions(hi)}`);
  return parts.length ? parts.join("; ") : "none";
}

/** "sorted by Market cap ($m), largest first" — ticker order when there is no sort. */
export function describeSort(c: ScreenCriteria): string {
  const def = c.sort ? findField(c.sort.field) : undefined;
  if (!c.sort || !def) return "sorted by ticker (A–Z)";
  const dir =
    def.kind === "number"
      ? c.sort.descending
        ? "largest first"
        : "smallest first"
      : c.sort.descending
        ? "Z–A"
        : "A–Z";
  return `sorted by ${def.label}, ${dir}`;
}

/** "2026-11-25 14:03 UTC": the same text whatever the reader's locale. */
export function utcStamp(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function provenanceLines(
  facts: ProvenanceFacts,
  criteria: ScreenCriteria,
  rows: number,
  written: Date,
): string[] {
  const title = facts.isDemo
    ? `${PROVENANCE_MARK} · DEMO DATA: fictional companies, not real securities · static values, not updated`
    : `${PROVENANCE_MARK} · static values, not updated after they were written`;
  const source = facts.isDemo ? "DEMO universe (fictional companies)" : facts.source;
  const limit = criteria.limit != null ? `; first ${criteria.limit.toLocaleString("en-US")} rows` : "";
  return [
    title,
    `Source: ${source}, read from ${facts.origin} · data as of ${facts.asOf}`,
    `Filters: ${describeFilters(criteria)}; ${describeSort(criteria)}${limit} · ${rows.toLocaleString("en-US")} ${rows === 1 ? "company" : "companies"}`,
    `Written: ${utcStamp(written)}`,
  ];
}
