// What the add-in remembers about each table it wrote, stored in the workbook itself (workbook.settings, one key
// per table) so that Refresh all works after the workbook is closed and reopened, on any machine. The stored value
// is read back as untrusted input: a damaged or hand-edited record is reported, never acted on.
import { z } from "zod";
import { PROFIT_BASES } from "../../model/profitability";
import type { ScreenCriteria } from "../../model/screen";
import { SECTORS } from "../../model/sectors";
import { THEME_IDS } from "../../model/themes";

export type OutputMode = "live" | "values";

/**
 * Which companies a table's rows are. "screen" (the default): those its criteria keep, so rows come and go with
 * the data. "fixed": the criteria chose the names once, when the table was written; after that the rows are the
 * tickers the table holds (the user may add or delete rows), and a refresh updates their data, never the list.
 */
export type Membership = "screen" | "fixed";

/** A column the add-in owns: the catalogue field and the header it was written under. */
export interface ColumnRecord {
  field: string;
  header: string;
}

/** What a table is built from: enough to build it again. */
export interface TableSpec {
  /** Catalogue field names, in column order; the ticker column always comes first. */
  columns: ColumnRecord[];
  criteria: ScreenCriteria;
  output: OutputMode;
  /** Absent: "screen". */
  membership?: Membership;
}

export interface TableRecord extends TableSpec {
  version: 1;
  /** The workbook.settings key this record lives under. */
  key: string;
  /** Excel's table id: it survives a rename, so a renamed table is still found. */
  tableId: string | null;
  tableName: string;
  sheetName: string;
  /** Defined name over the provenance block (values tables), which moves with the rows around it. */
  provenanceName: string | null;
  /** Rows at the last write: budgets how much is read back in one request. */
  rows: number;
  createdAt: string;
  refreshedAt: string;
}

export const RECORD_KEY_PREFIX = "qualis.table.v1.";

export function newRecordKey(random: () => string = defaultRandom): string {
  return `${RECORD_KEY_PREFIX}${random()}`;
}

function defaultRandom(): string {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

const nullableNumber = z.number().finite().nullable().optional();

const criteriaSchema = z
  .object({
    profitable: z
      .object({ basis: z.enum(PROFIT_BASES) })
      .nullable()
      .optional(),
    minQuality: nullableNumber,
    themes: z.array(z.enum(THEME_IDS as [string, ...string[]])).optional(),
    sectors: z.array(z.enum(SECTORS)).optional(),
    marketCapMin: nullableNumber,
    marketCapMax: nullableNumber,
    minGraduationProb: nullableNumber,
    sort: z
      .object({ field: z.string().min(1), descending: z.boolean() })
      .nullable()
      .optional(),
    limit: z.number().int().positive().nullable().optional(),
  })
  .strict();

const recordSchema = z
  .object({
    version: z.literal(1),
    key: z.string(),
    tableId: z.string().nullable(),
    tableName: z.string().min(1).max(255),
    sheetName: z.string().min(1).max(31),
    provenanceName: z.string().min(1).max(255).nullable(),
    columns: z
      .array(z.object({ field: z.string().min(1), header: z.string().min(1).max(255) }).strict())
      .min(1)
      .max(300),
    criteria: criteriaSchema,
    output: z.enum(["live", "values"]),
    membership: z.enum(["screen", "fixed"]).optional(),
    rows: z.number().int().min(0),
    createdAt: z.string(),
    refreshedAt: z.string(),
  })
  .strict();

export type RecordParse = { ok: true; record: TableRecord } | { ok: false; key: string; reason: string };

/** Reads a stored record; settings may hold the object itself or its JSON text. */
export function parseRecord(key: string, stored: unknown): RecordParse {
  let value = stored;
  if (typeof stored === "string") {
    try {
      value = JSON.parse(stored);
    } catch {
      return { ok: false, key, reason: "the stored settings are not valid JSON" };
    }
  }
  const r = recordSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    return { ok: false, key, reason: `${issue.path.join(".") || "record"}: ${issue.message}` };
  }
  if (r.data.key !== key) return { ok: false, key, reason: `it names a different key (${r.data.key})` };
  return { ok: true, record: r.data as TableRecord };
}
