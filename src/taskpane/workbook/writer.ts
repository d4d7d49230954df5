// Writing a new table: pure TypeScript over Excel.RequestContext (no UI). One request reads what the workbook
// already has (names in use, and the target area when writing at the selected cell); then the table is planned as
// steps that the one plan executor (plan-executor.ts) writes in as few requests as Excel on the web's 5 MB limit
// allows; the record of what was built goes into workbook.settings with the table's id, known once Excel has made it.
//
// The steps that put one table on a sheet (frame, rows, formulas, record) are exported on their own so that the
// workbook templates (../templates) plan their tables the same way.
import { a1, freeName, nextFreeName, quoteSheet } from "./excel-names";
import { WriteRefused } from "./excel-failures";
import { ACTION_OVERHEAD_BYTES, chunkRows, jsonBytes, type Chunk } from "./payload";
import {
  WorkbookWrite,
  type PlanStep,
  type WriteOptions as PlanWriteOptions,
  type WriteProgress,
} from "./plan-executor";
import { PROVENANCE_LINES, PROVENANCE_ROWS } from "./provenance";
import { cellFor, type TableContent } from "./table-content";
import { newRecordKey, type TableRecord, type TableSpec } from "./table-record";

export type WriteTarget = { kind: "newSheet" } | { kind: "activeCell" };

export type { WriteProgress };

export interface WriteOptions extends PlanWriteOptions {
  now?: Date;
  newKey?: () => string;
}

export interface InsertResult {
  record: TableRecord;
  /** Where the table is: 'Qualis 1'!A6:E418. */
  address: string;
  /** context.sync() calls made. */
  syncs: number;
  /** Estimated bytes of each writing request. */
  requestBytes: number[];
}

/** Sets one value on every cell of a range: Excel's documented "update all cells in a range" form. */
export function fillAll(range: Excel.Range, prop: "numberFormat" | "formulas" | "values", value: string): void {
  (range as unknown as Record<string, unknown>)[prop] = value;
}

/**
 * Queues a read of the names a workbook uses: its sheets', and its tables' and defined names' (one namespace in
 * Excel). The lists are there after the next sync.
 */
export function loadNamesInUse(ctx: Excel.RequestContext): { sheets: () => string[]; taken: () => string[] } {
  const sheets = ctx.workbook.worksheets.load("items/name");
  const tables = ctx.workbook.tables.load("items/name");
  const names = ctx.workbook.names.load("items/name");
  return {
    sheets: () => sheets.items.map((s) => s.name),
    taken: () => [...tables.items.map((t) => t.name), ...names.items.map((x) => x.name)],
  };
}

export const TABLE_BASE_NAME = "Qualis";
const SHEET_BASE_NAME = "Qualis";

/** Where one table goes and under which names. */
export interface TablePlacement {
  /** Zero-based top-left cell of the area: the provenance block where there is one, else the header row. */
  top: number;
  left: number;
  tableName: string;
  provenanceName: string | null;
  /**
   * The header row, left to right, when the table has columns beyond the content's: those are the user's columns
   * (written once by the caller; refresh leaves them alone, as it does any column it did not write). Default: the
   * content's headers.
   */
  headers?: readonly string[];
}

/** Rows and columns of a placed table, zero-based. */
export interface TableGeometry {
  headerRow: number;
  bodyTop: number;
  /** Data rows. */
  n: number;
  /** Columns of the whole table (the user's too). */
  width: number;
  /** The sheet column of each content column. */
  columnOf: number[];
  /** Rows of the area: the provenance block (and its spacer), the header and the data. */
  areaRows: number;
}

export function tableGeometry(content: TableContent, p: TablePlacement): TableGeometry {
  const headers = p.headers ?? content.columns.map((c) => c.header);
  const offsets = content.columns.map((c) => headers.indexOf(c.header));
  if (offsets.some((o) => o < 0)) throw new Error("Every column of the table's content must be among its headers.");
  if (content.output === "values" && offsets.some((o, j) => o !== j))
    throw new Error("A values table's own columns come first, in order.");
  const headerRow = p.top + (content.provenance ? PROVENANCE_ROWS : 0);
  const n = content.tickers.length;
  return {
    headerRow,
    bodyTop: headerRow + 1,
    n,
    width: headers.length,
    columnOf: offsets.map((o) => p.left + o),
    areaRows: headerRow - p.top + 1 + n,
  };
}

/** What goes into the body by value: every cell of a values table; only the tickers of a live one. */
export function rowsToSend(content: TableContent): (string | number | boolean)[][] {
  return content.output === "live"
    ? content.tickers.map((t) => [cellFor(t, content.columns[0]!.numberFormat)])
    : content.values.map((r) => r.map((v, j) => cellFor(v, content.columns[j]!.numberFormat)));
}

/** Bytes a table's frame and formulas add to the request that carries them, beyond its rows. */
export function frameBytes(content: TableContent, spec: TableSpec, p: TablePlacement): number {
  const cols = (p.headers ?? content.columns).length;
  return (
    jsonBytes(content.provenance ?? []) +
    jsonBytes(content.columns.map((c) => [c.header, c.numberFormat, c.formula])) +
    jsonBytes(p.headers ?? []) +
    jsonBytes(spec) +
    (cols * 3 + 16) * ACTION_OVERHEAD_BYTES
  );
}

/**
 * Queues the provenance block (static tables), the header row, the columns' number formats and the table itself,
 * named; the table's id is loaded, so it is known after this request.
 */
export function queueTableFrame(
  ctx: Excel.RequestContext,
  sheet: Excel.Worksheet,
  content: TableContent,
  p: TablePlacement,
  g: TableGeometry,
): Excel.Table {
  if (content.provenance) {
    const block = sheet.getRangeByIndexes(p.top, p.left, PROVENANCE_LINES, 1);
    fillAll(block, "numberFormat", "@"); // before the text: a source description can never become a formula
    block.values = content.provenance.map((line) => [line]);
    block.getCell(0, 0).format.font.bold = true;
    ctx.workbook.names.add(
      p.provenanceName!,
      block,
      `Qualis Small Caps: where the values of table ${p.tableName} came from`,
    );
  }
  const headers = p.headers ?? content.columns.map((c) => c.header);
  sheet.getRangeByIndexes(g.headerRow, p.left, 1, g.width).values = [[...headers]];
  content.columns.forEach((c, j) =>
    fillAll(sheet.getRangeByIndexes(g.bodyTop, g.columnOf[j]!, g.n, 1), "numberFormat", c.numberFormat),
  );
  const table = sheet.tables.add(sheet.getRangeByIndexes(g.headerRow, p.left, g.n + 1, g.width), true);
  table.name = p.tableName;
  table.load("id");
  return table;
}

/** Queues one chunk of the body's values (rowsToSend's rows `chunk.start` … for `chunk.count`). */
export function queueTableRows(
  sheet: Excel.Worksheet,
  content: TableContent,
  g: TableGeometry,
  rows: (string | number | boolean)[][],
  chunk: Chunk,
): void {
  const left = g.columnOf[0]!;
  const width = content.output === "live" ? 1 : content.columns.length;
  sheet.getRangeByIndexes(g.bodyTop + chunk.start, left, chunk.count, width).values = rows.slice(
    chunk.start,
    chunk.start + chunk.count,
  );
}

/** Queues the live formulas (one per column, once the tickers are in) and fits the columns. */
export function queueTableFinish(
  table: Excel.Table,
  sheet: Excel.Worksheet,
  content: TableContent,
  g: TableGeometry,
): void {
  if (content.output === "live") {
    content.columns.forEach((c, j) => {
      if (c.formula) fillAll(sheet.getRangeByIndexes(g.bodyTop, g.columnOf[j]!, g.n, 1), "formulas", c.formula);
    });
  }
  table.getRange().format.autofitColumns();
}

/** What the workbook remembers about a table it was given (workbook.settings, under `key`). */
export function tableRecord(
  spec: TableSpec,
  content: TableContent,
  at: { key: string; tableId: string; sheetName: string; tableName: string; provenanceName: string | null },
  now: Date,
): TableRecord {
  return {
    version: 1,
    key: at.key,
    tableId: at.tableId,
    tableName: at.tableName,
    sheetName: at.sheetName,
    provenanceName: at.provenanceName,
    columns: content.columns.map((c) => ({ field: c.field, header: c.header })),
    criteria: spec.criteria,
    output: spec.output,
    ...(spec.membership === "fixed" ? { membership: "fixed" as const } : {}),
    rows: content.tickers.length,
    createdAt: now.toISOString(),
    refreshedAt: now.toISOString(),
  };
}

/** The steps that write one table's rows: one per chunk under the budget, the first sharing its request with `firstBytes`. */
export function tableRowSteps(
  sheet: () => Excel.Worksheet,
  content: TableContent,
  g: TableGeometry,
  budget: number,
  firstBytes = 0,
): PlanStep[] {
  const rows = rowsToSend(content);
  return chunkRows(rows, budget, firstBytes).map((chunk) => ({
    bytes: chunk.bytes + ACTION_OVERHEAD_BYTES,
    run: () => queueTableRows(sheet(), content, g, rows, chunk),
    label: `Writing rows ${chunk.start + 1}–${chunk.start + chunk.count} of ${g.n}…`,
  }));
}

export async function insertTable(
  ctx: Excel.RequestContext,
  spec: TableSpec,
  content: TableContent,
  target: WriteTarget,
  opts: WriteOptions = {},
): Promise<InsertResult> {
  const now = opts.now ?? new Date();
  const n = content.tickers.length;
  const cols = content.columns.length;
  if (n === 0)
    throw new WriteRefused(
      "No company matches these filters, so there is nothing to write. Loosen a filter and try again.",
    );
  const blockRows = content.provenance ? PROVENANCE_ROWS : 0;
  const areaRows = blockRows + 1 + n;
  const write = new WorkbookWrite(ctx, opts);

  // 1. What the workbook already has: names to avoid, and whether the area at the selected cell is free.
  const inUse = loadNamesInUse(ctx);
  let anchor: Excel.Range | null = null;
  let anchorSheet: Excel.Worksheet | null = null;
  let used: Excel.Range | null = null;
  if (target.kind === "activeCell") {
    anchor = ctx.workbook.getActiveCell().load("rowIndex,columnIndex");
    anchorSheet = anchor.worksheet.load("name");
    used = anchor
      .getResizedRange(areaRows - 1, cols - 1)
      .getUsedRangeOrNullObject(true)
      .load("address");
  }
  try {
    await write.read();
  } catch (e) {
    if (target.kind === "activeCell") {
      throw new WriteRefused(
        `The table (${areaRows} rows × ${cols} columns) does not fit below and right of the selected cell. Select a cell higher up or further left, or choose a new sheet.`,
      );
    }
    throw e;
  }
  if (used && !used.isNullObject) {
    throw new WriteRefused(
      `The table needs ${areaRows} rows × ${cols} columns from the selected cell, and ${used.address} already holds data. Select an empty area, or choose a new sheet.`,
    );
  }
  const taken = inUse.taken();
  const tableName = nextFreeName(TABLE_BASE_NAME, "_", taken);
  const provenanceName = content.provenance ? freeName(`${tableName}_Provenance`, taken) : null;
  const sheetName = target.kind === "newSheet" ? nextFreeName(SHEET_BASE_NAME, " ", inUse.sheets()) : anchorSheet!.name;
  const placement: TablePlacement = {
    top: anchor ? anchor.rowIndex : 0,
    left: anchor ? anchor.columnIndex : 0,
    tableName,
    provenanceName,
  };
  const g = tableGeometry(content, placement);

  // 2. The plan: the frame, the rows in chunks under the budget (values tables send every cell; live tables send
  // the tickers, and one formula per column, written once all tickers are in so the functions calculate once), the
  // finish; and the record, once the table's id is known.
  const key = (opts.newKey ?? newRecordKey)();
  const frame = frameBytes(content, spec, placement);
  const finishBytes = 2 * ACTION_OVERHEAD_BYTES;
  let sheet: Excel.Worksheet | null = null;
  let table: Excel.Table | null = null;
  let record: TableRecord | null = null;
  const steps: PlanStep[] = [
    {
      bytes: frame,
      run: () => {
        sheet =
          target.kind === "newSheet"
            ? ctx.workbook.worksheets.add(sheetName)
            : ctx.workbook.worksheets.getItem(sheetName);
        table = queueTableFrame(ctx, sheet, content, placement, g);
      },
    },
    ...tableRowSteps(() => sheet!, content, g, write.budget, frame + finishBytes),
    {
      bytes: finishBytes,
      run: () => {
        queueTableFinish(table!, sheet!, content, g);
        if (target.kind === "newSheet") {
          sheet!.freezePanes.freezeRows(g.headerRow + 1);
          sheet!.activate();
          sheet!.getRangeByIndexes(g.headerRow, placement.left, 1, 1).select();
        }
      },
    },
  ];
  const requestBytes = await write.write({
    steps,
    afterFirst: {
      bytes: ACTION_OVERHEAD_BYTES + 512,
      run: () => {
        record = tableRecord(spec, content, { key, tableId: table!.id, sheetName, tableName, provenanceName }, now);
        ctx.workbook.settings.add(key, record);
      },
    },
    label: `Writing ${n} rows…`,
    rollBack: () =>
      rollBack(ctx, target, {
        sheetName,
        tableName,
        provenanceName,
        top: placement.top,
        left: placement.left,
        rows: areaRows,
        cols,
      }),
  });
  return {
    record: record!,
    address: `${quoteSheet(sheetName)}!${a1(g.headerRow, placement.left, n + 1, cols)}`,
    syncs: write.syncs,
    requestBytes,
  };
}
/** Undoes a write that failed part-way: the new sheet goes; at the selected cell, the area (empty before) is cleared. */
async function rollBack(
  ctx: Excel.RequestContext,
  target: WriteTarget,
  w: {
    sheetName: string;
    tableName: string;
    provenanceName: string | null;
    top: number;
    left: number;
    rows: number;
    cols: number;
  },
): Promise<void> {
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(w.sheetName);
  const table = ctx.workbook.tables.getItemOrNullObject(w.tableName);
  const name = w.provenanceName ? ctx.workbook.names.getItemOrNullObject(w.provenanceName) : null;
  await ctx.sync();
  if (name && !name.isNullObject) name.delete();
  if (target.kind === "newSheet") {
    if (!sheet.isNullObject) sheet.delete();
  } else {
    if (!table.isNullObject) table.delete();
    if (!sheet.isNullObject) sheet.getRangeByIndexes(w.top, w.left, w.rows, w.cols).clear("Contents"); // the area was empty before
  }
  await ctx.sync();
}
