// What the templates share: their first lines (title, the DEMO label, the data's date and source), live tables over
// the catalogue's fields, and the labels of sectors and themes they tabulate.
import { findField } from "../../model/catalogue";
import type { ScreenCriteria } from "../../model/screen";
import { buildTableContent, columnsFor, type TableContent } from "../workbook/table-content";
import type { Membership, OutputMode, TableSpec } from "../workbook/table-record";
import type { TemplateInput } from "./insert";
import { block, COLORS, formula, text, type Block, type StyledBox } from "./sheet-plan";

export const DEMO_TEXT = "DEMO DATA: fictional companies, not real securities";

/** What the pane says after inserting a template over data without fundamentals. */
export const NO_FUNDAMENTALS =
  "This data has no fundamentals (holdings only): quality scores, profitability and FCF are #N/A or blank. The sheet says so where it matters, and its charts leave them out.";

/**
 * A live sheet's first three rows: its title; the DEMO label, as a formula over QUALIS.AS_OF() so that it is right
 * after the data source changes and Refresh all runs; and the data's date and source.
 */
export function liveHeading(title: string): { blocks: Block[]; styles: StyledBox[] } {
  return {
    blocks: [
      block(0, 0, [
        [text(title)],
        [formula(`=IF(ISNUMBER(FIND("DEMO",QUALIS.AS_OF())),"${DEMO_TEXT}","")`)],
        [formula(`="Data: "&QUALIS.AS_OF()`)],
      ]),
    ],
    styles: [
      { row: 0, col: 0, rows: 1, cols: 1, style: { bold: true, fontSize: 16, fontColor: COLORS.heading } },
      { row: 1, col: 0, rows: 1, cols: 1, style: { bold: true, fontColor: COLORS.demo } },
      { row: 2, col: 0, rows: 1, cols: 1, style: { fontColor: COLORS.muted } },
    ],
  };
}

/** The header a field's column carries: its catalogue label. */
export function label(field: string): string {
  const def = findField(field);
  if (!def) throw new Error(`No field '${field}' in the catalogue`);
  return def.label;
}

export function tableSpec(
  fields: string[],
  output: OutputMode,
  criteria: ScreenCriteria,
  membership?: Membership,
): TableSpec {
  const { columns, unknown } = columnsFor(fields);
  if (unknown.length) throw new Error(`No field ${unknown.join(", ")} in the catalogue`);
  return membership === "fixed" ? { columns, criteria, output, membership } : { columns, criteria, output };
}

export function contentOf(input: TemplateInput, spec: TableSpec): TableContent {
  return buildTableContent(input.engine, spec, input.facts, input.now);
}

/** Whether any company of the universe has fundamentals (a holdings-only universe has none). */
export function hasFundamentals(input: TemplateInput): boolean {
  return (
    input.engine.universe.provenance.coverage.withFundamentals > 0 ||
    input.engine.universe.companies.some((c) => c.ttm !== null || c.years.length > 0)
  );
}

/** "2026-11-25" */
export function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}
