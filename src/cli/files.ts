// The CLI's files, read and written with errors in plain words (docs/cli.md#errors): a wrong path says "file not
// found", not ENOENT; a workbook renamed .csv says it is a workbook; a CSV where a snapshot is expected says how to
// make a snapshot. These are failed work (exit 1), not usage errors.
import { existsSync, readFileSync, statSync, writeFileSync } from "fs";
import path from "path";

/** What the command expects the file to be, for the message when it is something else. */
export type InputKind = "holdings" | "snapshot" | "json" | "text";

const WHAT: Record<InputKind, string> = {
  holdings: "an iShares holdings CSV",
  snapshot: "a snapshot (JSON)",
  json: "a JSON file",
  text: "a text file",
};

/** A .xlsx (a zip) or an old .xls (an OLE compound file), by their first bytes. */
function workbookKind(bytes: Buffer): string | null {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304) return "an Excel workbook (.xlsx)";
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1)
    return "an Excel workbook (.xls)";
  return null;
}

/** A .csv name, or lines with commas near the top (an iShares export starts with a title line without one). */
function looksLikeCsv(file: string, text: string): boolean {
  if (/\.csv$/i.test(file)) return true;
  return text.split(/\r?\n/, 20).filter((l) => l.split(",").length >= 3).length >= 2;
}

/** Checks the path names a readable file; throws in plain words when it does not. */
export function checkInputPath(file: string, flag?: string): void {
  const named = flag ? `${flag} ${file}` : file;
  if (!existsSync(file)) {
    const dir = path.dirname(path.resolve(file));
    throw new Error(
      existsSync(dir)
        ? `${named}: file not found (no ${path.basename(file)} in ${dir})`
        : `${named}: file not found (the folder ${dir} does not exist)`,
    );
  }
  if (statSync(file).isDirectory()) throw new Error(`${named} is a directory, not a file`);
}

/** Checks the path names a folder; throws in plain words when it does not. */
export function checkInputFolder(dir: string, flag?: string): void {
  const named = flag ? `${flag} ${dir}` : dir;
  if (!existsSync(dir)) throw new Error(`${named}: folder not found (${path.resolve(dir)} does not exist)`);
  if (!statSync(dir).isDirectory()) throw new Error(`${named} is a file, not a folder`);
}

/** The file's text, after checking that it exists, is a file and is the kind of file expected. */
export function readInput(file: string, kind: InputKind, flag?: string): string {
  checkInputPath(file, flag);
  const bytes = readFileSync(file);
  const named = flag ? `${flag} ${file}` : file;
  const workbook = workbookKind(bytes);
  if (workbook)
    throw new Error(
      kind === "holdings"
        ? `${named} is ${workbook}, not a CSV: open it in Excel and save it as CSV (File → Save As → CSV UTF-8), then give that file`
        : `${named} is ${workbook}, not ${WHAT[kind]}`,
    );
  const text = bytes.toString("utf8");
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if ((kind === "snapshot" || kind === "json") && start !== "" && !/^[{[]/.test(start) && looksLikeCsv(file, start))
    throw new Error(
      kind === "snapshot"
        ? `${named} is a CSV, not a snapshot (JSON): make a snapshot from a holdings CSV with \`qualis snapshot build --holdings ${file} --out snapshot.json\``
        : `${named} is a CSV, not JSON`,
    );
  if (kind === "holdings" && /^[{[]/.test(start))
    throw new Error(`${named} is JSON, not an iShares holdings CSV (a snapshot goes to \`qualis score --snapshot\`)`);
  return text;
}

/** Checks that `file` can be written: its folder exists and it is not itself a folder. Call before the work. */
export function ensureOutPath(file: string, flag = "--out"): void {
  const dir = path.dirname(path.resolve(file));
  if (!existsSync(dir)) throw new Error(`${flag} ${file}: the folder ${dir} does not exist (create it first)`);
  if (!statSync(dir).isDirectory()) throw new Error(`${flag} ${file}: ${dir} is a file, not a folder`);
  if (existsSync(file) && statSync(file).isDirectory())
    throw new Error(`${flag} ${file} is a directory: give a file name inside it, e.g. ${path.join(file, "out")}`);
}

/** Writes the output after the same checks (the folder may have gone while the work ran). */
export function writeOutput(file: string, text: string, flag = "--out"): void {
  ensureOutPath(file, flag);
  writeFileSync(file, text);
}
