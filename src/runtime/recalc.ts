// When a new universe is accepted (a refresh, a new source — anything after the first load), every cell that
// depends on it must recalculate without the user retyping: QUALIS functions are not volatile, so Excel is asked
// for a full recalculation. Outside Excel (tests, the CLI, a plain page) there is nothing to recalculate.
import type { UniverseStore } from "../data/universe-store";

/** Asks Excel for a full recalculation; resolves false where there is no Excel or the request failed. */
export async function requestFullRecalculation(): Promise<boolean> {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") return false;
  try {
    await Excel.run(async (context) => {
      context.workbook.application.calculate(Excel.CalculationType.full);
      await context.sync();
    });
    return true;
  } catch {
    return false; // a workbook in a state that refuses calculation (e.g. cell edit mode); the next load asks again
  }
}

/**
 * Subscribes to the store: each newly accepted universe after the first (generation > 1) triggers one full
 * recalculation. A refused load (same generation) triggers nothing. Returns the unsubscribe function.
 */
export function recalculateOnNewUniverse(
  store: UniverseStore,
  recalc: () => Promise<unknown> = requestFullRecalculation,
): () => void {
  let seen = store.current?.generation ?? 0;
  return store.subscribe((s) => {
    const generation = s.current?.generation ?? 0;
    if (generation <= seen) return;
    seen = generation;
    if (generation > 1) void recalc();
  });
}
