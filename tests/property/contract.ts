// What every QUALIS function promises whatever it is given: a value of its declared kind or a typed Excel error (a
// CustomFunctions.Error with an output code and a message a person can read) — never a thrown exception, never NaN or
// an infinity, never a cell of another kind.
import type { FieldKind } from "../../src/model/catalogue";

/** Codes a custom function may return (#NAME? and #REF! are input-only). */
const OUTPUT_CODES = new Set(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!"]);

export function isTypedError(v: unknown): v is CustomFunctions.Error {
  return (
    v instanceof CustomFunctions.Error &&
    OUTPUT_CODES.has(v.code) &&
    typeof v.message === "string" &&
    v.message.trim().length > 0
  );
}

export type Kind = FieldKind | "score" | "probability";

export function isOfKind(v: unknown, kind: Kind): boolean {
  switch (kind) {
    case "number":
      return typeof v === "number" && Number.isFinite(v);
    case "score":
      return typeof v === "number" && v >= 0 && v <= 100;
    case "probability":
      return typeof v === "number" && v >= 0 && v <= 1;
    case "text":
      return typeof v === "string";
    case "boolean":
      return typeof v === "boolean";
  }
}

/** A blank ticker cell as a person sees it: empty, or only spaces. */
export function isBlankCell(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** The matrix a function reads from an argument (a lone value is a 1×1 range). */
export function asRows(input: unknown): unknown[][] {
  if (!Array.isArray(input)) return [[input]];
  return input.map((r) => (Array.isArray(r) ? r : [r]));
}

/** For messages: a value, shortened. */
export function show(v: unknown): string {
  if (v instanceof CustomFunctions.Error) return `Error(${v.code}, ${JSON.stringify(v.message)})`;
  const s = JSON.stringify(v, (_k, x) => (typeof x === "number" && !Number.isFinite(x) ? String(x) : x)) ?? String(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

/** Comparable form of a cell: an error becomes its code and message. */
export function comparable(v: unknown): unknown {
  return v instanceof CustomFunctions.Error ? { code: v.code, message: v.message } : v;
}

/**
 * A per-ticker function's answer: the same shape as the range, "" for a blank cell, otherwise a value of `kind` or a
 * typed error — or, when the call as a whole is refused (a bad argument, no universe), one typed error.
 */
export function checkTickerAnswer(input: unknown, out: unknown, kind: Kind, wholeCallRefused: boolean): string | null {
  if (!Array.isArray(out) || !out.every(Array.isArray)) return `not a matrix: ${show(out)}`;
  if (wholeCallRefused)
    return out.length === 1 && out[0]!.length === 1 && isTypedError(out[0]![0])
      ? null
      : `expected one typed error, got ${show(out)}`;
  const rows = asRows(input);
  if (out.length !== rows.length) return `${out.length} rows for a ${rows.length}-row range`;
  for (let r = 0; r < rows.length; r++) {
    const row = out[r] as unknown[];
    if (row.length !== rows[r]!.length) return `row ${r}: ${row.length} cells for ${rows[r]!.length}`;
    for (let c = 0; c < row.length; c++) {
      const cell = rows[r]![c];
      const v = row[c];
      if (isBlankCell(cell)) {
        if (v !== "") return `blank cell (${show(cell)}) answered ${show(v)}`;
      } else if (!isOfKind(v, kind) && !isTypedError(v))
        return `cell ${show(cell)} answered ${show(v)}, neither ${kind} nor a typed error`;
      else if (isTypedError(v) && v.message!.startsWith("Internal error"))
        return `cell ${show(cell)} met a bug: ${v.message}`;
    }
  }
  return null;
}
