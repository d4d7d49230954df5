// The five pillars of the quality score and their weights (docs/methodology.md). Which metrics each pillar reads, on
// each scoring path, is in quality.ts.
export const PILLARS = [
  { id: "profitability", label: "Profitability", weight: 0.25 },
  { id: "cash_generation", label: "Cash generation", weight: 0.25 },
  { id: "balance_sheet", label: "Balance sheet", weight: 0.2 },
  { id: "stability", label: "Stability", weight: 0.15 },
  { id: "piotroski", label: "Piotroski F-score", weight: 0.15 },
] as const;

export type PillarId = (typeof PILLARS)[number]["id"];

/** A score needs at least this many pillars with data. */
export const MIN_PILLARS = 3;

/** The two scoring paths: operating companies, and financials & real estate ranked among their own group. */
export type ScorePath = "operating" | "financial";

export const SCORE_PATH_LABELS: Record<ScorePath, string> = {
  operating: "Operating companies",
  financial: "Financials & real estate",
};
