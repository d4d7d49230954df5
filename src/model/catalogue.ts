// The field catalogue: the one list of every field — name, label, unit, description, Excel number format, group,
// and how it is computed. QUALIS.FIELD/FIELDS, the task pane's picker, the table writer's formats, the CLI's CSV
// columns, the help page and docs/fields.md all read it; nothing restates it.
//
// Fractions are stored as fractions (0.123) with a percent number format. Money is in USD millions. The current
// period is the trailing twelve months, else the last fiscal year (periods.ts); balance-sheet values are at its end.
import { failure } from "./outcome";
import { type FieldDef } from "./fields/define";
import { IDENTITY_FIELDS } from "./fields/identity";
import { SIZE_INDEX_FIELDS } from "./fields/size-index";
import { PROFITABILITY_FIELDS } from "./fields/profitability";
import { CASH_FLOW_FIELDS } from "./fields/cash-flow";
import { BALANCE_SHEET_FIELDS } from "./fields/balance-sheet";
import { SCORE_FIELDS } from "./fields/scores";

export {
  FIELD_GROUPS,
  type FieldContext,
  type FieldDef,
  type FieldGroupId,
  type FieldKind,
  type FieldValue,
} from "./fields/define";

export const FIELD_CATALOGUE: readonly FieldDef[] = [
  ...IDENTITY_FIELDS,
  ...SIZE_INDEX_FIELDS,
  ...PROFITABILITY_FIELDS,
  ...CASH_FLOW_FIELDS,
  ...BALANCE_SHEET_FIELDS,
  ...SCORE_FIELDS,
];

const BY_NAME = new Map(FIELD_CATALOGUE.map((f) => [f.name, f]));

export function findField(name: string): FieldDef | undefined {
  return BY_NAME.get(
    name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_"),
  );
}

export function unknownField(name: string) {
  return failure("unknown_field", `Unknown field '${name}' — see QUALIS.FIELDS()`);
}

export function liveFormulaFor(field: FieldDef, tickerRef: string): string {
  return field.liveFormula ? field.liveFormula(tickerRef) : `QUALIS.FIELD(${tickerRef},"${field.name}")`;
}
