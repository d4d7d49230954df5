// Planning a refresh in place, from what the table holds now and what it should hold: pure, so every case (rows
// added, removed, reordered by the user, columns renamed or deleted, the user's own columns) is unit-tested
// without Excel.
//
// The rule that keeps the user's work intact: rows are never moved. A company that stays keeps its row, with
// whatever the user put beside it in the table's other columns; a company that leaves loses its row (Excel deletes
// the whole table row); a company that joins gets a new row, placed after the company the screen puts before it.
// Only the columns the add-in owns are rewritten.
import { normalizeTicker } from "../../model/tickers";
import type { FieldValue } from "../../model/catalogue";
import { cellFor, type TableContent } from "./table-content";

/** What was read from the table before the refresh. */
export interface TableState {
  /** Header row, as the user may have changed it. */
  headers: string[];
  /** The data rows, every column of the table (the user's too). */
  body: unknown[][];
}

/** One change to the table's rows, in the order they are made. */
export type RowOp = { kind: "delete"; at: number } | { kind: "insert"; at: number; tickers: string[] };

export interface ColumnWrite {
  /** Column index in the table. */
  column: number;
  field: string;
  header: string;
  /** Values for every row of the finished table, top to bottom (values tables and the ticker column). */
  cells: (string | number | boolean)[] | null;
  /** Live tables: the calculated-column formula written over the whole column. */
  formula: string | null;
  /** A number format to set first, where the column's text safety or its formulas depend on it. */
  numberFormat: string | null;
}

export interface RefreshPlan {
  ok: true;
  /** Deletions and insertions, highest row first so that each index is still right when its turn comes. */
  ops: RowOp[];
  /** Tickers of the finished table, top to bottom. */
  finalTickers: string[];
  writes: ColumnWrite[];
  /** Width of the table (the user's columns included): rows.add needs a value (or null) for every column. */
  width: number;
  /** For rows.add: a row's values in table column order; null (left to the table) in the user's columns and in
   *  formula columns, which the table fills as calculated columns and the refresh then rewrites. Text that Excel
   *  could read as a formula carries the apostrophe prefix, whatever the new cell's format turns out to be. */
  newRow: (ticker: string) => (string | number | boolean | null)[];
  added: string[];
  removed: string[];
  changedCells: number;
  changedRows: number;
  /** Columns of the spec that the table no longer has under their header (renamed or deleted by the user). */
  missingColumns: string[];
}

export type RefreshPlanResult = RefreshPlan | { ok: false; reason: string };

const ERROR_TEXT =
  /^#(N\/A|VALUE!|REF!|NAME\?|NUM!|DIV\/0!|NULL!|SPILL!|CALC!|BUSY!|GETTING_DATA|CONNECT!|BLOCKED!|UNKNOWN!|FIELD!)/;

/** A cell's value for comparison: missing, empty and error cells are all "no value". */
function comparable(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "string" && ERROR_TEXT.test(v)) return null;
  return v as string | number | boolean;
}

function sameValue(a: unknown, b: FieldValue | null): boolean {
  const x = comparable(a);
  const y = comparable(b);
  if (typeof x === "number" && typeof y === "number")
    return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  return x === y;
}

export function planRefresh(state: TableState, content: TableContent): RefreshPlanResult {
  if (content.tickers.length === 0) {
    return {
      ok: false,
      reason: "no company matches its filters now, so it was left as it was (a table keeps at least one row).",
    };
  }
  const norm = (h: string) => h.trim().toLowerCase();
  const headerIndex = new Map<string, number>();
  state.headers.forEach((h, i) => {
    if (!headerIndex.has(norm(h))) headerIndex.set(norm(h), i);
  });
  const tickerCol = headerIndex.get(norm(content.columns[0]!.header));
  if (tickerCol === undefined) {
    return {
      ok: false,
      reason: `its '${content.columns[0]!.header}' column is gone (renamed or deleted), so its rows can't be matched to companies. Nothing was changed: rename the column back, or rebuild the table.`,
    };
  }
  const columnAt = content.columns.map((c) => headerIndex.get(norm(c.header)) ?? -1);
  const missingColumns = content.columns.filter((_, j) => columnAt[j]! < 0).map((c) => c.header);

  // Which existing rows stay: the first row of each company that is still in the screen.
  const wanted = new Map(content.tickers.map((t, i) => [normalizeTicker(t), i]));
  const seen = new Set<string>();
  const oldTickers = state.body.map((row) => String(row[tickerCol] ?? ""));
  const keep = oldTickers.map((t) => {
    const k = normalizeTicker(t);
    if (!k || !wanted.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const survivors = oldTickers.filter((_, i) => keep[i]).map(normalizeTicker);
  const deletes = keep.flatMap((k, i) => (k ? [] : [i])).reverse();
  const removed = oldTickers.filter((t, i) => !keep[i] && t.trim() !== "");

  // New companies go after the nearest company that the screen puts before them and that kept its row.
  const survivorPos = new Map(survivors.map((t, i) => [t, i]));
  const groups = new Map<number, string[]>(); // insert position (in the survivors' table) → tickers
  let anchor = 0;
  const added: string[] = [];
  for (const t of content.tickers) {
    const k = normalizeTicker(t);
    const pos = survivorPos.get(k);
    if (pos !== undefined) {
      anchor = pos + 1;
      continue;
    }
    added.push(t);
    if (!groups.has(anchor)) groups.set(anchor, []);
    groups.get(anchor)!.push(t);
  }
  const inserts = [...groups.entries()].map(([at, tickers]) => ({ at, tickers })).sort((a, b) => b.at - a.at);
  // Deletions first, then insertions, each from the bottom up. When no row stays, the new rows go in first, above
  // the old ones, so the table is never left without a row.
  const ops: RowOp[] =
    survivors.length > 0
      ? [
          ...deletes.map((at) => ({ kind: "delete" as const, at })),
          ...inserts.map((g) => ({ kind: "insert" as const, ...g })),
        ]
      : [
          ...inserts.map((g) => ({ kind: "insert" as const, ...g })),
          ...deletes.map((at) => ({ kind: "delete" as const, at: at + content.tickers.length })),
        ];

  // The finished table, top to bottom: survivors (with their own spelling from the new data) and the new rows.
  const spelled = new Map(content.tickers.map((t) => [normalizeTicker(t), t]));
  const finalTickers: string[] = [];
  const byPos = new Map(inserts.map((g) => [g.at, g.tickers]));
  for (let i = 0; i <= survivors.length; i++) {
    finalTickers.push(...(byPos.get(i) ?? []));
    if (i < survivors.length) finalTickers.push(spelled.get(survivors[i]!)!);
  }

  const rowOf = (t: string) => content.values[wanted.get(normalizeTicker(t))!]!;
  const writes: ColumnWrite[] = [];
  content.columns.forEach((col, j) => {
    const at = columnAt[j]!;
    if (at < 0) return;
    const isValues = col.formula === null;
    writes.push({
      column: at,
      field: col.field,
      header: col.header,
      cells: isValues ? finalTickers.map((t) => cellFor(rowOf(t)[j] ?? null, col.numberFormat)) : null,
      formula: col.formula,
      // Text stays text only in a Text-formatted column, and a formula works only outside one: those formats are
      // restored; a number format the user chose for a number column is left alone.
      numberFormat:
        col.numberFormat === "@" || (col.formula !== null && col.numberFormat === "General") ? col.numberFormat : null,
    });
  });

  let changedCells = 0;
  let changedRows = 0;
  state.body.forEach((row, i) => {
    if (!keep[i]) return;
    const fresh = rowOf(oldTickers[i]!);
    let changed = 0;
    content.columns.forEach((_, j) => {
      if (j === 0 || columnAt[j]! < 0) return;
      if (!sameValue(row[columnAt[j]!], fresh[j] ?? null)) changed++;
    });
    changedCells += changed;
    if (changed) changedRows++;
  });

  const width = state.headers.length;
  const newRow = (ticker: string) => {
    const out: (string | number | boolean | null)[] = new Array(width).fill(null);
    const values = rowOf(ticker);
    content.columns.forEach((col, j) => {
      const at = columnAt[j]!;
      // Escaped as for a General cell: whether a new row takes the column's Text format before its values is
      // Excel's business, and the full column write that follows puts the exact text in place.
      if (at >= 0 && col.formula === null) out[at] = cellFor(values[j] ?? null, "General");
    });
    return out;
  };

  return {
    ok: true,
    ops,
    finalTickers,
    writes,
    width,
    newRow,
    added,
    removed,
    changedCells,
    changedRows,
    missingColumns,
  };
}
