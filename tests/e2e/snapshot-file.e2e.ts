// Opening a snapshot file in the pane (Change data source → Open snapshot file…), in Chromium against the production
// build: a file that is not a snapshot is refused with the reason, the file `qualis snapshot build` writes is loaded,
// labelled with its name and as-of date, and the custom functions answer from it.
import { existsSync, readFileSync } from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { EXCERPT, GENERATED_AT, qualis, SEC_DIR, tempDir } from "../cli/run-cli";
import { launch, openPane, type Launched, type Pane } from "./browser";
import { DIST } from "./snapshots";
import { serve } from "./static-server";

type Mappings = Record<string, (...args: unknown[]) => Promise<unknown>>;
/** Calls a custom function the way Excel would: the one the page registered with CustomFunctions.associate. */
const call = (page: Page, name: string, ...args: unknown[]) =>
  page.evaluate(
    ([n, a]) =>
      (window as unknown as { CustomFunctions: { _association: { mappings: Mappings } } }).CustomFunctions._association
        .mappings[n as string]!(...(a as unknown[])),
    [name, args] as const,
  );

describe("the pane opens a snapshot file", () => {
  let browser: Launched;
  let server: Awaited<ReturnType<typeof serve>>;
  let pane: Pane;
  let page: Page;
  const snapshot = path.join(tempDir(), "r2000-fixtures.json");

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, "taskpane.html")))
      throw new Error("dist/ is missing: run `npm run build` before `npm run test:e2e`.");
    // what an analyst is handed: the CLI's snapshot of the fixture holdings and SEC files
    const built = await qualis(
      "snapshot",
      "build",
      "--holdings",
      EXCERPT,
      "--sec-dir",
      SEC_DIR,
      "--out",
      snapshot,
      "--generated-at",
      GENERATED_AT,
    );
    if (built.code !== 0) throw new Error(built.err);
    server = await serve(DIST);
    browser = await launch();
    pane = await openPane(browser.context, server.url, 450);
    page = pane.page;
    await page.getByTestId("universe-count").filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("a JSON file that is not a snapshot is refused with the reason; the demo stays in use", async () => {
    await page.getByRole("button", { name: "Change data source" }).click();
    await page.getByRole("button", { name: "Open snapshot file…" }).waitFor();
    await page.getByTestId("snapshot-file-input").setInputFiles({
      name: "notes.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await page.getByText("notes.json was not loaded").waitFor();
    expect(await page.getByText(/Snapshot refused: /).count()).toBeGreaterThan(0);
    expect(await page.getByText("DEMO", { exact: true }).count()).toBe(1);
  });

  test("the built snapshot loads, labelled with file name and as-of date, and QUALIS.FIELD answers from it", async () => {
    await page.getByTestId("snapshot-file-input").setInputFiles(snapshot);
    await page.getByText("r2000-fixtures.json: 6 companies as of 2026-04-10.", { exact: false }).waitFor();
    expect(await page.getByTestId("universe-count").textContent()).toBe("6"); // the escrow line ZZRO is not a company
    expect(await page.getByTestId("universe-asof").textContent()).toBe("2026-04-10");
    expect(await page.getByTestId("universe-coverage").textContent()).toMatch(/^4 of 6/);
    expect(await page.getByTestId("universe-source").textContent()).toBe(
      "iShares Russell 2000 ETF holdings as of 2026-04-10 + SEC EDGAR companyfacts and submissions (4 of 6 companies with fundamentals) — snapshot file r2000-fixtures.json, as of 2026-04-10",
    );
    expect(await page.getByText("DEMO", { exact: true }).count()).toBe(0);
    // ZJUN's TTM revenue in the fixture companyfacts is 137 (USD millions); its industry comes from its submissions
    const wire = JSON.parse(readFileSync(snapshot, "utf8"));
    expect(wire.companies.find((c: { ticker: string }) => c.ticker === "ZJUN")).toBeDefined();
    expect(await call(page, "FIELD", [["ZJUN"]], "revenue")).toEqual([[137]]);
    expect(await call(page, "FIELD", [["ZJUN"]], "industry")).toEqual([
      ["Special Industry Machinery (No Metalworking Machinery)"],
    ]);
  });

  test("no outside request was made, and the page logged no errors", () => {
    expect(pane.refused).toEqual([]);
    const uls =
      /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy directive/;
    expect(pane.consoleErrors.filter((e) => !uls.test(e))).toEqual([]);
  });
});
