// Between the wire format (snapshot-schema.ts) and the in-memory Universe the model works on.
import { FUNDAMENTAL_FIELDS, type Fundamentals } from "../model/fundamentals";
import type { Company, FinancialPeriod, FiscalYear, Universe } from "../model/types";
import type { ThemeId } from "../model/themes";
import { cleanDisplayText } from "../model/text";
import { SCHEMA_VERSION, type CompanyWire, type SnapshotWire } from "./snapshot-schema";

/**
 * A period's values as the model reads them. Written out as one object literal, in FUNDAMENTAL_FIELDS' order (the
 * round-trip test in tests/data/snapshot-validate.test.ts holds the two together), because a load makes ~12,000 of
 * these: a literal is allocated whole, where adding sixteen computed keys one by one (the loop this replaced) took
 * about four times as long, some 10 ms of a demo-snapshot load.
 */
function toValues(v: readonly (number | null)[]): Fundamentals {
  return {
    revenue: v[0] ?? null,
    grossProfit: v[1] ?? null,
    operatingIncome: v[2] ?? null,
    netIncome: v[3] ?? null,
    operatingCashFlow: v[4] ?? null,
    capex: v[5] ?? null,
    totalAssets: v[6] ?? null,
    currentAssets: v[7] ?? null,
    currentLiabilities: v[8] ?? null,
    totalDebt: v[9] ?? null,
    cash: v[10] ?? null,
    equity: v[11] ?? null,
    interestExpense: v[12] ?? null,
    ebitda: v[13] ?? null,
    retainedEarnings: v[14] ?? null,
    sharesOutstanding: v[15] ?? null,
  };
}

function fromValues(values: Fundamentals): (number | null)[] {
  return FUNDAMENTAL_FIELDS.map((f) => values[f]);
}

function decodeCompany(c: CompanyWire): Company {
  const ttm: FinancialPeriod | null = c.ttm ? { end: c.ttm.end, values: toValues(c.ttm.v) } : null;
  const years: FiscalYear[] = c.years.map((y) => ({ fiscalYear: y.fy, end: y.end, values: toValues(y.v) }));
  return {
    ticker: c.ticker,
    name: cleanDisplayText(c.name),
    cik: c.cik,
    sector: c.sector,
    industry: c.industry === null ? null : cleanDisplayText(c.industry),
    sic: c.sic,
    themes: c.themes as ThemeId[],
    price: c.price,
    sharesOutstanding: c.sharesOutstanding,
    marketCap: c.marketCap,
    marketCapEstimated: c.marketCapEstimated,
    weight: c.weight,
    volatility: c.volatility,
    membership: c.membership,
    ttm,
    years,
  };
}

export function decodeSnapshot(w: SnapshotWire): Universe {
  return {
    schemaVersion: w.schemaVersion,
    provenance: w.provenance,
    index: w.index,
    companies: w.companies.map(decodeCompany),
  };
}

export function encodeSnapshot(u: Universe): SnapshotWire {
  return {
    schemaVersion: SCHEMA_VERSION,
    provenance: u.provenance,
    index: u.index,
    fundamentalFields: [...FUNDAMENTAL_FIELDS],
    companies: u.companies.map((c) => ({
      ticker: c.ticker,
      name: c.name,
      cik: c.cik,
      sector: c.sector,
      industry: c.industry,
      sic: c.sic,
      themes: c.themes,
      price: c.price,
      sharesOutstanding: c.sharesOutstanding,
      marketCap: c.marketCap,
      marketCapEstimated: c.marketCapEstimated,
      weight: c.weight,
      volatility: c.volatility,
      membership: c.membership,
      ttm: c.ttm ? { end: c.ttm.end, v: fromValues(c.ttm.values) } : null,
      years: c.years.map((y) => ({ fy: y.fiscalYear, end: y.end, v: fromValues(y.values) })),
    })),
  };
}

/** The snapshot as the compact JSON text that is shipped and served. */
export function serializeSnapshot(u: Universe): string {
  return JSON.stringify(encodeSnapshot(u));
}
