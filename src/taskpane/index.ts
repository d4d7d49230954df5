// Task pane entry (shared runtime: the same page also hosts the functions). A first, plain view of the universe;
// the full React pane replaces it.
import { getStore } from "../functions/universe-runtime";
import { asOfText } from "../data/universe-status";
import type { UniverseStore } from "../data/universe-store";

function render(store: UniverseStore): void {
  const root = document.getElementById("root");
  if (!root) return;
  root.textContent = "";
  const h = document.createElement("h1");
  h.textContent = "Qualis Small Caps";
  const p = document.createElement("p");
  const loaded = store.current;
  p.textContent = loaded
    ? `${asOfText(loaded, store.lastFailure)} — ${loaded.universe.companies.length} companies`
    : store.lastFailure
      ? `No universe loaded: ${store.lastFailure.message}`
      : "Loading the universe…";
  root.append(h, p);
}

Office.onReady(() => {
  const store = getStore();
  store.subscribe(render);
  render(store);
});
