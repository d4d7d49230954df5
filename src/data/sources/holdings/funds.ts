// Which iShares fund a holdings file is (read from its line 1), the index it tracks, what membership its holdings
// get, and the index's total market cap used to estimate a holding's market cap from its float-adjusted weight.
// Edit the table to add a fund.
import type { Membership } from "../../../model/types";

export interface IndexTotalCap {
  /** USD millions. */
  value: number;
  /** Where the figure comes from and its date, shown in the snapshot's notes. */
  source: string;
}

export interface FundProfile {
  /** The fund's ticker. */
  id: string;
  /** Matches line 1 of the export ("iShares Russell 2000 ETF"). */
  pattern: RegExp;
  /** The index it tracks, as the snapshot names it. */
  indexName: string;
  /** Membership of every holding, or "by-rank": the 1,000 largest by market cap are R1000, the rest R2000. */
  membership: Membership | "by-rank";
  totalCap: IndexTotalCap;
}

// The Russell indexes' total market caps: dated defaults that agree with each other (April 2026). The Russell 1000 at
// about USD 63.4tn is what IWB's weights of 13 Apr 2026 imply with SEC share counts (price × shares ÷ weight, a
// median over its members — measured outside the repository's fixtures, which hold no share counts for them); the
// Russell 2000 at about USD 2.95tn likewise; the Russell 3000 is their sum. They drift with the market: the builder
// re-estimates the holdings' own index total from SEC share counts where it has them (--sec-dir, --fetch), and
// --index-total-cap / --r1000-total-cap override them.
const R1000_TOTAL_CAP = 63_400_000;
const R2000_TOTAL_CAP = 2_950_000;
const TOTAL_CAP_SOURCE = "dated default, April 2026: Russell 1000 ≈ USD 63.4tn, Russell 2000 ≈ USD 2.95tn";

export const FUNDS: readonly FundProfile[] = [
  {
    id: "IWM",
    pattern: /^ishares russell 2000 etf$/i,
    indexName: "Russell 2000",
    membership: "R2000",
    totalCap: {
      value: R2000_TOTAL_CAP,
      source: `Russell 2000 total market cap ≈ USD 2,950,000m (${TOTAL_CAP_SOURCE})`,
    },
  },
  {
    id: "IWB",
    pattern: /^ishares russell 1000 etf$/i,
    indexName: "Russell 1000",
    membership: "R1000",
    totalCap: {
      value: R1000_TOTAL_CAP,
      source: `Russell 1000 total market cap ≈ USD 63,400,000m (${TOTAL_CAP_SOURCE})`,
    },
  },
  {
    // The Russell 3000 holds both indexes and the file does not say which a holding belongs to: membership is
    // assigned by rank (the 1,000 largest by market cap are R1000), which ignores the band that keeps incumbents.
    id: "IWV",
    pattern: /^ishares russell 3000 etf$/i,
    indexName: "Russell 3000",
    membership: "by-rank",
    totalCap: {
      value: R1000_TOTAL_CAP + R2000_TOTAL_CAP,
      source: `Russell 3000 total market cap ≈ USD 66,350,000m (${TOTAL_CAP_SOURCE})`,
    },
  },
];

/** The fund of a holdings file by its line-1 name; null for a fund not in the table. */
export function fundProfile(name: string): FundProfile | null {
  return FUNDS.find((f) => f.pattern.test(name.trim())) ?? null;
}
