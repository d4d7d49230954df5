// What a template puts on its sheet, as data: the add-in's tables (written by the workbook writer's own steps, with
// their records, so Refresh all keeps them current), blocks of text, numbers and formulas around them, formats,
// charts over the sheet's own ranges, conditional formats and the page layout. Pure: the templates build a plan from
// the engine's data and the names the workbook leaves free; insert.ts turns it into requests; tests read it.
import type { TableContent } from "../workbook/table-content";
import type { TableSpec } from "../workbook/table-record";

/** One cell of a block. Text is written into a Text-formatted cell, so it is never read as a formula or a number. */
export type PlanCell =
  { text: string } | { number: number; format?: string } | { formula: string; format?: string } | null; // left as it is

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** #RRGGBB */
  fontColor?: string;
  fontSize?: number;
  fill?: string;
  wrap?: boolean;
  /** Figures that may be text ("no data", "OK") line up with the numbers. */
  align?: "Right";
}

/** Zero-based rectangle on the template's sheet. */
export interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface Block {
  row: number;
  col: number;
  cells: PlanCell[][];
}

export interface StyledBox extends Box {
  style: CellStyle;
}

export interface PlannedTable {
  /** What the table is for, in the pane's summary ("the universe", "the index"). */
  role: string;
  spec: TableSpec;
  content: TableContent;
  /** Zero-based top-left of the table's area (its provenance block where it has one, else its header). */
  top: number;
  left: number;
  tableName: string;
  provenanceName: string | null;
  /**
   * Columns of the table that are the user's from the start (an input column, formulas over the row): the template
   * writes them once; refresh leaves them alone, as it does any column it did not write.
   */
  userColumns?: UserColumn[];
  /** The header row left to right when there are user columns; default: the content's headers, then the user's. */
  headers?: string[];
}

export interface UserColumn {
  header: string;
  numberFormat: string;
  /** A calculated column (one formula for every row) … */
  formula?: string;
  /** … or a value per row (the table's rows, top to bottom). */
  values?: (number | string)[];
  style?: CellStyle;
}

export type ChartKind = "ColumnClustered" | "BarClustered";

export interface ChartPlan {
  name: string;
  type: ChartKind;
  /** The block the chart reads: header row, categories in the first column, one series per other column. */
  source: Box;
  title: string;
  /** Cells the chart covers, e.g. { from: "A14", to: "C30" }. */
  position: { from: string; to: string };
  valueFormat?: string;
  legend: boolean;
  /** Bar charts: first category at the top, as in the source block. */
  topDown?: boolean;
}

export interface ConditionalPlan extends Box {
  operator: "Contains" | "BeginsWith";
  text: string;
  fill?: string;
  fontColor: string;
  bold?: boolean;
}

export interface PageLayoutPlan {
  orientation: "Landscape" | "Portrait";
  fitToOnePage: boolean;
  printArea: Box;
  /** Points. */
  margins: number;
}

export interface SheetPlan {
  sheetName: string;
  tables: PlannedTable[];
  blocks: Block[];
  styles: StyledBox[];
  charts: ChartPlan[];
  conditionalFormats: ConditionalPlan[];
  /** Points, by zero-based column. */
  columnWidths: { col: number; points: number }[];
  pageLayout: PageLayoutPlan | null;
  showGridlines: boolean;
  /** The cell selected when the sheet opens. */
  select: { row: number; col: number };
  /** What the pane says after inserting, beyond where things went (e.g. why names were chosen as they were). */
  notes: string[];
}

// Colours shared by the templates: Excel's own "Good", "Bad" and input look, and muted text.
export const COLORS = {
  inputFill: "#FFF2CC",
  inputFont: "#1F3FBF",
  goodFill: "#C6EFCE",
  goodFont: "#006100",
  badFill: "#FFC7CE",
  badFont: "#9C0006",
  demo: "#C00000",
  muted: "#595959",
  heading: "#1F4E79",
} as const;

export const text = (t: string): PlanCell => ({ text: t });
export const num = (n: number, format?: string): PlanCell => (format ? { number: n, format } : { number: n });
export const formula = (f: string, format?: string): PlanCell => (format ? { formula: f, format } : { formula: f });

/** A block of cells, a row per array. */
export function block(row: number, col: number, cells: PlanCell[][]): Block {
  const width = Math.max(...cells.map((r) => r.length));
  return { row, col, cells: cells.map((r) => [...r, ...Array<PlanCell>(width - r.length).fill(null)]) };
}

/** The excel table's structured reference to a whole column: Universe_1[Quality score]. */
export function columnRef(table: string, header: string): string {
  return `${table}[${header.replace(/['[\]#]/g, "'$&")}]`;
}

/** A string literal inside a formula: "a ""b""". */
export function quoted(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
