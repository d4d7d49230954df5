// Small hand-made universes for tests: every value is chosen in the test, so expected results can be worked out
// by hand.
import { defaultIndexFacts } from "../../src/data/index-facts";
import { coverageOf } from "../../src/data/sources/assemble-universe";
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
      coverage: coverageOf(companies),
      notes: [],
      ...over,
    },
    index: { ...defaultIndexFacts("Russell 2000"), bandSource: "test" },
    companies,
  };
}
