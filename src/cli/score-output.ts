// How `qualis score` presents its columns (docs/cli.md#qualis-score). Without --labels: the catalogue names and
// plain numbers (fractions as fractions, 15 significant digits), which scripts read. With --labels: the pane's
// labels with their units from the catalogue, and "%" fields written as percentages so the header says what the
// number is (the pane shows the same fraction through a 0.0% format).
import type { FieldDef } from "../model/catalogue";

type Cell = string | number | boolean;

/** The unit written after a label that does not already carry one ("Market cap ($m)" does). */
const UNIT_SUFFIX = new Map<string, string>([
  ["%", "%"],
  ["x", "x"],
  ["0–100", "0–100"],
  ["0–1", "0–1"],
]);

export function labelledHeader(def: FieldDef): string {
  const suffix = UNIT_SUFFIX.get(def.unit);
  if (!suffix || /\([^)]*\)$/.test(def.label)) return def.label;
  return `${def.label} (${suffix})`;
}

/**
 * A text cell a spreadsheet would read as a formula (or, with a leading tab or carriage return, as one after Excel
 * trims it) gets a leading `'`, so it is shown as text and never run. Every text cell is tested on its first
 * character whatever follows — papaparse's own `escapeFormulae` pattern stops at a line break, so "=1+1\n" went
 * out unescaped (docs/security.md, class 1). Numbers and booleans are written as they are: "-3" is a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const defuseText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

export const defuseCell = (value: Cell): Cell => (typeof value === "string" ? defuseText(value) : value);

/** 15 significant digits, as Excel keeps them: 30 − 12.3 is written 17.7, not 17.700000000000003. */
export const excelDigits = (n: number): number => Number(n.toPrecision(15));

export function labelledValue(def: FieldDef, value: Cell): Cell {
  return def.unit === "%" && typeof value === "number" ? excelDigits(value * 100) : value;
}

/** The columns that are empty in every row (nothing to score them from), in column order. */
export function emptyColumns(columns: FieldDef[], rows: Cell[][]): FieldDef[] {
  if (rows.length === 0) return [];
  return columns.filter((_, i) => rows.every((r) => r[i] === ""));
}

/**
 * What to tell the user, before the CSV, when no company has fundamentals (a holdings-only snapshot): which columns
 * will be empty in every row, and how to fill them. A snapshot with fundamentals gets no note.
 */
export function emptyColumnsNote(empty: FieldDef[], total: number, hasFundamentals: boolean): string[] {
  if (hasFundamentals || empty.length === 0) return [];
  return [
    `note: this snapshot has no fundamentals (holdings only): ${empty.length} of ${total} columns will be empty in every row: ${empty.map((f) => f.name).join(", ")}.`,
    "  To fill them, build the snapshot with SEC EDGAR fundamentals:",
    '  qualis snapshot build --holdings FILE --out FILE.json --sec-dir DIR   (or --fetch --user-agent "NAME EMAIL")',
  ];
}
