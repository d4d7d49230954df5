// The quality score (docs/methodology.md). Cross-sectional: each metric becomes a percentile rank (0–1, ties averaged,
// direction applied) among the companies of the same scoring path that have it; a pillar is the mean of its
// available metric percentiles (the Piotroski pillar is F/9, absolute, F over the signals computable); the score is
// 100 × the weighted mean of the available pillars, weights renormalised over what is present; fewer pillars than the
// path's minimum → insufficient data. Financials and real estate have no meaningful FCF or EBITDA: they are scored on
// return on equity, return on assets, equity / assets and earnings stability, ranked among their own group — from the
// income statement and balance sheet alone (no cash-flow statement), and with profitability and balance sheet enough
// (stability needs three fiscal years).
import { altmanOf, type AltmanResult } from "./altman";
import * as m from "./metrics";
import { failure, success, type Outcome } from "./outcome";
import { percentileRanks, type Direction } from "./percentile";
import { hasFundamentals } from "./periods";
import { piotroski, type PiotroskiResult } from "./piotroski";
import { MIN_PILLARS_BY_PATH, PILLARS, SCORE_PATH_LABELS, type PillarId, type ScorePath } from "./pillars";
import { isFinancialSector } from "./sectors";
import type { Company } from "./types";
import { noFundamentals } from "./universe-index";

type V = number | null;

export interface MetricSpec {
  /** The catalogue field that shows this metric (its label and description are the metric's). */
  field: string;
  direction: Direction;
  /** What is ranked, where it differs from the field's value (net cash best, no interest expense best). */
  rankKey?: (c: Company) => V;
  value: (c: Company) => V;
  /** How the ranking treats the cases the field leaves empty. */
  note?: string;
  /** Words for a rank key of −∞ / +∞ (shown where the field has no value). */
  infinite?: { negative?: string; positive?: string };
}

export interface PillarSpec {
  id: PillarId;
  label: string;
  weight: number;
  /** Percentile-ranked metrics; empty for the absolute Piotroski pillar. */
  metrics: readonly MetricSpec[];
}

const metric = (
  field: string,
  direction: Direction,
  value: (c: Company) => V,
  extra: Partial<MetricSpec> = {},
): MetricSpec => ({
  field,
  direction,
  value,
  ...extra,
});

const ROA = metric("roa", "higher", m.roa);
const ROA_STDEV = metric("roa_stdev", "lower", m.roaStdev);

const OPERATING_METRICS: Record<PillarId, readonly MetricSpec[]> = {
  profitability: [
    ROA,
    metric("gross_profit_to_assets", "higher", m.grossProfitToAssets),
    metric("operating_margin", "higher", m.operatingMargin),
  ],
  cash_generation: [
    metric("fcf_margin", "higher", m.fcfMargin),
    metric("fcf_to_net_income", "higher", m.fcfConversion),
    metric("fcf_improvement", "higher", m.fcfImprovement),
  ],
  balance_sheet: [
    metric("net_debt_to_ebitda", "lower", m.netDebtToEbitda, {
      rankKey: m.leverageRankKey,
      note: "net cash (net debt ≤ 0) ranks best whatever EBITDA is; net debt with EBITDA ≤ 0 ranks worst",
      infinite: { negative: "net cash", positive: "net debt with EBITDA ≤ 0" },
    }),
    metric("interest_coverage", "higher", m.interestCoverage, {
      rankKey: m.coverageRankKey,
      note: "no interest expense ranks best",
      infinite: { positive: "no interest expense" },
    }),
    metric("altman_z", "higher", (c) => altmanOf(c)?.z ?? null),
  ],
  stability: [ROA_STDEV, metric("positive_fcf_years", "higher", m.positiveFcfYears)],
  piotroski: [],
};

const FINANCIAL_METRICS: Partial<Record<PillarId, readonly MetricSpec[]>> = {
  profitability: [metric("roe", "higher", m.roe), ROA],
  balance_sheet: [metric("equity_to_assets", "higher", m.equityToAssets)],
  stability: [ROA_STDEV],
};

function pillarsOf(metrics: Partial<Record<PillarId, readonly MetricSpec[]>>): readonly PillarSpec[] {
  return PILLARS.filter((p) => metrics[p.id] !== undefined).map((p) => ({ ...p, metrics: metrics[p.id]! }));
}

/** The pillars and metrics of each scoring path. */
export const PATH_PILLARS: Readonly<Record<ScorePath, readonly PillarSpec[]>> = {
  operating: pillarsOf(OPERATING_METRICS),
  financial: pillarsOf(FINANCIAL_METRICS),
};

export function scorePath(c: Company): ScorePath {
  return isFinancialSector(c.sector) ? "financial" : "operating";
}

export interface MetricScore {
  spec: MetricSpec;
  value: V;
  /** The ranked key (the value, or the metric's own rank key). */
  key: V;
  /** 0–1 after direction; null where the company lacks the metric. */
  percentile: V;
}

export interface PillarScore {
  spec: PillarSpec;
  metrics: MetricScore[];
  /** 0–1; null where no metric of the pillar is available. */
  score: V;
}

export interface QualityDetail {
  company: Company;
  path: ScorePath;
  /** How many companies with fundamentals share the path (the cross-section ranked against). */
  groupSize: number;
  pillars: PillarScore[];
  piotroski: PiotroskiResult | null;
  altman: AltmanResult | null;
  /** Sum of the weights of the pillars present (the renormalising denominator). */
  weightPresent: number;
  /** 0–100, or why not. */
  score: Outcome<number>;
}

/** Scores every company of a universe in one pass: percentiles per metric per path, then pillars and scores. */
export function scoreUniverse(companies: readonly Company[]): Map<Company, QualityDetail> {
  const out = new Map<Company, QualityDetail>();
  for (const path of ["operating", "financial"] as const) {
    const group = companies.filter((c) => scorePath(c) === path);
    const pillars = PATH_PILLARS[path];
    const perMetric = new Map<MetricSpec, { values: V[]; keys: V[]; pct: V[] }>();
    for (const p of pillars) {
      for (const spec of p.metrics) {
        const values = group.map((c) => spec.value(c));
        const keys = spec.rankKey ? group.map((c) => spec.rankKey!(c)) : values;
        perMetric.set(spec, { values, keys, pct: percentileRanks(keys, spec.direction) });
      }
    }
    const ranked = group.filter(hasFundamentals).length;
    group.forEach((c, i) => {
      const f = path === "operating" ? piotroski(c) : null;
      const scored: PillarScore[] = pillars.map((spec) => {
        const metrics = spec.metrics.map((ms) => {
          const all = perMetric.get(ms)!;
          return { spec: ms, value: all.values[i]!, key: all.keys[i]!, percentile: all.pct[i]! };
        });
        return {
          spec,
          metrics,
          score:
            spec.id === "piotroski" ? (f?.score != null ? f.score / 9 : null) : mean(metrics.map((x) => x.percentile)),
        };
      });
      out.set(c, composite(c, path, ranked, scored, f));
    });
  }
  return out;
}

function mean(xs: V[]): V {
  const have = xs.filter((x): x is number => x !== null);
  return have.length === 0 ? null : have.reduce((s, x) => s + x, 0) / have.length;
}

function composite(
  c: Company,
  path: ScorePath,
  groupSize: number,
  pillars: PillarScore[],
  f: PiotroskiResult | null,
): QualityDetail {
  const present = pillars.filter((p) => p.score !== null);
  const weightPresent = present.reduce((s, p) => s + p.spec.weight, 0);
  let score: Outcome<number>;
  if (!hasFundamentals(c)) score = noFundamentals(c);
  else if (present.length < MIN_PILLARS_BY_PATH[path]) {
    const names = present.map((p) => p.spec.label.toLowerCase()).join(", ") || "none";
    score = failure(
      "insufficient_data",
      `Insufficient data for a quality score of '${c.ticker}': ${present.length} of ${pillars.length} pillars can be computed (${names}); ${MIN_PILLARS_BY_PATH[path]} are needed — see QUALIS.SCORE_BREAKDOWN`,
    );
  } else score = success((100 * present.reduce((s, p) => s + p.spec.weight * p.score!, 0)) / weightPresent);
  return {
    company: c,
    path,
    groupSize,
    pillars,
    piotroski: f,
    altman: path === "operating" ? altmanOf(c) : null,
    weightPresent,
    score,
  };
}

export function pathLabel(path: ScorePath): string {
  return SCORE_PATH_LABELS[path];
}
