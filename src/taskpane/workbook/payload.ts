// Excel on the web refuses a request (everything queued before one context.sync()) larger than 5 MB. The writer
// keeps each request under a budget by estimating what it sends: the JSON of the values and formulas it sets.

/** Excel on the web's documented limit for one request or response. */
export const EXCEL_WEB_REQUEST_LIMIT = 5 * 1024 * 1024;
/** What the writer allows itself per request, leaving room for the request's own framing. */
export const DEFAULT_REQUEST_BUDGET = 4.5 * 1024 * 1024;
/** Framing of one queued action (object path, method name, ids) beyond its arguments. */
export const ACTION_OVERHEAD_BYTES = 256;

/** UTF-8 length of a string, without allocating an encoder buffer. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair is one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes a value occupies in the JSON of a request. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

export interface Chunk {
  /** First row (index into the rows given). */
  start: number;
  count: number;
  /** Estimated JSON bytes of these rows. */
  bytes: number;
}

/**
 * Splits rows into consecutive chunks whose JSON stays within `budget` bytes. The first chunk shares its request
 * with `firstOverhead` bytes of other work (table creation, formats); every chunk pays one action's framing.
 */
export function chunkRows(rows: readonly unknown[][], budget: number, firstOverhead = 0): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  let bytes = 2; // the enclosing [ ]
  let limit = budget - firstOverhead - ACTION_OVERHEAD_BYTES;
  for (let i = 0; i < rows.length; i++) {
    const rowBytes = jsonBytes(rows[i]) + 1; // its comma
    if (rowBytes + 2 > budget - ACTION_OVERHEAD_BYTES) {
      throw new Error(`Row ${i + 1} alone is ${rowBytes} bytes, over the ${budget}-byte request budget.`);
    }
    if (i > start && bytes + rowBytes > limit) {
      chunks.push({ start, count: i - start, bytes });
      start = i;
      bytes = 2;
      limit = budget - ACTION_OVERHEAD_BYTES;
    }
    bytes += rowBytes;
  }
  if (rows.length > start || chunks.length === 0) chunks.push({ start, count: rows.length - start, bytes });
  return chunks;
}
