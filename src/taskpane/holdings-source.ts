// The one place the pane reads an iShares holdings CSV. The importer (loadHoldingsCsv(text, fileName) →
// { universe, report }, in src/data) is being written on another branch; until it is merged this says plainly that
// the feature is not in this build. After the merge only the body of importHoldingsCsv changes.
import type { Universe } from "../model/types";

export type HoldingsResult =
  | { ok: true; universe: Universe; /** What the import found, one line each (rows read, skipped, …). */ summary: string[] }
  | { ok: false; message: string };

export async function importHoldingsCsv(text: string, fileName: string): Promise<HoldingsResult> {
  void text;
  return {
    ok: false,
    message: `${fileName} was not read: loading an iShares holdings CSV is not available in this build yet. Use the demo universe or a snapshot URL for now.`,
  };
}
