// The one step where every source's output becomes the standard universe: the demo generator, a holdings file and the
// SEC join each hand over their companies, index facts and what they are, and this sets the schema version and
// writes the provenance, its coverage counted from the companies (docs/snapshot-format.md).
import type { Company, IndexFacts, Universe } from "../../model/types";
import { SCHEMA_VERSION } from "../snapshot-schema";

export interface UniverseParts {
  asOf: string;
  /** ISO time of the build (default: now). */
  generatedAt?: string;
  /** The description of the inputs ("demo" for the demo universe). */
  source: string;
  /** Fictional companies: the universe is labelled DEMO wherever it is shown. */
  isDemo?: boolean;
  notes: string[];
  index: IndexFacts;
  companies: Company[];
}

/** How many constituents there are, and how many have fundamentals and a market cap. */
export function coverageOf(companies: readonly Company[]): Universe["provenance"]["coverage"] {
  return {
    constituents: companies.length,
    withFundamentals: companies.filter((c) => c.ttm !== null).length,
    withMarketCap: companies.filter((c) => c.marketCap !== null).length,
  };
}

/** A universe of these parts, its provenance complete. */
export function assembleUniverse(p: UniverseParts): Universe {
  return {
    schemaVersion: SCHEMA_VERSION,
    provenance: {
      asOf: p.asOf,
      generatedAt: p.generatedAt ?? new Date().toISOString(),
      source: p.source,
      isDemo: p.isDemo ?? false,
      coverage: coverageOf(p.companies),
      notes: p.notes,
    },
    index: p.index,
    companies: p.companies,
  };
}
