// Everything the functions, the task pane and the CLI ask of one universe, computed once per universe and cached.
import { FIELD_CATALOGUE, findField, unknownField, type FieldContext, type FieldDef, type FieldValue } from "./catalogue";
import { failure, type Outcome } from "./outcome";
import { isProfitable, type ProfitBasis } from "./profitability";
import type { ScreenCriteria } from "./screen";
import type { Company, Universe } from "./types";
import { UniverseIndex } from "./universe-index";

export class Engine implements FieldContext {
  readonly index: UniverseIndex;

  constructor(readonly universe: Universe) {
    this.index = new UniverseIndex(universe);
  }

  isProfitable(ticker: string, basis: ProfitBasis): Outcome<boolean> {
    const c = this.index.company(ticker);
    return c.ok ? isProfitable(c.value, basis) : c;
  }

  // Placeholders until the scoring engine lands (issue 3): same signatures, typed failures.
  qualityScore(_c: Company): Outcome<number> {
    return failure("insufficient_data", "The quality score is not available yet");
  }

  graduationProbability(_c: Company, _reconstitutions: number): Outcome<number> {
    return failure("insufficient_data", "The graduation probability is not available yet");
  }

  /** A catalogue field for a ticker; an unknown field name is a #VALUE!-kind failure. */
  field(ticker: string, fieldName: string): Outcome<FieldValue> {
    const def = findField(fieldName);
    if (!def) return unknownField(fieldName);
    const c = this.index.company(ticker);
    return c.ok ? this.fieldOf(c.value, def) : c;
  }

  fieldOf(c: Company, def: FieldDef): Outcome<FieldValue> {
    return def.value(c, this);
  }

  /** The companies that pass the criteria, sorted (default: by ticker). */
  screen(criteria: ScreenCriteria): Company[] {
    const sectors = criteria.sectors?.length ? new Set(criteria.sectors) : null;
    const themes = criteria.themes?.length ? new Set(criteria.themes) : null;
    const keep = this.universe.companies.filter((c) => {
      if (sectors && (!c.sector || !sectors.has(c.sector))) return false;
      if (themes && !c.themes.some((t) => themes.has(t))) return false;
      if (criteria.marketCapMin != null && (c.marketCap === null || c.marketCap < criteria.marketCapMin)) return false;
      if (criteria.marketCapMax != null && (c.marketCap === null || c.marketCap > criteria.marketCapMax)) return false;
      if (criteria.profitable) {
        const p = isProfitable(c, criteria.profitable.basis);
        if (!p.ok || !p.value) return false;
      }
      if (criteria.minQuality != null) {
        const q = this.qualityScore(c);
        if (!q.ok || q.value < criteria.minQuality) return false;
      }
      if (criteria.minGraduationProb != null) {
        const g = this.graduationProbability(c, 1);
        if (!g.ok || g.value < criteria.minGraduationProb) return false;
      }
      return true;
    });
    const byTicker = (a: Company, b: Company) => (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0);
    const sortDef = criteria.sort ? findField(criteria.sort.field) : undefined;
    if (sortDef) {
      const dir = criteria.sort!.descending ? -1 : 1;
      const key = new Map(keep.map((c) => [c, this.fieldOf(c, sortDef)]));
      keep.sort((a, b) => {
        const ka = key.get(a)!;
        const kb = key.get(b)!;
        if (!ka.ok || !kb.ok) return ka.ok === kb.ok ? byTicker(a, b) : ka.ok ? -1 : 1; // missing last
        if (ka.value === kb.value) return byTicker(a, b);
        return (ka.value < kb.value ? -1 : 1) * dir;
      });
    } else keep.sort(byTicker);
    return criteria.limit != null ? keep.slice(0, criteria.limit) : keep;
  }
}

export { FIELD_CATALOGUE };

const engines = new WeakMap<Universe, Engine>();

/** The engine of a universe, built on first use and shared by every caller that holds the same universe. */
export function engineFor(universe: Universe): Engine {
  let e = engines.get(universe);
  if (!e) {
    e = new Engine(universe);
    engines.set(universe, e);
  }
  return e;
}
