// How the loaded universe is described to a person — in QUALIS.AS_OF(), the task pane and provenance blocks.
import { scrubUrls } from "../model/display-url";
import type { Universe } from "../model/types";
import { describeSource, type LoadedUniverse, type LoadFailure } from "./universe-store";

/** "2026-10-30 · DEMO (fictional companies)" or "2026-04-10 · iShares IWM holdings …". */
export function provenanceLine(u: Universe): string {
  const source = u.provenance.isDemo ? "DEMO (fictional companies)" : scrubUrls(u.provenance.source);
  return `${u.provenance.asOf} · ${source}`;
}

/** QUALIS.AS_OF(): the date and source, plus a warning when the last load failed and older data is in use. */
export function asOfText(loaded: LoadedUniverse, failure: LoadFailure | null): string {
  let text = provenanceLine(loaded.universe);
  if (loaded.fromCache) text += " · offline copy";
  if (failure)
    text += ` · last refresh failed (${describeSource(failure.source)}): ${failure.message} — previous data in use`;
  return text;
}
