// Ticker lookup over a universe, built once per universe.
import { failure, type Failure, type Outcome, success } from "./outcome";
import { normalizeTicker } from "./tickers";
import type { Company, Universe } from "./types";

export class UniverseIndex {
  private readonly byTicker = new Map<string, Company>();

  constructor(readonly universe: Universe) {
    for (const c of universe.companies) this.byTicker.set(normalizeTicker(c.ticker), c);
  }

  find(ticker: string): Company | undefined {
    // A key is its own normal form, so a ticker spelled as a key is found as it is, without normalising it.
    return this.byTicker.get(ticker) ?? this.byTicker.get(normalizeTicker(ticker));
  }

  company(ticker: string): Outcome<Company> {
    const c = this.find(ticker);
    return c ? success(c) : this.unknownTicker(ticker);
  }

  unknownTicker(ticker: string): Failure {
    const { index, provenance } = this.universe;
    const label = provenance.isDemo ? `${index.name} DEMO snapshot` : `${index.name} snapshot`;
    return failure("unknown_ticker", `Unknown ticker '${ticker.trim()}' — not in the ${label} of ${provenance.asOf}`);
  }
}

export function noFundamentals(c: Company): Failure {
  return failure("no_fundamentals", `No fundamentals for '${c.ticker}' in this snapshot`);
}
