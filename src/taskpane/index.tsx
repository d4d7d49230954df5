// Task pane entry. The page also hosts the custom functions (shared runtime), so the pane uses the runtime's one
// universe store (getStore) rather than loading its own.
import { createRoot } from "react-dom/client";
import { getStore } from "../runtime/shared-store";
import { workbookAccess } from "./pane-actions";
import { App } from "./ui/App";

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  // The Excel API where it is present: in Excel (or the browser tests' double), whatever onReady says the host is.
  createRoot(root).render(<App store={getStore()} access={workbookAccess()} />);
});
