// The in-memory universe every layer works on: what a snapshot holds once it is validated and decoded.
import type { Fundamentals } from "./fundamentals";
import type { Sector } from "./sectors";
import type { ThemeId } from "./themes";

/** Which Russell index a company belongs to now. Only R2000 members can graduate. */
export type Membership = "R2000" | "R1000" | "none";

export interface FinancialPeriod {
  /** Last day of the period, YYYY-MM-DD. */
  end: string;
  values: Fundamentals;
}

export interface FiscalYear extends FinancialPeriod {
  fiscalYear: number;
}

export interface Company {
  ticker: string;
  name: string;
  /** SEC Central Index Key, without leading zeros; null where unknown. */
  cik: string | null;
  sector: Sector | null;
  /** Industry description (SIC title or similar); null where unknown. */
  industry: string | null;
  sic: number | null;
  themes: ThemeId[];
  /** USD. */
  price: number | null;
  /** Millions of shares. */
  sharesOutstanding: number | null;
  /** Total market cap, USD millions. */
  marketCap: number | null;
  /** True where the market cap was estimated (from index weight), not price × shares. */
  marketCapEstimated: boolean;
  /** Float-adjusted index weight, percent. */
  weight: number | null;
  /** Annualised volatility of returns (0.45 = 45%); null where unknown. */
  volatility: number | null;
  membership: Membership;
  /** Trailing twelve months; null where the snapshot has no fundamentals for this company. */
  ttm: FinancialPeriod | null;
  /** Fiscal years, most recent first, at most five. */
  years: FiscalYear[];
}

export interface ReconstitutionCalendar {
  /** Month (1–12) of the annual rank day: 4 (April) for Russell US. */
  annualRankMonth: number;
  /** Month of the late-year rank day, or null where there is none; configurable because FTSE Russell sets it. */
  lateRankMonth: number | null;
  /** First year with a late-year reconstitution (2026). */
  lateFromYear: number;
  /**
   * Which Friday (1–4) of the month after the late rank month the late-year reconstitution takes effect; absent:
   * the second (model/reconstitution.ts).
   */
  lateEffectiveFriday?: number;
}

export interface IndexFacts {
  name: string;
  /** Total market cap of the company ranked 1000 on rank day, USD millions. */
  breakpoint: number;
  /** Market cap an R2000 member must exceed to move up (breakpoint's cumulative percentile + band), USD millions. */
  upperBand: number;
  /** Band half-width in cumulative market-cap percentile points (2.5). */
  bandPercentile: number;
  /** Where breakpoint and band came from ("published 2025 figures", "computed from IWB holdings of …"). */
  bandSource: string;
  /**
   * The band's error in log units (a standard deviation): what the graduation probability allows for an upper band
   * that is itself estimated. Absent: 0, the band is taken as exact (the demo's).
   */
  bandSpread?: number;
  calendar: ReconstitutionCalendar;
}

export interface Coverage {
  constituents: number;
  withFundamentals: number;
  withMarketCap: number;
}

export interface Provenance {
  /** Date of the data, YYYY-MM-DD. */
  asOf: string;
  /** When the snapshot was written, ISO 8601. */
  generatedAt: string;
  /** "demo", or a description of the real inputs. */
  source: string;
  isDemo: boolean;
  coverage: Coverage;
  notes: string[];
}

export interface Universe {
  schemaVersion: number;
  provenance: Provenance;
  index: IndexFacts;
  companies: Company[];
}
