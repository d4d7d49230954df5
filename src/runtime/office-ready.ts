// Office.onReady, called by the functions bundle as well as the pane: office.js finishes initialising (and defines
// OfficeRuntime) only once some script on the page has called it, so a page whose pane bundle failed to load would
// leave every cell at #BUSY!. Where office.js is late the global is awaited; where it never comes (a plain page
// without it, the build test's sandbox) or onReady never answers, the runtime goes on after `timeoutMs`.
type OfficeGlobals = { Office?: { onReady?: (cb?: () => void) => unknown } };

const POLL_MS = 50;

let ready: Promise<void> | null = null;

export function waitForOffice(g: object = globalThis, timeoutMs = 10_000): Promise<void> {
  return new Promise<void>((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(giveUp);
      resolve();
    };
    const giveUp = setTimeout(finish, timeoutMs);
    (giveUp as { unref?: () => void }).unref?.();
    const attempt = () => {
      if (done) return;
      let office: OfficeGlobals["Office"];
      try {
        office = (g as OfficeGlobals).Office;
      } catch {
        office = undefined;
      }
      if (typeof office?.onReady === "function") {
        try {
          const p = office.onReady(() => finish());
          if (p && typeof (p as Promise<unknown>).then === "function") (p as Promise<unknown>).then(finish, finish);
        } catch {
          finish();
        }
        return;
      }
      const t = setTimeout(attempt, POLL_MS);
      (t as { unref?: () => void }).unref?.();
    };
    attempt();
  });
}

/** The page's one wait for Office (memoised): resolves once Office.onReady has answered or the wait gave up. */
export function officeReady(): Promise<void> {
  ready ??= waitForOffice();
  return ready;
}
