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
