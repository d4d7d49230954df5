// Screening the universe: the filters of QUALIS.CONSTITUENTS and the task pane's table builder, in one place.
import { failure, success, type Outcome } from "./outcome";
import { DEFAULT_PROFIT_BASIS, parseProfitBasis, PROFIT_BASES, type ProfitBasis } from "./profitability";
import { parseSector, SECTORS, type Sector } from "./sectors";
import { parseTheme, THEMES, type ThemeId } from "./themes";

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

/**
 * QUALIS.CONSTITUENTS([theme], [sector], [profitable]) as screening criteria. Theme and sector are text, matched
 * case-insensitively (a theme by its id or its label, a sector in GICS or iShares spelling); several may be given
 * comma-separated, and a company passes when it matches any of them. `profitable`: blank or FALSE — no filter;
 * TRUE — profitable on the default basis (trailing net income); a basis name — profitable on that basis.
 */
export function constituentsCriteria(theme: unknown, sector: unknown, profitable: unknown): Outcome<ScreenCriteria> {
  const themes = parseList(
    theme,
    parseTheme,
    () => `Unknown theme '%s' — use one of: ${THEMES.map((t) => t.id).join(", ")}`,
  );
  if (!themes.ok) return themes;
  const sectors = parseList(sector, parseSector, () => `Unknown sector '%s' — use one of: ${SECTORS.join(", ")}`);
  if (!sectors.ok) return sectors;
  const prof = parseProfitableFilter(profitable);
  if (!prof.ok) return prof;
  return success({ themes: themes.value, sectors: sectors.value, profitable: prof.value });
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

function parseList<T>(raw: unknown, parse: (text: string) => T | null, message: () => string): Outcome<T[]> {
  if (blank(raw)) return success([]);
  const out: T[] = [];
  for (const part of String(raw).split(",")) {
    if (part.trim() === "") continue;
    const hit = parse(part);
    if (hit === null) return failure("invalid_argument", message().replace("%s", part.trim()));
    out.push(hit);
  }
  return success(out);
}

function parseProfitableFilter(raw: unknown): Outcome<{ basis: ProfitBasis } | null> {
  if (blank(raw) || raw === false || raw === 0) return success(null);
  if (raw === true || raw === 1) return success({ basis: DEFAULT_PROFIT_BASIS });
  const text = String(raw).trim().toLowerCase();
  if (text === "true") return success({ basis: DEFAULT_PROFIT_BASIS });
  if (text === "false") return success(null);
  const basis = parseProfitBasis(raw);
  if (!basis.ok)
    return failure(
      "invalid_argument",
      `profitable takes TRUE, FALSE or a basis (${PROFIT_BASES.join(", ")}); got '${String(raw)}'`,
    );
  return success({ basis: basis.value });
}
