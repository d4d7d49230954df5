// The one place the pane reads an iShares holdings CSV: the browser-safe importer in src/data/sources/holdings turns the
// file into a holdings-only universe (no fundamentals) and a report of what it read and skipped.
import { describeHoldingsReport, HoldingsFormatError, loadHoldingsCsv } from "../data/sources/holdings";
import type { Universe } from "../model/types";

export type HoldingsResult =
  | {
      ok: true;
      universe: Universe;
      /** What the import found, one line each (rows read, skipped, …). */ summary: string[];
    }
  | { ok: false; message: string };

export async function importHoldingsCsv(text: string, fileName: string): Promise<HoldingsResult> {
  try {
    const { universe, report } = loadHoldingsCsv(text, fileName);
    return {
      ok: true,
      universe,
      summary: [
        ...describeHoldingsReport(report).map((l) => l.trim()),
        "Holdings carry no fundamentals: quality scores and fundamentals answer #N/A; graduation probabilities use the market caps (estimated from index weights).",
      ],
    };
  } catch (e) {
    const why = (e instanceof HoldingsFormatError ? e.message : `unexpected content (${(e as Error).message})`).replace(
      /\.+$/,
      "",
    );
    return {
      ok: false,
      message: `${fileName} is not an iShares holdings export: ${why}. Download the holdings CSV from the fund's page on ishares.com and choose it again.`,
    };
  }
}

/**
 * The largest holdings file the pane reads (docs/security.md): 5 MiB, fifteen times an iShares Russell 2000 export
 * (about 340 kB for 2,000 rows). Checked from the file's size before a byte is read: the pane reads and parses in the
 * shared runtime, where a 149 MB file once used 2 GB while every cell waited.
 */
export const MAX_HOLDINGS_BYTES = 5 * 1024 * 1024;

/** A chosen file as the pane has it (a browser File, or a test's stand-in). */
export interface ChosenFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

/** importHoldingsCsv for a chosen file, refusing one over MAX_HOLDINGS_BYTES without reading it. */
export async function importHoldingsFile(file: ChosenFile): Promise<HoldingsResult> {
  if (file.size > MAX_HOLDINGS_BYTES) {
    return {
      ok: false,
      message: `${file.name} is ${(file.size / 1e6).toFixed(1)} MB, over the ${(MAX_HOLDINGS_BYTES / 1e6).toFixed(1)} MB limit of a holdings file (an iShares Russell 2000 export is about 0.3 MB); it was not read.`,
    };
  }
  // One turn of the event loop before the synchronous parse, so cells waiting on the runtime answer first.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return importHoldingsCsv(await file.text(), file.name);
}
