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
}

export interface UserActions {
  select(sheet: string, address: string): void;
  addSheet(name: string): string;
  setCell(sheet: string, address: string, content: { value?: unknown; formula?: string; numberFormat?: string }): void;
  renameTable(oldName: string, newName: string): void;
  changeTableId(name: string, id: string): void;
  deleteTable(name: string): void;
  deleteSheet(name: string): void;
  addTableColumn(name: string, header: string, cells: (row: number, ticker: unknown) => { value?: unknown; formula?: string } | null): void;
  insertSheetRows(sheet: string, at: number, count: number): void;
}

export interface ExcelDouble {
  Excel: { run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> };
  context(): Excel.RequestContext;
  inspect: Inspector;
  user: UserActions;
  calculate(registry: Record<string, (...args: unknown[]) => unknown>): Promise<{ sheet: string; address: string; value: unknown }[]>;
}

export function create(options?: { requestLimit?: number }): ExcelDouble;
export function install(target: object, options?: { requestLimit?: number }): ExcelDouble;
export const REQUEST_LIMIT: number;
