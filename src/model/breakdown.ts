// SCORE_BREAKDOWN: one quality score laid open as (label, value) rows — the score, each pillar with its weight and
// score, each metric's value and percentile, the nine Piotroski signals and the Altman Z″ components. Scores are
// 0–100, percentiles and ratios are fractions (0–1), so every number can be recomputed from the rows above it.
import { MIN_PIOTROSKI_SIGNALS, PIOTROSKI_SIGNALS } from "./piotroski";
import { findField } from "./catalogue";
import { pathLabel, type MetricScore, type QualityDetail } from "./quality";

export type BreakdownValue = number | string | boolean;
export type BreakdownRow = [label: string, value: BreakdownValue];

const NA = "n/a";
const pct = (w: number) => `${Math.round(w * 100)}%`;

function metricLabel(field: string): string {
  return findField(field)?.label ?? field;
}

function metricValue(ms: MetricScore): BreakdownValue {
  if (ms.value !== null) return ms.value;
  if (ms.key === -Infinity && ms.spec.infinite?.negative) return ms.spec.infinite.negative;
  if (ms.key === Infinity && ms.spec.infinite?.positive) return ms.spec.infinite.positive;
  return NA;
}

export function breakdownRows(d: QualityDetail): BreakdownRow[] {
  const c = d.company;
  const rows: BreakdownRow[] = [
    ["Ticker", c.ticker],
    ["Scoring path", pathLabel(d.path)],
    ["Companies ranked on this path", d.groupSize],
    ["Quality score (0–100)", d.score.ok ? d.score.value : `${NA}: ${d.score.message}`],
    ["Weight of the pillars present", d.weightPresent],
  ];
  for (const p of d.pillars) {
    rows.push([`${p.spec.label} pillar (weight ${pct(p.spec.weight)}, 0–100)`, p.score === null ? NA : 100 * p.score]);
    for (const ms of p.metrics) {
      const label = metricLabel(ms.spec.field);
      rows.push([`  ${label}`, metricValue(ms)]);
      rows.push([`  ${label} · percentile`, ms.percentile ?? NA]);
      if (ms.spec.field === "altman_z" && d.altman) {
        const a = d.altman;
        rows.push(
          ["    X1 working capital / assets", a.x1],
          ["    X2 retained earnings / assets", a.x2],
          ["    X3 EBIT / assets", a.x3],
          ["    X4 equity / liabilities", a.x4],
          ["    Altman zone", a.zone],
        );
      }
    }
    if (p.spec.id === "piotroski") {
      const f = d.piotroski;
      const why = f
        ? `${NA}: only ${f.available} of 9 signals computable (${MIN_PIOTROSKI_SIGNALS} needed)`
        : `${NA}: needs two consecutive fiscal years`;
      rows.push(["  F-score (0–9)", f?.score ?? why]);
      rows.push(["  Signals that hold", f ? `${f.held} of ${f.available} computable` : NA]);
      const label = (id: string) => PIOTROSKI_SIGNALS.find((x) => x.id === id)!.label;
      rows.push(["  Signals missing (inputs not in the snapshot)", f ? f.missing.map(label).join("; ") || "none" : NA]);
      rows.push(["  Fiscal years compared", f ? `${f.years[0]} vs ${f.years[1]}` : NA]);
      for (const s of PIOTROSKI_SIGNALS) rows.push([`  ${s.label}`, f?.signals[s.id] ?? NA]);
    }
  }
  // A number a cell cannot hold (a snapshot's extreme inputs overflow a ratio) reads n/a, like a missing one.
  return rows.map(([label, v]) => [label, typeof v === "number" && !Number.isFinite(v) ? NA : v]);
}
