// The volatility the graduation probability uses for a company whose snapshot gives none (no --prices or --history):
// a prior by sector and size (docs/methodology.md, "Where each parameter comes from"). Estimated by
// scripts/fit-volatility-prior.js from price returns between the IWM holdings exports of 13 May 2025, 5 Nov 2025 and
// 10 Apr 2026 (pooled, annualised, returns clipped at a 4× move) — prices only, no reconstitution outcome.
import type { Sector } from "./sectors";

export const SIZE_BANDS = [
  { id: "below 1bn", upTo: 1_000 },
  { id: "1–3bn", upTo: 3_000 },
  { id: "3bn and up", upTo: Infinity },
] as const;

export type SizeBand = (typeof SIZE_BANDS)[number]["id"];

/** The size band of a market cap in USD millions. */
export function sizeBand(marketCap: number): SizeBand {
  return SIZE_BANDS.find((b) => marketCap < b.upTo)?.id ?? "3bn and up";
}

// σ by size band (below 1bn, 1–3bn, 3bn and up), each cell shrunk toward its band with weight n / (n + 30).
// prettier-ignore
const PRIOR: Record<Sector, readonly [number, number, number]> = {
  "Communication":          [0.61, 0.57, 0.49],
  "Consumer Discretionary": [0.56, 0.44, 0.39],
  "Consumer Staples":       [0.53, 0.48, 0.46],
  "Energy":                 [0.59, 0.59, 0.45],
  "Financials":             [0.36, 0.33, 0.31],
  "Health Care":            [0.82, 0.56, 0.51],
  "Industrials":            [0.58, 0.54, 0.54],
  "Information Technology": [0.71, 0.72, 0.63],
  "Materials":              [0.60, 0.52, 0.48],
  "Real Estate":            [0.46, 0.36, 0.35],
  "Utilities":              [0.51, 0.47, 0.39],
};
/** Where neither sector nor size is known: every company-interval pooled. */
export const PRIOR_ALL = 0.56;
/** By size alone, for a company without a sector. */
const PRIOR_BY_SIZE: readonly [number, number, number] = [0.61, 0.52, 0.47];

/** The prior volatility for a sector and market cap (USD m); either may be missing. */
export function priorVolatility(sector: Sector | null, marketCap: number | null): number {
  if (marketCap === null) return PRIOR_ALL;
  const i = SIZE_BANDS.findIndex((b) => b.id === sizeBand(marketCap));
  return (sector ? PRIOR[sector]?.[i] : undefined) ?? PRIOR_BY_SIZE[i]!;
}
