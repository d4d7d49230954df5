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

// The Russell indexes' total market caps. FTSE Russell publishes them on each index's factsheet; these defaults are
// round figures of late 2024 (the Russell 3000 at about USD 44tn; the Russell 2000 at about 7% of it, the Russell
// 1000 at about 93%) and drift with the market: pass the current factsheet figure (--index-total-cap, or the
// `indexTotalCap` option) when the estimate matters.
const R3000_TOTAL_CAP = 44_000_000;
const TOTAL_CAP_SOURCE =
  "FTSE Russell, late 2024: Russell 3000 ≈ USD 44tn, of which the Russell 2000 ≈ 7% and the Russell 1000 ≈ 93%";

export const FUNDS: readonly FundProfile[] = [
  {
    id: "IWM",
    pattern: /^ishares russell 2000 etf$/i,
    indexName: "Russell 2000",
    membership: "R2000",
    totalCap: { value: 3_000_000, source: `Russell 2000 total market cap ≈ USD 3,000,000m (${TOTAL_CAP_SOURCE})` },
  },
  {
    id: "IWB",
    pattern: /^ishares russell 1000 etf$/i,
    indexName: "Russell 1000",
    membership: "R1000",
    totalCap: { value: 41_000_000, source: `Russell 1000 total market cap ≈ USD 41,000,000m (${TOTAL_CAP_SOURCE})` },
  },
  {
    // The Russell 3000 holds both indexes and the file does not say which a holding belongs to: membership is
    // assigned by rank (the 1,000 largest by market cap are R1000), which ignores the band that keeps incumbents.
    id: "IWV",
    pattern: /^ishares russell 3000 etf$/i,
    indexName: "Russell 3000",
    membership: "by-rank",
    totalCap: {
      value: R3000_TOTAL_CAP,
      source: `Russell 3000 total market cap ≈ USD 44,000,000m (${TOTAL_CAP_SOURCE})`,
    },
  },
];

/** The fund of a holdings file by its line-1 name; null for a fund not in the table. */
export function fundProfile(name: string): FundProfile | null {
  return FUNDS.find((f) => f.pattern.test(name.trim())) ?? null;
}
