// Small hand-made universes for tests: every value is chosen in the test, so expected results can be worked out
// by hand.
import { emptyFundamentals, type Fundamentals } from "../../src/model/fundamentals";
import type { Company, FiscalYear, Universe } from "../../src/model/types";

export function values(v: Partial<Fundamentals>): Fundamentals {
  return { ...emptyFundamentals(), ...v };
}

export function year(fiscalYear: number, v: Partial<Fundamentals>, end = `${fiscalYear}-12-31`): FiscalYear {
  return { fiscalYear, end, values: values(v) };
}

export function company(ticker: string, over: Partial<Company> = {}): Company {
  return {
    ticker,
    name: `${ticker} Test Corp`,
    cik: null,
    sector: "Industrials",
    industry: null,
    sic: null,
    themes: [],
    price: 10,
    sharesOutstanding: 100,
    marketCap: 1000,
    marketCapEstimated: false,
    weight: null,
    volatility: 0.4,
    membership: "R2000",
    ttm: null,
    years: [],
    ...over,
  };
}

export function universe(companies: Company[], over: Partial<Universe["provenance"]> = {}): Universe {
  return {
    schemaVersion: 1,
    provenance: {
      asOf: "2026-04-30",
      generatedAt: "2026-04-30T18:00:00.000Z",
      source: "test universe",
      isDemo: false,
      coverage: {
        constituents: companies.length,
        withFundamentals: companies.filter((c) => c.ttm !== null).length,
        withMarketCap: companies.filter((c) => c.marketCap !== null).length,
      },
      notes: [],
      ...over,
    },
    index: {
      name: "Russell 2000",
      breakpoint: 4600,
      upperBand: 7000,
      bandPercentile: 2.5,
      bandSource: "test",
      calendar: { annualRankMonth: 4, lateRankMonth: 11, lateFromYear: 2026 },
    },
    companies,
  };
}
