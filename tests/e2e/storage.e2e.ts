// One storage backend and key set whatever the load order (office.js, runtime.js, functions.js and taskpane.js each
// held back in turn), with the real office.js in Chromium over the production build; blocked storage handled; the
// stored snapshot's size. A chosen snapshot URL left by an earlier session under the plain localStorage key (the
// branch the race used to take) is migrated once, and the snapshot it serves is stored compacted.
import { existsSync, readFileSync } from "fs";
import path from "path";
import { launch, openPane, type Launched } from "./browser";
import { DIST } from "./snapshots";
import { serve } from "./static-server";

const SNAPSHOT_URL = "https://data.qualis-e2e.com/snapshot.json";
const SOURCE = JSON.stringify({ kind: "url", url: SNAPSHOT_URL });
const PREFIX = "_OfficeRuntime_Storage_";
// An earlier session's setting under the plain key, written once per profile (not again on the reloads).
const SEED = `if (!sessionStorage.getItem("seeded")) { sessionStorage.setItem("seeded", "1"); localStorage.setItem("qualis.source.v1", ${JSON.stringify(SOURCE)}); }`;

let server: Awaited<ReturnType<typeof serve>>;
let demoText = "";

beforeAll(async () => {
  if (!existsSync(path.join(DIST, "taskpane.html")))
    throw new Error("dist/ is missing: run `npm run build` before `npm run test:e2e`.");
  demoText = readFileSync(path.join(DIST, "snapshot", "demo.json"), "utf8");
  server = await serve(DIST);
});
afterAll(async () => server?.close());

async function storedKeys(delays: Record<string, number>, initScripts: string[] = [SEED]) {
  const browser: Launched = await launch();
  try {
    const { page, consoleErrors } = await openPane(browser.context, server.url, 450, {
      delays,
      initScripts,
      routes: { [SNAPSHOT_URL]: { body: demoText } },
    });
    await page.getByTestId("universe-count").filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
    // The stored copy under either backend's key (the test then says which, and that it is only one).
    await page.waitForFunction(
      (p) =>
        localStorage.getItem("qualis.lastGood.v1") !== null || localStorage.getItem(`${p}qualis.lastGood.v1`) !== null,
      PREFIX,
      { timeout: 30_000 },
    );
    const entries = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.includes("qualis."))
        .sort()
        .map((k) => [k, localStorage.getItem(k)!.length] as const),
    );
    return { entries, consoleErrors, source: await page.getByTestId("universe-source").textContent() };
  } finally {
    await browser.close();
  }
}

describe("one storage backend whatever the load order", () => {
  const keySets = new Map<string, string[]>();
  test.each([
    ["no delay", {}],
    ["office.js held 1.5 s", { "office.js": 1500 }],
    ["runtime.js held 1 s", { "runtime.js": 1000 }],
    ["functions.js held 1 s", { "functions.js": 1000 }],
    ["taskpane.js held 1 s", { "taskpane.js": 1000 }],
  ])("%s: one key set, the earlier session's setting kept, the snapshot stored compacted", async (what, delays) => {
    const { entries } = await storedKeys(delays);
    const keys = entries.map(([k]) => k);
    // Either backend's pair, never a mix: OfficeRuntime.storage (prefixed) or localStorage (plain).
    expect([
      ["qualis.lastGood.v1", "qualis.source.v1"],
      [`${PREFIX}qualis.lastGood.v1`, `${PREFIX}qualis.source.v1`],
    ]).toContainEqual(keys);
    keySets.set(what, keys);
    const stored = entries.find(([k]) => k.endsWith("lastGood.v1"))![1];
    console.log(
      `${what}: keys ${keys.join(", ")}; stored snapshot record ${stored.toLocaleString("en-US")} characters (the demo file: ${demoText.length.toLocaleString("en-US")})`,
    );
    expect(stored).toBeLessThan(demoText.length / 5);
  });

  test("every load order chose the same backend and keys", () => {
    expect(keySets.size).toBe(5);
    expect(new Set([...keySets.values()].map((k) => k.join())).size).toBe(1);
  });
});

test("blocked storage (reading localStorage throws): the pane and the functions still load, in memory, and say so", async () => {
  const block = `Object.defineProperty(window, "localStorage", { get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });`;
  const browser = await launch();
  try {
    const { page } = await openPane(browser.context, server.url, 450, { initScripts: [block] });
    await page.getByTestId("universe-count").filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
    await page.getByText(/This browser blocks storage for the add-in/).waitFor({ timeout: 15_000 });
  } finally {
    await browser.close();
  }
});
