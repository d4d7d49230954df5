// Altman Z″ — the four-variable model for non-manufacturers and emerging markets (Altman 1995; Altman 2000,
// "Predicting financial distress of companies: revisiting the Z-score and ZETA models"), without the +3.25 constant
// of the emerging-market variant:
//   Z″ = 6.56·X1 + 3.26·X2 + 6.72·X3 + 1.05·X4
//   X1 = working capital / total assets        = (current assets − current liabilities) / total assets
//   X2 = retained earnings / total assets
//   X3 = EBIT / total assets                    (operating income of the current period)
//   X4 = book equity / total liabilities        (total liabilities = total assets − equity)
// Zones: Z″ > 2.60 safe; 1.10 ≤ Z″ ≤ 2.60 grey; Z″ < 1.10 distress. Balance-sheet values at the current period's end.
import { current } from "./metrics";
import type { Company } from "./types";

export const ALTMAN_WEIGHTS = { x1: 6.56, x2: 3.26, x3: 6.72, x4: 1.05 } as const;
export const ALTMAN_ZONES = { safeAbove: 2.6, distressBelow: 1.1 } as const;

export type AltmanZone = "safe" | "grey" | "distress";

export interface AltmanInputs {
  currentAssets: number | null;
  currentLiabilities: number | null;
  retainedEarnings: number | null;
  ebit: number | null;
  totalAssets: number | null;
  equity: number | null;
}

export interface AltmanResult {
  x1: number;
  x2: number;
  x3: number;
  x4: number;
  z: number;
  zone: AltmanZone;
}

export function altmanZ(i: AltmanInputs): AltmanResult | null {
  const { currentAssets: ca, currentLiabilities: cl, retainedEarnings: re, ebit, totalAssets: ta, equity: eq } = i;
  if (ca === null || cl === null || re === null || ebit === null || ta === null || eq === null) return null;
  const liabilities = ta - eq;
  if (!(ta > 0) || !(liabilities > 0)) return null;
  const x1 = (ca - cl) / ta;
  const x2 = re / ta;
  const x3 = ebit / ta;
  const x4 = eq / liabilities;
  const w = ALTMAN_WEIGHTS;
  const z = w.x1 * x1 + w.x2 * x2 + w.x3 * x3 + w.x4 * x4;
  return { x1, x2, x3, x4, z, zone: altmanZone(z) };
}

export function altmanZone(z: number): AltmanZone {
  if (z > ALTMAN_ZONES.safeAbove) return "safe";
  if (z < ALTMAN_ZONES.distressBelow) return "distress";
  return "grey";
}

export function altmanOf(c: Company): AltmanResult | null {
  const v = current(c);
  if (!v) return null;
  return altmanZ({
    currentAssets: v.currentAssets,
    currentLiabilities: v.currentLiabilities,
    retainedEarnings: v.retainedEarnings,
    ebit: v.operatingIncome,
    totalAssets: v.totalAssets,
    equity: v.equity,
  });
}
