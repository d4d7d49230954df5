// The reference content shared by the generated blocks of docs/ and the help page: read from FUNCTION_SPECS, the
// field catalogue, the pillar definitions and the Piotroski signals — never restated by hand.
import { ALTMAN_ZONES } from "../model/altman";
import { FIELD_CATALOGUE, FIELD_GROUPS, findField, type FieldDef } from "../model/catalogue";
import { FUNCTION_SPECS, type FunctionSpec } from "../model/function-specs";
import { MAX_RECONSTITUTIONS } from "../model/graduation";
import { PRIOR_ALL } from "../model/volatility-prior";
import { MIN_PIOTROSKI_SIGNALS, PIOTROSKI_SIGNALS } from "../model/piotroski";
import { MIN_PILLARS, MIN_PILLARS_BY_PATH, SCORE_PATH_LABELS, type ScorePath } from "../model/pillars";
import { PATH_PILLARS, type MetricSpec } from "../model/quality";
import { DEFAULT_LATE_EFFECTIVE_FRIDAY } from "../model/reconstitution";

export function signature(f: FunctionSpec): string {
  return `QUALIS.${f.id}(${f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
}

export function fieldsByGroup(): { label: string; fields: FieldDef[] }[] {
  return FIELD_GROUPS.map((g) => ({ label: g.label, fields: FIELD_CATALOGUE.filter((f) => f.group === g.id) }));
}

export function metricText(ms: MetricSpec): string {
  const label = findField(ms.field)?.label ?? ms.field;
  const dir = ms.direction === "higher" ? "higher is better" : "lower is better";
  return `${label} (\`${ms.field}\`; ${dir}${ms.note ? `; ${ms.note}` : ""})`;
}

export interface PillarRow {
  pillar: string;
  weight: string;
  metrics: string;
}

export function pillarRows(path: ScorePath): PillarRow[] {
  return PATH_PILLARS[path].map((p) => ({
    pillar: p.label,
    weight: `${Math.round(p.weight * 100)}%`,
    metrics: p.id === "piotroski" ? "F-score / 9 (absolute, not a percentile)" : p.metrics.map(metricText).join("; "),
  }));
}

export const PATHS: readonly ScorePath[] = ["operating", "financial"];
export const pathTitle = (p: ScorePath) => SCORE_PATH_LABELS[p];

export const SIGNALS = PIOTROSKI_SIGNALS;

/** Constants the methodology quotes, from the code that uses them. */
export const CONSTANTS = {
  minPillars: MIN_PILLARS,
  minPillarsFinancial: MIN_PILLARS_BY_PATH.financial,
  minPiotroskiSignals: MIN_PIOTROSKI_SIGNALS,
  defaultVolatility: PRIOR_ALL,
  maxReconstitutions: MAX_RECONSTITUTIONS,
  lateEffectiveFriday: DEFAULT_LATE_EFFECTIVE_FRIDAY,
  altmanSafe: ALTMAN_ZONES.safeAbove,
  altmanDistress: ALTMAN_ZONES.distressBelow,
};

export { FUNCTION_SPECS };
