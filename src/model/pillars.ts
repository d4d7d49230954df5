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

/** The two scoring paths: operating companies, and financials & real estate ranked among their own group. */
export type ScorePath = "operating" | "financial";

/**
 * A score needs at least this many pillars with data: 3 of the 5 operating pillars; 2 of the 3 financial pillars, so
 * profitability and balance sheet (income statement and balance sheet alone) score a bank with under three years.
 */
export const MIN_PILLARS_BY_PATH: Readonly<Record<ScorePath, number>> = { operating: 3, financial: 2 };
/** The operating path's minimum (the documented headline figure). */
export const MIN_PILLARS = MIN_PILLARS_BY_PATH.operating;

export const SCORE_PATH_LABELS: Record<ScorePath, string> = {
  operating: "Operating companies",
  financial: "Financials & real estate",
};
