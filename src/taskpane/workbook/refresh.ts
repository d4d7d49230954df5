// Finding the tables the add-in wrote (from the records in workbook.settings) and refreshing them in place. A table
// is found by its id, which survives a rename; a table the user deleted is reported, never recreated on its own.
// Reads are batched (one request lists every record and table, one reads the tables' contents); each table's
// changes are then planned as steps that the plan executor (plan-executor.ts) writes under the 5 MB budget, with
// calculation suspended.
import { describeExcelError } from "./excel-failures";
import { ACTION_OVERHEAD_BYTES, DEFAULT_REQUEST_BUDGET, jsonBytes } from "./payload";
import { WorkbookWrite, type PlanStep } from "./plan-executor";
import { PROVENANCE_MARK } from "./provenance";
import { planRefresh, type RefreshPlan } from "./refresh-plan";
import type { TableContent } from "./table-content";
import { parseRecord, RECORD_KEY_PREFIX, type TableRecord } from "./table-record";
import { fillAll, type WriteProgress } from "./writer";

export type ListingState =
  /** The table is where the record says, under the same name. */
  | "found"
  /** Found by its id under another name: the user renamed it. It is refreshed under its new name. */
  | "renamed"
  /** No table with its id or its name: deleted (or its sheet was). Reported; the user may forget or rebuild it. */
  | "missing"
  /** A table has its name but another id: not this add-in's table; left alone. */
  | "replaced"
  /** The stored record could not be read. */
  | "damaged";

export interface TableListing {
  key: string;
  state: ListingState;
  record: TableRecord | null;
  /** The table's name now (differs from the record's after a rename). */
  currentName: string | null;
  sheetName: string | null;
  problem: string | null;
}

export interface RefreshReport {
  key: string;
  tableName: string;
  sheetName: string | null;
  status: "refreshed" | "missing" | "replaced" | "damaged" | "skipped" | "failed";
  renamedFrom: string | null;
  rows: number;
  added: string[];
  removed: string[];
  changedCells: number;
  changedRows: number;
  missingColumns: string[];
  /** Plain words for the summary (shown under the table's name), including what to do where something needs the user. */
  message: string;
}

export interface RefreshOptions {
  budget?: number;
  onProgress?: (p: WriteProgress) => void;
  now?: Date;
}

/**
 * Every record in the workbook with where its table is now: one request, and a second only when a table carries a
 * record's name under another id (the id may not survive every save and reopen): its header row then decides
 * whether it is the add-in's table or someone else's.
 */
export async function listTables(ctx: Excel.RequestContext): Promise<TableListing[]> {
  const settings = ctx.workbook.settings.load("items/key,items/value");
  const tables = ctx.workbook.tables.load("items/id,items/name,items/worksheet/name");
  await ctx.sync();
  const listing = matchRecords(
    settings.items
      .filter((s) => s.key.startsWith(RECORD_KEY_PREFIX))
      .map((s) => ({ key: s.key, value: s.value as unknown })),
    tables.items.map((t) => ({ id: t.id, name: t.name, sheet: t.worksheet.name })),
  );
  const unsure = listing.filter((l) => l.state === "replaced");
  if (unsure.length) {
    const headers = unsure.map((l) => ctx.workbook.tables.getItem(l.currentName!).getHeaderRowRange().load("values"));
    await ctx.sync();
    unsure.forEach((l, i) => {
      if (looksLikeRecord(l.record!, headers[i]!.values[0] ?? [])) Object.assign(l, { state: "found", problem: null });
    });
  }
  return listing;
}

/** The record's ticker column and at least half of its columns, by header: the add-in's table under a new id. */
export function looksLikeRecord(record: TableRecord, headers: unknown[]): boolean {
  const have = new Set(headers.map((h) => String(h).trim().toLowerCase()));
  const wanted = record.columns.map((c) => c.header.trim().toLowerCase());
  return have.has(wanted[0]!) && wanted.filter((h) => have.has(h)).length * 2 >= wanted.length;
}

export function matchRecords(
  stored: { key: string; value: unknown }[],
  tables: { id: string; name: string; sheet: string }[],
): TableListing[] {
  return stored
    .map(({ key, value }): TableListing => {
      const parsed = parseRecord(key, value);
      if (!parsed.ok)
        return {
          key,
          state: "damaged",
          record: null,
          currentName: null,
          sheetName: null,
          problem: `The stored settings of a table could not be read (${parsed.reason}).`,
        };
      const r = parsed.record;
      const byId = r.tableId ? tables.find((t) => t.id === r.tableId) : undefined;
      if (byId) {
        const state = byId.name === r.tableName ? "found" : "renamed";
        return { key, state, record: r, currentName: byId.name, sheetName: byId.sheet, problem: null };
      }
      const byName = tables.find((t) => t.name.toLowerCase() === r.tableName.toLowerCase());
      if (byName && r.tableId === null)
        return { key, state: "found", record: r, currentName: byName.name, sheetName: byName.sheet, problem: null };
      if (byName) {
        return {
          key,
          state: "replaced",
          record: r,
          currentName: byName.name,
          sheetName: byName.sheet,
          problem: `A table named ${byName.name} exists, but it is not the one the add-in wrote (that one was deleted). It was left alone.`,
        };
      }
      return {
        key,
        state: "missing",
        record: r,
        currentName: null,
        sheetName: null,
        problem: `${r.tableName} (on ${r.sheetName}) is no longer in the workbook: it or its sheet was deleted. Rebuild it, or forget it.`,
      };
    })
    .sort((a, b) => (a.record?.createdAt ?? "").localeCompare(b.record?.createdAt ?? ""));
}

interface ReadBack {
  listing: TableListing;
  record: TableRecord;
  table: Excel.Table;
  header: Excel.Range;
  body: Excel.Range;
  block: Excel.Range | null;
}

/**
 * Re-pulls every table the add-in wrote, in place. `build` gives what a record's table should hold now; it is told
 * the tickers the table holds (undefined when its ticker column is gone), which a table with fixed membership keeps.
 */
export async function refreshTables(
  ctx: Excel.RequestContext,
  build: (record: TableRecord, tickersNow: string[] | undefined) => TableContent,
  opts: RefreshOptions = {},
): Promise<RefreshReport[]> {
  const budget = opts.budget ?? DEFAULT_REQUEST_BUDGET;
  const progress = opts.onProgress ?? (() => undefined);
  const now = opts.now ?? new Date();
  progress({ done: 0, total: 1, label: "Finding the add-in's tables…" });

  const names = ctx.workbook.names.load("items/name,items/type");
  const listing = await listTables(ctx); // the same request as the names
  const validNames = new Set(names.items.filter((x) => x.type === "Range").map((x) => x.name.toLowerCase()));
  const reports: RefreshReport[] = [];
  const pending: TableListing[] = [];
  for (const l of listing) {
    if (l.state === "found" || l.state === "renamed") pending.push(l);
    else
      reports.push(
        reportFor(
          l,
          l.state === "missing" ? "missing" : l.state === "replaced" ? "replaced" : "damaged",
          l.problem ?? "",
        ),
      );
  }

  // Contents of the tables, grouped so that each read stays under the budget (estimated from the recorded size).
  const groups: TableListing[][] = [];
  let groupBytes = 0;
  for (const l of pending) {
    const est = (l.record!.rows + 16) * (l.record!.columns.length + 8) * 48;
    if (!groups.length || groupBytes + est > budget) {
      groups.push([]);
      groupBytes = 0;
    }
    groups[groups.length - 1]!.push(l);
    groupBytes += est;
  }
  const total = groups.length + pending.length;
  let done = 0;
  const read: ReadBack[] = [];
  for (const group of groups) {
    for (const l of group) {
      const table = ctx.workbook.tables.getItem(l.currentName!); // as listed in this same batch
      table.load("id,name");
      const header = table.getHeaderRowRange().load("values,rowIndex,columnIndex");
      const body = table.getDataBodyRange().load("values,rowCount");
      const pn = l.record!.provenanceName;
      const block =
        pn && validNames.has(pn.toLowerCase()) ? ctx.workbook.names.getItem(pn).getRange().load("values") : null;
      read.push({ listing: l, record: l.record!, table, header, body, block });
    }
    await ctx.sync();
    progress({ done: ++done, total, label: "Reading the tables…" });
  }

  for (const r of read) {
    const name = r.table.name;
    try {
      const headers = r.header.values[0]!.map(String);
      // Office.js changes cannot be undone: a table is rewritten only when it is the one its record describes.
      const mismatch = recordMismatch(r.record, r.listing, r.table.name, headers);
      if (mismatch) {
        reports.push(
          reportFor(
            r.listing,
            "skipped",
            `Not refreshed: ${mismatch}, so it may not be the table the add-in wrote (or its record was not written by the add-in). Nothing was changed: undo the change, or rebuild the table and forget this one.`,
          ),
        );
        continue;
      }
      const content = build(r.record, tickersIn(r.record, headers, r.body.values));
      const plan = planRefresh({ headers, body: r.body.values }, content);
      if (!plan.ok) {
        reports.push(reportFor(r.listing, "skipped", `Not refreshed: ${plan.reason}`));
        continue;
      }
      const provenanceNote = await applyPlan(ctx, r, content, plan, budget, now);
      reports.push(summarise(r, plan, provenanceNote));
    } catch (e) {
      reports.push(reportFor(r.listing, "failed", `Not refreshed: ${describeExcelError(e)}`));
    }
    progress({ done: ++done, total, label: `Refreshed ${name}` });
  }
  return reports;
}

const norm = (h: string) => h.trim().toLowerCase();

/**
 * Why a table is not the one its record describes, or null when it is (docs/security.md, class 2): the record's name
 * (or, found by Excel's id, a name the user gave it), the record's sheet, and a header row holding the recorded
 * columns, each once and in order, with only the user's own columns besides. A planted or stale record never drives a rewrite.
 */
export function recordMismatch(
  record: TableRecord,
  listing: Pick<TableListing, "state" | "sheetName">,
  tableName: string,
  headers: readonly string[],
): string | null {
  if (listing.state !== "renamed" && norm(tableName) !== norm(record.tableName))
    return `the table is called ${tableName}, but its record names ${record.tableName}`;
  if (listing.sheetName !== record.sheetName)
    return `the table is on sheet '${listing.sheetName}', but its record says '${record.sheetName}'`;
  // The recorded columns in their order; anything between or after them is the user's own (a template's table
  // interleaves input columns, so "after" is read as "wherever the add-in's columns are not").
  const wanted = record.columns.map((c) => c.header);
  const normed = headers.map(norm);
  for (const w of wanted) {
    const n = normed.filter((h) => h === norm(w)).length;
    if (n === 0) return `its header row has no '${w}' column where the add-in wrote one (renamed or deleted)`;
    if (n > 1) return `its header row has '${w}' ${n} times`;
  }
  const at = wanted.map((w) => normed.indexOf(norm(w)));
  const moved = at.findIndex((p, j) => j > 0 && p < at[j - 1]!);
  if (moved > 0) return `its '${wanted[moved]}' column was moved before '${wanted[moved - 1]}'`;
  return null;
}

/** The values of the table's ticker column (found by its header, as the plan finds it), or undefined when it is gone. */
function tickersIn(record: TableRecord, headers: string[], body: unknown[][]): string[] | undefined {
  const at = headers.findIndex((h) => norm(h) === norm(record.columns[0]!.header));
  return at < 0 ? undefined : body.map((row) => String(row[at] ?? ""));
}

/** Makes the table hold what the plan says: row changes, then the add-in's columns, then the record. */
async function applyPlan(
  ctx: Excel.RequestContext,
  r: ReadBack,
  content: TableContent,
  plan: RefreshPlan,
  budget: number,
  now: Date,
): Promise<string> {
  const headerRow = r.header.rowIndex;
  const left = r.header.columnIndex;
  const bodyTop = headerRow + 1;
  const n = plan.finalTickers.length;
  const sheet = r.table.worksheet;

  // Every change as a queued step with its estimated size, packed into requests in order.
  const steps: PlanStep[] = [];
  for (const op of plan.ops) {
    if (op.kind === "delete")
      steps.push({ bytes: ACTION_OVERHEAD_BYTES, run: () => r.table.rows.getItemAt(op.at).delete() });
    else {
      const values = op.tickers.map(plan.newRow);
      steps.push({
        bytes: ACTION_OVERHEAD_BYTES + jsonBytes(values),
        run: () => void r.table.rows.add(op.at, values as (string | number | boolean)[][]),
      });
    }
  }
  for (const w of plan.writes) {
    const col = left + w.column;
    if (w.numberFormat)
      steps.push({
        bytes: ACTION_OVERHEAD_BYTES,
        run: () => fillAll(sheet.getRangeByIndexes(bodyTop, col, n, 1), "numberFormat", w.numberFormat!),
      });
    if (w.cells) {
      // A column of values may be split by rows to stay under the budget.
      const cells = w.cells;
      let start = 0;
      while (start < n) {
        let end = start;
        let bytes = ACTION_OVERHEAD_BYTES;
        while (end < n && (end === start || bytes + jsonBytes(cells[end]) + 4 <= budget - 4 * ACTION_OVERHEAD_BYTES))
          bytes += jsonBytes(cells[end++]) + 4;
        const [s, e] = [start, end];
        steps.push({
          bytes,
          run: () => (sheet.getRangeByIndexes(bodyTop + s, col, e - s, 1).values = cells.slice(s, e).map((v) => [v])),
        });
        start = end;
      }
    }
    if (w.formula)
      steps.push({
        bytes: ACTION_OVERHEAD_BYTES + jsonBytes(w.formula),
        run: () => fillAll(sheet.getRangeByIndexes(bodyTop, col, n, 1), "formulas", w.formula!),
      });
  }
  let provenanceNote = "";
  if (content.provenance) {
    const lines = r.block?.values.map((row) => String(row[0] ?? ""));
    if (r.block && lines && lines[0]?.startsWith(PROVENANCE_MARK)) {
      const block = r.block;
      steps.push({
        bytes: ACTION_OVERHEAD_BYTES + jsonBytes(content.provenance),
        run: () => {
          fillAll(block, "numberFormat", "@");
          block.values = content.provenance!.map((l) => [l]);
        },
      });
    } else
      provenanceNote =
        " Its provenance block was moved, changed or deleted, so it was not rewritten: the values are new but the block above them is not.";
  }
  const record: TableRecord = {
    ...r.record,
    tableId: r.table.id,
    tableName: r.table.name,
    rows: n,
    refreshedAt: now.toISOString(),
  };
  steps.push({
    bytes: ACTION_OVERHEAD_BYTES + jsonBytes(record),
    run: () => void ctx.workbook.settings.add(record.key, record),
  });

  await new WorkbookWrite(ctx, { budget }).write({ steps, label: `Refreshing ${r.table.name}…` });
  return provenanceNote;
}

function reportFor(l: TableListing, status: RefreshReport["status"], message: string): RefreshReport {
  return {
    key: l.key,
    tableName: l.currentName ?? l.record?.tableName ?? "(unknown table)",
    sheetName: l.sheetName,
    status,
    renamedFrom: null,
    rows: l.record?.rows ?? 0,
    added: [],
    removed: [],
    changedCells: 0,
    changedRows: 0,
    missingColumns: [],
    message,
  };
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

function summarise(r: ReadBack, plan: RefreshPlan, provenanceNote: string): RefreshReport {
  const name = r.table.name;
  const renamedFrom = r.listing.state === "renamed" ? r.record.tableName : null;
  const parts = [
    plan.added.length || plan.removed.length
      ? `${count(plan.added.length, "row")} added, ${count(plan.removed.length, "row")} removed`
      : "same companies",
    `${count(plan.changedCells, "value")} changed${plan.changedRows ? ` in ${count(plan.changedRows, "row")}` : ""}`,
  ];
  let message = `${parts.join("; ")} — ${count(plan.finalTickers.length, "row")} now.`;
  message = message.charAt(0).toUpperCase() + message.slice(1);
  if (renamedFrom) message += ` (You renamed it from ${renamedFrom}; it was refreshed under its new name.)`;
  if (plan.missingColumns.length) {
    message += ` Column${plan.missingColumns.length > 1 ? "s" : ""} ${plan.missingColumns.map((h) => `'${h}'`).join(", ")} not found (renamed or deleted), so not refreshed.`;
  }
  message += provenanceNote;
  return {
    key: r.record.key,
    tableName: name,
    sheetName: r.listing.sheetName,
    status: "refreshed",
    renamedFrom,
    rows: plan.finalTickers.length,
    added: plan.added,
    removed: plan.removed,
    changedCells: plan.changedCells,
    changedRows: plan.changedRows,
    missingColumns: plan.missingColumns,
    message,
  };
}

/** Removes a record (the table itself, if any, is not touched). */
export async function forgetTable(ctx: Excel.RequestContext, key: string): Promise<void> {
  const s = ctx.workbook.settings.getItemOrNullObject(key);
  await ctx.sync();
  if (!s.isNullObject) {
    s.delete();
    await ctx.sync();
  }
}
