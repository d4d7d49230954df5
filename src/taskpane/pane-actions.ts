// What the pane's buttons do to a workbook, apart from React: build a table's content from the loaded universe and
// hand it to the writer, refresh every table, list and forget records. `run` is Excel.run (or the test double's).
import { scrubUrls } from "../model/display-url";
import { engineFor } from "../model/engine";
import { describeSource, type LoadedUniverse } from "../data/universe-store";
import type { ProvenanceFacts } from "./workbook/provenance";
import { forgetTable, listTables, refreshTables, type RefreshReport, type TableListing } from "./workbook/refresh";
import { buildTableContent, type TableContent } from "./workbook/table-content";
import type { TableSpec } from "./workbook/table-record";
import { insertTable, type InsertResult, type WriteProgress, type WriteTarget } from "./workbook/writer";

export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The Excel API requirement set the writer needs (getRangeByIndexes, getActiveCell, freezePanes: 1.7). */
export const EXCEL_API_VERSION = "1.7";

export interface WorkbookAccess {
  run: ExcelRun | null;
  /** Why tables can't be written here, in plain words; null when they can. */
  why: string | null;
}

/** Excel.run where the Excel JavaScript API is present (in Excel, or a test double); why not, otherwise. */
export function workbookAccess(): WorkbookAccess {
  const g = globalThis as {
    Excel?: { run?: unknown };
    Office?: { context?: { requirements?: { isSetSupported?: (set: string, v: string) => boolean } } };
  };
  if (typeof g.Excel?.run !== "function") {
    return { run: null, why: "This page is not running inside Excel: you can explore the data, but not write tables." };
  }
  const req = g.Office?.context?.requirements;
  if (typeof req?.isSetSupported === "function" && !req.isSetSupported("ExcelApi", EXCEL_API_VERSION)) {
    return {
      run: null,
      why: `This version of Excel is too old to write tables (it needs Excel API ${EXCEL_API_VERSION}): update Office, or use Excel on the web.`,
    };
  }
  return { run: (batch) => Excel.run(batch), why: null };
}

export function provenanceFacts(loaded: LoadedUniverse): ProvenanceFacts {
  const p = loaded.universe.provenance;
  return { isDemo: p.isDemo, asOf: p.asOf, source: scrubUrls(p.source), origin: describeSource(loaded.source) };
}

export function contentFor(
  loaded: LoadedUniverse,
  spec: TableSpec,
  now = new Date(),
  tickersNow?: readonly string[],
): TableContent {
  return buildTableContent(engineFor(loaded.universe), spec, provenanceFacts(loaded), now, tickersNow);
}

export function insert(
  run: ExcelRun,
  loaded: LoadedUniverse,
  spec: TableSpec,
  target: WriteTarget,
  onProgress: (p: WriteProgress) => void,
): Promise<InsertResult> {
  const now = new Date();
  const content = contentFor(loaded, spec, now);
  return run((ctx) => insertTable(ctx, spec, content, target, { onProgress, now }));
}

export function refreshAll(
  run: ExcelRun,
  loaded: LoadedUniverse,
  onProgress: (p: WriteProgress) => void,
): Promise<RefreshReport[]> {
  const now = new Date();
  return run((ctx) =>
    refreshTables(ctx, (record, tickersNow) => contentFor(loaded, record, now, tickersNow), { onProgress, now }),
  );
}

export function list(run: ExcelRun): Promise<TableListing[]> {
  return run((ctx) => listTables(ctx));
}

export function forget(run: ExcelRun, key: string): Promise<void> {
  return run((ctx) => forgetTable(ctx, key));
}
