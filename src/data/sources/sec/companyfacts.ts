// The SEC's XBRL companyfacts JSON (https://data.sec.gov/api/xbrl/companyfacts/CIK##########.json) → a company's
// trailing twelve months and up to five fiscal years of the sixteen fundamental fields (concepts.ts says which
// us-gaap concepts feed each field). Pure: a parsed document in, fundamentals out.
//
// The rules, as documented in docs/real-data.md:
// - Facts are taken from 10-K, 10-Q, 20-F, 40-F and transition reports (10-KT, 10-QT) and their amendments (/A).
// - Duplicates: one period of one concept is often reported several times (the original 10-K, a 10-K/A, the next
//   year's 10-K as a comparative, 10-Qs repeating a balance sheet). The latest filed wins; on the same filing date
//   an amendment wins. So restatements replace what they restate.
// - Fiscal years are the ~12-month periods (350–380 days) reported in annual reports (10-K …). A fiscal year is
//   named by the calendar year it ends in (a year ending 30 June 2025 is fiscal 2025), except that a 52/53-week year
//   ending in the first seven days of January counts as the previous year. The SEC's own `fy` field is NOT used: it
//   is the fiscal year of the filing, so a 10-K's comparative figures carry the new year's `fy`.
// - Quarters are 3-month periods (80–100 days): reported directly, or derived from year-to-date figures of one
//   fiscal year (6 months − 3 months, 9 months − 6 months, and Q4 = full year − 9 months); cash-flow statements
//   in 10-Qs are year-to-date only.
// - TTM: where four consecutive quarters of net income (else revenue) end after the last fiscal year, the TTM ends
//   with the latest of them; every flow field is the sum of its own four quarters there (null where it lacks one —
//   never a mix of periods), and balance-sheet items are the balances at that quarter end. Otherwise the TTM is the
//   last fiscal year.
// - Units: USD facts become USD millions, share counts millions. A filer whose statements are in another currency
//   gets nulls (currency.ts says which currency the statements are in and names facts in other currencies).
// - Total debt and interest expense: debt.ts (combinations of debt lines, never counting a part twice).
import {
  FUNDAMENTAL_FIELDS,
  emptyFundamentals,
  type FundamentalField,
  type Fundamentals,
} from "../../../model/fundamentals";
import type { FinancialPeriod, FiscalYear } from "../../../model/types";
import { COST_OF_REVENUE, DEPRECIATION_AMORTIZATION, FIELD_SOURCES, type Candidate } from "./concepts";
import { currencyReport, type CurrencyReport } from "./currency";
import { interestExpense, totalDebt } from "./debt";

export interface Fact {
  start: string | null;
  end: string;
  val: number;
  accn: string;
  form: string;
  filed: string;
}

export interface CompanyFacts {
  cik: string;
  entityName: string;
  /** "us-gaap:Revenues" → unit → facts, as filed (before de-duplication). */
  concepts: Map<string, Record<string, Fact[]>>;
  /** Facts that were not in the documented shape (missing end, val not a number …) and were left out. */
  malformedFacts: number;
}

export class CompanyFactsError extends Error {}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a companyfacts document; refuses one without the {cik, facts} shape, skips (and counts) malformed facts. */
export function parseCompanyFacts(doc: unknown): CompanyFacts {
  if (!doc || typeof doc !== "object") throw new CompanyFactsError("companyfacts: not a JSON object");
  const d = doc as { cik?: unknown; entityName?: unknown; facts?: unknown };
  if (typeof d.cik !== "number" && typeof d.cik !== "string") throw new CompanyFactsError("companyfacts: no cik");
  if (!d.facts || typeof d.facts !== "object") throw new CompanyFactsError("companyfacts: no facts object");
  const concepts = new Map<string, Record<string, Fact[]>>();
  let malformed = 0;
  for (const [taxonomy, byConcept] of Object.entries(d.facts as Record<string, unknown>)) {
    if (!byConcept || typeof byConcept !== "object") continue;
    for (const [name, concept] of Object.entries(byConcept as Record<string, { units?: unknown }>)) {
      const units = concept?.units;
      if (!units || typeof units !== "object") continue;
      const out: Record<string, Fact[]> = {};
      for (const [unit, list] of Object.entries(units as Record<string, unknown>)) {
        if (!Array.isArray(list)) continue;
        const facts: Fact[] = [];
        for (const raw of list as Record<string, unknown>[]) {
          const ok =
            raw &&
            typeof raw.end === "string" &&
            DATE.test(raw.end) &&
            typeof raw.val === "number" &&
            Number.isFinite(raw.val) &&
            typeof raw.form === "string" &&
            typeof raw.filed === "string" &&
            (raw.start === undefined || (typeof raw.start === "string" && DATE.test(raw.start)));
          if (!ok) {
            malformed++;
            continue;
          }
          facts.push({
            start: (raw.start as string | undefined) ?? null,
            end: raw.end as string,
            val: raw.val as number,
            accn: String(raw.accn ?? ""),
            form: raw.form as string,
            filed: raw.filed as string,
          });
        }
        out[unit] = facts;
      }
      concepts.set(`${taxonomy}:${name}`, out);
    }
  }
  return {
    cik: String(Number(d.cik)),
    entityName: typeof d.entityName === "string" ? d.entityName : "",
    concepts,
    malformedFacts: malformed,
  };
}

// ── Dates ────────────────────────────────────────────────────────────────────────────────────────────────────

const DAY = 86_400_000;
const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
/** Inclusive length in days: 2024-01-01 … 2024-12-31 is 366. */
export const days = (start: string, end: string) => Math.round((time(end) - time(start)) / DAY) + 1;
const addDays = (iso: string, n: number) => new Date(time(iso) + n * DAY).toISOString().slice(0, 10);

const isAnnualLength = (d: number) => d >= 350 && d <= 380;
const isQuarterLength = (d: number) => d >= 80 && d <= 100;

/** The calendar year a fiscal year ends in; a 52/53-week year ending 1–7 January belongs to the year before. */
export function fiscalYearOf(end: string): number {
  const y = Number(end.slice(0, 4));
  return end.slice(5, 7) === "01" && Number(end.slice(8, 10)) <= 7 ? y - 1 : y;
}

const FORMS = /^(10-K|10-Q|10-KT|10-QT|20-F|40-F)(\/A)?$/;
const ANNUAL_FORMS = /^(10-K|10-KT|20-F|40-F)(\/A)?$/;

// ── One concept's facts, de-duplicated ──────────────────────────────────────────────────────────────────────

/** True where b replaces a: filed later, or on the same day as an amendment of an original. */
export function supersedes(b: Fact, a: Fact): boolean {
  if (b.filed !== a.filed) return b.filed > a.filed;
  return b.form.endsWith("/A") && !a.form.endsWith("/A");
}

interface Span {
  start: string;
  end: string;
  val: number;
}

class Series {
  /** "start|end" → the winning fact of a duration. */
  readonly durations = new Map<string, Fact>();
  /** end → the winning fact of an instant. */
  readonly instants = new Map<string, Fact>();
  private quarterMap: Map<string, Span> | null = null;

  constructor(facts: readonly Fact[]) {
    for (const f of facts) {
      if (!FORMS.test(f.form)) continue;
      const map = f.start ? this.durations : this.instants;
      const key = f.start ? `${f.start}|${f.end}` : f.end;
      const held = map.get(key);
      if (!held || supersedes(f, held)) map.set(key, f);
    }
  }

  /** The value over a fiscal year: the ~12-month duration ending `end`, preferably starting `start`. */
  annual(start: string, end: string): number | null {
    const exact = this.durations.get(`${start}|${end}`);
    if (exact) return exact.val;
    let best: Fact | null = null;
    for (const f of this.durations.values()) {
      if (f.end === end && isAnnualLength(days(f.start!, f.end)) && (!best || supersedes(f, best))) best = f;
    }
    return best ? best.val : null;
  }

  instant(end: string): number | null {
    return this.instants.get(end)?.val ?? null;
  }

  /** Quarters by end date: reported 3-month figures, else differences of one fiscal year's year-to-date figures. */
  quarters(): Map<string, Span> {
    if (this.quarterMap) return this.quarterMap;
    const q = new Map<string, Span>();
    const byStart = new Map<string, Fact[]>();
    for (const f of this.durations.values()) {
      const len = days(f.start!, f.end);
      if (isQuarterLength(len)) q.set(f.end, { start: f.start!, end: f.end, val: f.val });
      if (len <= 380) byStart.set(f.start!, [...(byStart.get(f.start!) ?? []), f]);
    }
    for (const list of byStart.values()) {
      list.sort((a, b) => (a.end < b.end ? -1 : 1));
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1]!;
        const cur = list[i]!;
        const start = addDays(prev.end, 1);
        if (!q.has(cur.end) && isQuarterLength(days(start, cur.end)))
          q.set(cur.end, { start, end: cur.end, val: cur.val - prev.val });
      }
    }
    this.quarterMap = q;
    return q;
  }
}

// ── A company's periods and fields ───────────────────────────────────────────────────────────────────────────

interface FyPeriod {
  fiscalYear: number;
  start: string;
  end: string;
}

/** The quarters (latest first) whose sum is a trailing twelve months ending `end`. */
type QuarterChain = readonly Span[];

type Resolver = (concept: string) => number | null;

export interface ExtractedFundamentals {
  ttm: FinancialPeriod | null;
  years: FiscalYear[];
  /** Current shares outstanding, millions: the latest cover-page count (all classes), else the TTM's. */
  shares: { value: number; source: string } | null;
  /** The statements' currency (money fields are null unless USD) and the facts in other currencies. */
  currency: CurrencyReport;
  /** The debt combination of the TTM's balance sheet (else the latest fiscal year's): "LongTermDebtNoncurrent + DebtCurrent". */
  debtBasis: string | null;
}

const MONEY_DIVISOR = 1e6;

function tidy(x: number): number {
  return Number((x / MONEY_DIVISOR).toPrecision(12));
}

export class FactsReader {
  private readonly series = new Map<string, Series>();

  constructor(private readonly facts: CompanyFacts) {}

  private get(concept: string, unit: string): Series | null {
    const key = `${concept}@${unit}`;
    let s = this.series.get(key);
    if (s === undefined) {
      const qualified = concept.includes(":") ? concept : `us-gaap:${concept}`;
      const list = this.facts.concepts.get(qualified)?.[unit];
      s = new Series(list ?? []);
      this.series.set(key, s);
    }
    return s;
  }

  /** The first candidate with a value (a sum candidate needs its first part; the rest add where present). */
  private candidate(candidates: readonly Candidate[], resolve: Resolver): number | null {
    for (const c of candidates) {
      const parts = typeof c === "string" ? [c] : c;
      const head = resolve(parts[0]!);
      if (head === null) continue;
      return parts.slice(1).reduce((sum, p) => sum + (resolve(p) ?? 0), head);
    }
    return null;
  }

  /** Fiscal years: ~12-month durations in annual reports, one per fiscal-year number (the latest end), newest first. */
  fiscalYears(): FyPeriod[] {
    const starts = new Map<string, Map<string, number>>();
    for (const [name, units] of this.facts.concepts) {
      if (!name.startsWith("us-gaap:")) continue;
      for (const f of units.USD ?? []) {
        if (!f.start || !ANNUAL_FORMS.test(f.form) || !isAnnualLength(days(f.start, f.end))) continue;
        const m = starts.get(f.end) ?? new Map<string, number>();
        m.set(f.start, (m.get(f.start) ?? 0) + 1);
        starts.set(f.end, m);
      }
    }
    const byYear = new Map<number, FyPeriod>();
    for (const [end, m] of starts) {
      const start = [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
      const fiscalYear = fiscalYearOf(end);
      const held = byYear.get(fiscalYear);
      if (!held || end > held.end) byYear.set(fiscalYear, { fiscalYear, start, end });
    }
    return [...byYear.values()].sort((a, b) => b.fiscalYear - a.fiscalYear);
  }

  private flowOverYear(field: FundamentalField | "costOfRevenue" | "depreciation", fy: FyPeriod): number | null {
    return this.flow(field, (concept) => this.get(concept, "USD")!.annual(fy.start, fy.end));
  }

  /** A flow over four quarters: the sum where every quarter has a value, else null. */
  private flowOverQuarters(
    field: FundamentalField | "costOfRevenue" | "depreciation",
    chain: QuarterChain,
  ): number | null {
    let total = 0;
    for (const q of chain) {
      const v = this.flow(field, (concept) => this.get(concept, "USD")!.quarters().get(q.end)?.val ?? null);
      if (v === null) return null;
      total += v;
    }
    return total;
  }

  private flow(field: FundamentalField | "costOfRevenue" | "depreciation", resolve: Resolver): number | null {
    if (field === "costOfRevenue") return this.candidate(COST_OF_REVENUE, resolve);
    if (field === "depreciation") return this.candidate(DEPRECIATION_AMORTIZATION, resolve);
    if (field === "interestExpense") return interestExpense(resolve);
    return this.candidate(FIELD_SOURCES[field].candidates, resolve);
  }

  /** Four consecutive quarters of `field` ending `end` (each starting within a week of the previous one's end). */
  private chain(field: FundamentalField, end: string): QuarterChain | null {
    const merged = new Map<string, Span>();
    for (const c of FIELD_SOURCES[field].candidates) {
      for (const [e, s] of this.get(typeof c === "string" ? c : c[0]!, "USD")!.quarters())
        if (!merged.has(e)) merged.set(e, s);
    }
    const out: Span[] = [];
    let q = merged.get(end);
    while (q && out.length < 4) {
      out.push(q);
      if (out.length === 4) break;
      const before = q.start;
      q = [...merged.values()].find((s) => s.end < before && days(s.end, before) <= 8);
    }
    return out.length === 4 ? out : null;
  }

  /** The latest four-quarter TTM of net income (else revenue) that ends after `after`. */
  private ttmChain(after: string): QuarterChain | null {
    for (const anchor of ["netIncome", "revenue"] as const) {
      const ends = new Set<string>();
      for (const c of FIELD_SOURCES[anchor].candidates)
        for (const e of this.get(typeof c === "string" ? c : c[0]!, "USD")!
          .quarters()
          .keys())
          ends.add(e);
      for (const end of [...ends]
        .filter((e) => e > after)
        .sort()
        .reverse()) {
        const chain = this.chain(anchor, end);
        if (chain) return chain;
      }
    }
    return null;
  }

  /** Latest cover-page share count: every class's EntityCommonStockSharesOutstanding of the latest filing, summed. */
  coverShares(): { value: number; end: string } | null {
    const facts = (this.facts.concepts.get("dei:EntityCommonStockSharesOutstanding")?.shares ?? []).filter(
      (f) => !f.start,
    );
    if (facts.length === 0) return null;
    const latest = facts.reduce((a, b) => (b.filed > a.filed || (b.filed === a.filed && b.end > a.end) ? b : a));
    const same = facts.filter((f) => f.accn === latest.accn && f.end === latest.end);
    return { value: same.reduce((s, f) => s + f.val, 0), end: latest.end };
  }

  private values(
    flow: (f: FundamentalField | "costOfRevenue" | "depreciation") => number | null,
    end: string,
    shares: (resolve: Resolver) => number | null,
  ): Fundamentals {
    const v = emptyFundamentals();
    for (const field of FUNDAMENTAL_FIELDS) {
      const src = FIELD_SOURCES[field];
      if (field === "ebitda" || field === "sharesOutstanding" || src.unit !== "USD") continue;
      const atEnd = (c: string) => this.get(c, "USD")!.instant(end);
      if (field === "totalDebt") v[field] = totalDebt(atEnd)?.value ?? null;
      else v[field] = src.kind === "instant" ? this.candidate(src.candidates, atEnd) : flow(field);
    }
    if (v.grossProfit === null && v.revenue !== null) {
      const cost = flow("costOfRevenue");
      if (cost !== null) v.grossProfit = v.revenue - cost;
    }
    const da = flow("depreciation");
    v.ebitda = v.operatingIncome !== null && da !== null ? v.operatingIncome + da : null;
    const raw = shares((c) => this.get(c, "shares")!.instant(end));
    for (const field of FUNDAMENTAL_FIELDS) {
      const x = field === "sharesOutstanding" ? raw : v[field];
      v[field] = x === null ? null : tidy(x);
    }
    return v;
  }

  extract(): ExtractedFundamentals {
    const fys = this.fiscalYears();
    const years: FiscalYear[] = fys.slice(0, 5).map((fy) => ({
      fiscalYear: fy.fiscalYear,
      end: fy.end,
      values: this.values(
        (f) => this.flowOverYear(f, fy),
        fy.end,
        (instant) =>
          instant("CommonStockSharesOutstanding") ??
          this.get("WeightedAverageNumberOfSharesOutstandingBasic", "shares")!.annual(fy.start, fy.end),
      ),
    }));
    const cover = this.coverShares();
    const lastFy = fys[0];
    const chain = this.ttmChain(lastFy?.end ?? "0000-00-00");
    let ttm: FinancialPeriod | null = null;
    const ttmShares = (instant: Resolver, weighted: () => number | null) =>
      instant("CommonStockSharesOutstanding") ?? cover?.value ?? weighted();
    if (chain) {
      const end = chain[0]!.end;
      ttm = {
        end,
        values: this.values(
          (f) => this.flowOverQuarters(f, chain),
          end,
          (instant) =>
            ttmShares(
              instant,
              () =>
                this.get("WeightedAverageNumberOfSharesOutstandingBasic", "shares")!.quarters().get(end)?.val ?? null,
            ),
        ),
      };
    } else if (lastFy) {
      ttm = {
        end: lastFy.end,
        values: this.values(
          (f) => this.flowOverYear(f, lastFy),
          lastFy.end,
          (instant) =>
            ttmShares(instant, () =>
              this.get("WeightedAverageNumberOfSharesOutstandingBasic", "shares")!.annual(lastFy.start, lastFy.end),
            ),
        ),
      };
    }
    const shares = cover
      ? { value: tidy(cover.value), source: `dei:EntityCommonStockSharesOutstanding of ${cover.end}` }
      : ttm?.values.sharesOutstanding != null
        ? { value: ttm.values.sharesOutstanding, source: `shares outstanding at ${ttm.end}` }
        : null;
    const debtEnd = ttm?.end ?? lastFy?.end;
    const debtBasis = debtEnd ? (totalDebt((c) => this.get(c, "USD")!.instant(debtEnd))?.basis ?? null) : null;
    return { ttm, years, shares, currency: currencyReport(this.facts), debtBasis };
  }
}

/** Fundamentals of one companyfacts document (already JSON-parsed). */
export function extractFundamentals(doc: unknown): ExtractedFundamentals {
  return new FactsReader(parseCompanyFacts(doc)).extract();
}
