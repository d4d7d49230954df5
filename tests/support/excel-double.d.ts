// Types of excel-double.js for the TypeScript tests that use it.
export interface CellView {
  value: string | number | boolean;
  formula: string | null;
  numberFormat: string;
  quotePrefix: boolean;
  bold: boolean;
}

export interface SyncRecord {
  index: number;
  actions: number;
  requestBytes: number;
  responseBytes: number;
  suspended: boolean;
  writes: number;
}

export interface Violation {
  sheet: string;
  address: string;
  text: string;
  via: string;
  note: string;
}

export interface WriteRecord {
  sync: number;
  sheet: string;
  address: string;
  prop: string;
  cells: number;
  broadcast: boolean;
}

export interface StyleView {
  bold: boolean;
  italic: boolean;
  /** #RRGGBB, upper case; null when not set. */
  fill: string | null;
  fontColor: string | null;
  fontSize: number | null;
  horizontalAlignment: string | null;
  wrapText: boolean;
}

export interface CellDump extends CellView, StyleView {
  row: number;
  col: number;
  address: string;
}

export interface ChartSeriesView {
  name: string;
  /** A1 address on the chart's sheet. */
  values: string;
  categories: string | null;
}

export interface ChartView {
  name: string;
  type: string;
  /** The source range as given to charts.add, on the chart's sheet. */
  source: string;
  seriesBy: "Auto" | "Columns" | "Rows";
  title: string | null;
  /** The cells the chart covers (setPosition), e.g. "A13:D30". */
  position: string | null;
  legend: { visible: boolean; position: string };
  dataLabels: { showValue: boolean; numberFormat: string | null };
  axes: {
    value: { numberFormat?: string; title?: string; minimum?: number; maximum?: number; reversePlotOrder?: boolean };
    category: { numberFormat?: string; title?: string; reversePlotOrder?: boolean };
  };
  series: ChartSeriesView[];
}

export interface PageLayoutView {
  orientation?: "Portrait" | "Landscape";
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printArea?: string;
  printTitleRows?: string;
  centerHorizontally?: boolean;
  printGridlines?: boolean;
  leftMargin?: number;
  rightMargin?: number;
  topMargin?: number;
  bottomMargin?: number;
}

export interface ConditionalFormatView {
  address: string;
  type: "ContainsText" | "CellValue";
  rule: { operator: string; text?: string; formula1?: string } | null;
  format: { fontColor: string | null; fill: string | null; bold: boolean | null };
}

export interface Inspector {
  readonly syncs: SyncRecord[];
  readonly violations: Violation[];
  readonly writes: WriteRecord[];
  sheetNames(): string[];
  activeSheet(): string;
  frozenRows(sheet: string): number;
  autofitted(sheet: string): string[];
  cell(sheet: string, address: string): CellView;
  grid(sheet: string, address: string): CellView[][];
  tables(): { id: string; name: string; sheet: string; address: string; headers: string[]; rows: number }[];
  tableRows(name: string): Record<string, CellView>[];
  names(): { name: string; sheet: string | null; address: string; comment: string }[];
  settings(): Record<string, unknown>;
  style(sheet: string, address: string): StyleView;
  charts(sheet: string): ChartView[];
  pageLayout(sheet: string): PageLayoutView;
  conditionalFormats(sheet: string): ConditionalFormatView[];
  /** Widths set in points, by column letter. */
  columnWidths(sheet: string): Record<string, number>;
  showGridlines(sheet: string): boolean;
  cells(sheet: string): CellDump[];
}

export interface UserActions {
  select(sheet: string, address: string): void;
  addSheet(name: string): string;
  setCell(sheet: string, address: string, content: { value?: unknown; formula?: string; numberFormat?: string }): void;
  renameTable(oldName: string, newName: string): void;
  changeTableId(name: string, id: string): void;
  deleteTable(name: string): void;
  deleteSheet(name: string): void;
  addTableColumn(
    name: string,
    header: string,
    cells: (row: number, ticker: unknown) => { value?: unknown; formula?: string } | null,
  ): void;
  insertSheetRows(sheet: string, at: number, count: number): void;
}

export interface ExcelDouble {
  Excel: { run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> };
  context(): Excel.RequestContext;
  inspect: Inspector;
  user: UserActions;
  calculate(
    registry: Record<string, (...args: unknown[]) => unknown>,
  ): Promise<{ sheet: string; address: string; value: unknown }[]>;
}

export function create(options?: { requestLimit?: number }): ExcelDouble;
export function install(target: object, options?: { requestLimit?: number }): ExcelDouble;
export const REQUEST_LIMIT: number;
