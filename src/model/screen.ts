// Screening the universe: the filters of QUALIS.CONSTITUENTS and the task pane's table builder, in one place.
import type { ProfitBasis } from "./profitability";
import type { Sector } from "./sectors";
import type { ThemeId } from "./themes";

export interface ScreenCriteria {
  /** Keep only companies profitable on this basis (unknown profitability is excluded). */
  profitable?: { basis: ProfitBasis } | null;
  /** Minimum quality score, 0–100 (companies without a score are excluded). */
  minQuality?: number | null;
  /** Keep companies carrying any of these themes. Empty or absent: no theme filter. */
  themes?: ThemeId[];
  /** Keep companies in any of these sectors. Empty or absent: no sector filter. */
  sectors?: Sector[];
  /** Market-cap range, USD millions, inclusive. */
  marketCapMin?: number | null;
  marketCapMax?: number | null;
  /** Minimum probability of moving to the Russell 1000 at the next reconstitution (0–1). */
  minGraduationProb?: number | null;
  /** Sort by a catalogue field; ties and missing values keep ticker order. Default: ticker ascending. */
  sort?: { field: string; descending: boolean } | null;
  /** At most this many rows after sorting. */
  limit?: number | null;
}
