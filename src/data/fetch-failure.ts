// The words for a snapshot fetch that failed before any answer. In a browser a host that does not allow the
// add-in's origin (no CORS headers) fails exactly like a dead address — fetch rejects with a bare TypeError and the
// page cannot tell them apart — so where the page and the snapshot are on different origins the message names CORS
// first: a host that answers in a browser tab but not in the pane is almost always that (docs/deployment.md).

import { scrubUrls } from "../model/display-url";

/** The page's origin where there is a page (the pane, the shared runtime); undefined in Node (tests, the CLI). */
function currentPageOrigin(): string | undefined {
  const loc = (globalThis as { location?: { origin?: string } }).location;
  return loc?.origin && loc.origin !== "null" ? loc.origin : undefined;
}

export function unreachableMessage(url: URL, err: unknown, pageOrigin = currentPageOrigin()): string {
  // Not `instanceof Error`: fetch's TypeError may come from another realm (Node's fetch under jest).
  const message = (err as { message?: unknown } | null)?.message;
  // The error's own words may quote the address: shown as origin and path only (issue 17, class 3).
  const why = scrubUrls(typeof message === "string" ? message : String(err));
  if (pageOrigin && pageOrigin !== url.origin)
    return (
      `Could not read ${url.host}: ${why}. If the address opens in a browser tab, its host most likely does not ` +
      `allow this add-in to read it (CORS): it must answer with the header Access-Control-Allow-Origin: ${pageOrigin} ` +
      `(or *). Otherwise check the address and your connection.`
    );
  return `Could not reach ${url.host}: ${why}. Check the address and your connection.`;
}
