// The parts every field definition is made of: the FieldDef type, the groups, number formats and the small
// builders (money, fraction, reported, …) the catalogue's group files use. See ../catalogue.ts.
import * as m from "../metrics";
import type { Outcome } from "../outcome";
import { failure, success } from "../outcome";
import { hasFundamentals } from "../periods";
import { type PillarId, type ScorePath } from "../pillars";
import { PATH_PILLARS } from "../quality";
import { isProfitable, type ProfitBasis } from "../profitability";
import type { GraduationDetail } from "../graduation";
import type { Company, Universe } from "../types";
import { noFundamentals } from "../universe-index";

export const FIELD_GROUPS = [
  { id: "identity", label: "Identity" },
  { id: "size_index", label: "Size & index" },
  { id: "profitability", label: "Profitability" },
  { id: "cash_flow", label: "Cash flow" },
  { id: "balance_sheet", label: "Balance sheet" },
  { id: "scores", label: "Scores" },
] as const;

export type FieldGroupId = (typeof FIELD_GROUPS)[number]["id"];
export type FieldValue = number | string | boolean;
export type FieldKind = "number" | "text" | "boolean";

/** What a field's computation may ask beyond the company itself (scores are cross-sectional). */
export interface FieldContext {
  readonly universe: Universe;
  qualityScore(c: Company): Outcome<number>;
  /** A pillar's score, 0–100. */
  pillarScore(c: Company, pillar: PillarId): Outcome<number>;
  graduationProbability(c: Company, reconstitutions: number): Outcome<number>;
  /** The inputs behind the probability at the next reconstitution. */
  graduationDetail(c: Company): Outcome<GraduationDetail>;
}

export interface FieldDef {
  /** snake_case key: =QUALIS.FIELD(A2,"market_cap"), the CLI's CSV column, the picker's id. */
  name: string;
  /** Column header and picker label. */
  label: string;
  group: FieldGroupId;
  kind: FieldKind;
  /** Unit as shown to a person: "USD m", "USD", "%", "x", "0–100", "0–1", "count", "text", "TRUE/FALSE". */
  unit: string;
  /** One or two sentences: what it is and how it is computed. */
  description: string;
  /** Excel number format for table columns ("@" for text). */
  numberFormat: string;
  /** The live formula a table cell uses for a ticker cell reference (default: QUALIS.FIELD(ref,"name")). */
  liveFormula?: (tickerRef: string) => string;
  value: (c: Company, ctx: FieldContext) => Outcome<FieldValue>;
}

export const present = <T extends FieldValue>(c: Company, v: T | null, what: string): Outcome<T> =>
  v === null ? failure("insufficient_data", `No ${what} for '${c.ticker}' in this snapshot`) : success(v);

/** A value computed from fundamentals: no fundamentals at all is its own failure; a gap says what it needs. */
export function fromFundamentals(c: Company, v: number | null, label: string, needs?: string): Outcome<number> {
  if (v !== null) return success(v);
  if (!hasFundamentals(c)) return noFundamentals(c);
  return failure(
    "insufficient_data",
    `No ${inSentence(label)} for '${c.ticker}' in this snapshot${needs ? ` — ${needs}` : ""}`,
  );
}

/** A label inside a sentence: without its unit, lower-case unless it starts with an acronym or a name. */
export function inSentence(label: string): string {
  const bare = label.replace(/\s*\((\$m|\$|m)\)$/, "");
  const first = bare.split(" ")[0]!;
  return first === first.toUpperCase() || /^(Altman|Piotroski)/.test(first)
    ? bare
    : bare[0]!.toLowerCase() + bare.slice(1);
}

export const FORMAT = {
  money: "#,##0.0",
  percent: "0.0%",
  multiple: "0.00",
  score: "0.0",
  count: "0",
  text: "@",
  boolean: "General",
} as const;

export type Pick = (c: Company) => number | null;

export interface NumberSpec {
  name: string;
  label: string;
  group: FieldGroupId;
  description: string;
  /** What the value needs, said when it is missing ("needs revenue above 0"). */
  needs?: string;
  pick: Pick;
}

export function numeric(unit: string, numberFormat: string) {
  return (s: NumberSpec): FieldDef => ({
    name: s.name,
    label: s.label,
    group: s.group,
    kind: "number",
    unit,
    description: s.description,
    numberFormat,
    value: (c) => fromFundamentals(c, s.pick(c), s.label, s.needs),
  });
}

export const money = numeric("USD m", FORMAT.money);
export const fraction = numeric("%", FORMAT.percent);
export const multiple = numeric("x", FORMAT.multiple);
export const count = numeric("count", FORMAT.count);

/** A raw value of the current period (trailing twelve months, else the last fiscal year). */
export function reported(
  name: string,
  label: string,
  group: FieldGroupId,
  key: keyof NonNullable<ReturnType<typeof m.current>>,
  description: string,
): FieldDef {
  return money({ name, label, group, description, pick: (c) => m.current(c)?.[key] ?? null });
}

export function profitFlag(name: string, label: string, basis: ProfitBasis, description: string): FieldDef {
  return {
    name,
    label,
    group: "profitability",
    kind: "boolean",
    unit: "TRUE/FALSE",
    description,
    numberFormat: FORMAT.boolean,
    liveFormula: (ref) =>
      basis === "net_income" ? `QUALIS.IS_PROFITABLE(${ref})` : `QUALIS.IS_PROFITABLE(${ref},"${basis}")`,
    value: (c) => isProfitable(c, basis),
  };
}

/** A pillar's score field; its description lists the pillar's metrics on each path (quality.ts). */
export function pillarField(pillar: PillarId, label: string): FieldDef {
  const on = (path: ScorePath) => PATH_PILLARS[path].find((p) => p.id === pillar);
  const describe = (path: ScorePath) => {
    const p = on(path);
    if (!p) return null;
    return p.metrics.length
      ? `the mean percentile of ${p.metrics.map((x) => x.field).join(", ")}`
      : "100 × F-score / 9, absolute rather than a percentile";
  };
  const operating = describe("operating");
  const financial = describe("financial");
  const description =
    `${label}, 0–100: ${operating}` +
    (financial === null
      ? " (operating companies only)."
      : financial === operating
        ? "."
        : ` (financials & real estate: ${financial}).`);
  return {
    name: `${pillar}_score`,
    label,
    group: "scores",
    kind: "number",
    unit: "0–100",
    description,
    numberFormat: FORMAT.score,
    value: (c, ctx) => ctx.pillarScore(c, pillar),
  };
}

export function text(name: string, label: string, description: string, value: FieldDef["value"]): FieldDef {
  return { name, label, group: "identity", kind: "text", unit: "text", description, numberFormat: FORMAT.text, value };
}

export const MEMBERSHIP_LABEL = { R2000: "Russell 2000", R1000: "Russell 1000", none: "none" } as const;
