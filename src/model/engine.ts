// Everything the functions, the task pane and the CLI ask of one universe. Cross-sectional results (the quality
// scores) are computed once per universe, on first use, and cached; graduation probabilities are cached per company
// and horizon. A lookup after that is a map read.
import { breakdownRows, type BreakdownRow } from "./breakdown";
import {
  FIELD_CATALOGUE,
  findField,
  unknownField,
  type FieldContext,
  type FieldDef,
  type FieldValue,
} from "./catalogue";
import { graduation, type GraduationDetail } from "./graduation";
import { graduationRows } from "./graduation-rows";
import { failure, success, type Outcome } from "./outcome";
import type { PillarId } from "./pillars";
import { isProfitable, type ProfitBasis } from "./profitability";
import { scoreUniverse, type QualityDetail } from "./quality";
import type { ScreenCriteria } from "./screen";
import type { Company, Universe } from "./types";
import { noFundamentals, UniverseIndex } from "./universe-index";
import { hasFundamentals } from "./periods";

export class Engine implements FieldContext {
  readonly index: UniverseIndex;
  private quality: Map<Company, QualityDetail> | null = null;
  private readonly graduationCache = new Map<number, Map<Company, Outcome<number>>>();
  private readonly graduationDetails = new Map<Company, Outcome<GraduationDetail>>();

  constructor(readonly universe: Universe) {
    this.index = new UniverseIndex(universe);
  }

  /** Looks a ticker up and answers for the company, or the unknown-ticker failure. */
  private withCompany<T>(ticker: string, f: (c: Company) => Outcome<T>): Outcome<T> {
    const c = this.index.find(ticker);
    return c ? f(c) : this.index.unknownTicker(ticker);
  }

  isProfitable(ticker: string, basis: ProfitBasis): Outcome<boolean> {
    return this.withCompany(ticker, (c) => isProfitable(c, basis));
  }

  /** The full quality computation of a company (pillars, metrics, percentiles, F-score, Z″). */
  qualityDetail(c: Company): QualityDetail {
    this.quality ??= scoreUniverse(this.universe.companies);
    const d = this.quality.get(c);
    if (!d) throw new Error(`'${c.ticker}' is not a company of this universe`);
    return d;
  }

  qualityScore(c: Company): Outcome<number> {
    return this.qualityDetail(c).score;
  }

  qualityScoreOf(ticker: string): Outcome<number> {
    return this.withCompany(ticker, (c) => this.qualityScore(c));
  }

  pillarScore(c: Company, pillar: PillarId): Outcome<number> {
    const d = this.qualityDetail(c);
    const p = d.pillars.find((x) => x.spec.id === pillar);
    if (p && p.score !== null) return success(100 * p.score);
    if (d.score.ok === false && d.score.kind === "no_fundamentals") return d.score;
    const why = p ? "none of its metrics is available" : "the pillar does not apply to financials & real estate";
    return failure(
      "insufficient_data",
      `No ${pillar.replace(/_/g, " ")} score for '${c.ticker}': ${why} — see QUALIS.SCORE_BREAKDOWN`,
    );
  }

  graduationProbability(c: Company, reconstitutions: number): Outcome<number> {
    let cache = this.graduationCache.get(reconstitutions);
    if (!cache) this.graduationCache.set(reconstitutions, (cache = new Map()));
    let hit = cache.get(c);
    if (!hit) {
      const g = graduation(c, this.universe, reconstitutions);
      hit = g.ok ? success(g.value.probability) : g;
      cache.set(c, hit);
    }
    return hit;
  }

  /** The inputs behind the probability at the next reconstitution: cap basis, band, τ, σ and the spreads. */
  graduationDetail(c: Company): Outcome<GraduationDetail> {
    let hit = this.graduationDetails.get(c);
    if (!hit) this.graduationDetails.set(c, (hit = graduation(c, this.universe, 1)));
    return hit;
  }

  graduationProbabilityOf(ticker: string, reconstitutions: number): Outcome<number> {
    return this.withCompany(ticker, (c) => this.graduationProbability(c, reconstitutions));
  }

  /** SCORE_BREAKDOWN: the pillar scores and the metric values behind one quality score, as (label, value) rows. */
  breakdown(ticker: string): Outcome<BreakdownRow[]> {
    return this.withCompany(ticker, (c) =>
      hasFundamentals(c)
        ? success([...breakdownRows(this.qualityDetail(c)), ...graduationRows(this.graduationDetail(c))])
        : noFundamentals(c),
    );
  }

  /** The share of companies unprofitable on a basis, among those whose profitability on it is known. */
  unprofitableShare(basis: ProfitBasis): Outcome<number> {
    let known = 0;
    let losing = 0;
    for (const c of this.universe.companies) {
      const p = isProfitable(c, basis);
      if (!p.ok) continue;
      known++;
      if (!p.value) losing++;
    }
    if (known === 0)
      return failure(
        "no_fundamentals",
        "No company in this snapshot has the fundamentals to tell whether it is profitable",
      );
    return success(losing / known);
  }

  /** A catalogue field for a ticker; an unknown field name is a #VALUE!-kind failure. */
  field(ticker: string, field: string | FieldDef): Outcome<FieldValue> {
    const def = typeof field === "string" ? findField(field) : field;
    if (!def) return unknownField(String(field));
    return this.withCompany(ticker, (c) => this.fieldOf(c, def));
  }

  /** A field's value; a number too large or too small to compute (a snapshot's extreme inputs overflow) is a failure. */
  fieldOf(c: Company, def: FieldDef): Outcome<FieldValue> {
    const v = def.value(c, this);
    if (v.ok && typeof v.value === "number" && !Number.isFinite(v.value)) {
      return failure(
        "insufficient_data",
        `${def.label} for '${c.ticker}' cannot be computed: this snapshot's inputs for it are out of range`,
      );
    }
    return v;
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
