// The Evidence template in Chromium, against the production build: refused on the demo (it has no second date), then
// over the real IWM holdings of 5 Nov 2025 (loaded through the pane) with the 10 Apr 2026 file chosen as the later
// one. The sheet, drawn from the Excel double's record, is saved to tests/e2e/screenshots/evidence-*.png to be
// looked at. The real files are read in place from ../shared/fixtures.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { factorEvidence, holdingsPrices } from "../../src/data/factor-evidence";
import { loadHoldingsCsv } from "../../src/data/sources/holdings";
import { parseHoldingsCsv } from "../../src/data/sources/holdings/parse-holdings";
import { provenanceLine } from "../../src/data/universe-status";
import { engineFor } from "../../src/model/engine";
import type { ExcelDouble } from "../support/excel-double";
import { launch, openPane, type Launched, type Pane } from "./browser";
import { DIST } from "./snapshots";
import { serve } from "./static-server";
import { evaluateWorkbook } from "./workbook-formulas";
import { renderSheet, type SheetPicture } from "./workbook-render";

const SHOTS = path.join(__dirname, "screenshots");
const ISHARES = path.resolve(__dirname, "../../../shared/fixtures/ishares");
const START = path.join(ISHARES, "IWM_holdings_2025-11-05.csv");
const END = path.join(ISHARES, "IWM_holdings_2026-04-10.csv");

declare global {
  interface Window {
    __excelDouble: ExcelDouble & { calculateRegistered(): Promise<unknown[]> };
  }
}

const picture = (page: Page, sheet: string): Promise<SheetPicture> =>
  page.evaluate((s) => {
    const i = window.__excelDouble.inspect;
    return {
      sheet: s,
      cells: i.cells(s),
      tables: i.tables().filter((t) => t.sheet === s),
      charts: i.charts(s),
      conditionalFormats: i.conditionalFormats(s),
      columnWidths: i.columnWidths(s),
      autofitted: i.autofitted(s),
      showGridlines: i.showGridlines(s),
    };
  }, sheet);

beforeAll(() => {
  if (!existsSync(path.join(DIST, "taskpane.html")))
    throw new Error("dist/ is missing: run `npm run build` before `npm run test:e2e`.");
  for (const f of [START, END])
    if (!existsSync(f)) throw new Error(`${f} is missing: this suite needs ../shared/fixtures beside the project`);
  mkdirSync(SHOTS, { recursive: true });
});

describe("the Evidence template from the task pane", () => {
  let browser: Launched;
  let server: Awaited<ReturnType<typeof serve>>;
  let pane: Pane;
  let page: Page;
  let viewer: Page;
  const button = () => page.getByRole("button", { name: /^Insert evidence/ });

  beforeAll(async () => {
    server = await serve(DIST);
    browser = await launch();
    pane = await openPane(browser.context, server.url, 450);
    page = pane.page;
    viewer = await browser.context.newPage();
    await viewer.setViewportSize({ width: 1500, height: 900 });
    await page.getByTestId("universe-count").filter({ hasText: /\d/ }).waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("1. on the demo: the card says there is no second date and the button is off", async () => {
    expect(await page.getByTestId("evidence-demo").textContent()).toMatch(/^The demo universe has no second date/);
    expect(await button().isEnabled()).toBe(false);
    await page.getByTestId("evidence-item").evaluate((el) => el.scrollIntoView({ block: "center" }));
    await page.screenshot({ path: path.join(SHOTS, "evidence-01-demo-pane.png") });
  });

  test("2. over IWM 5 Nov 2025 → 10 Apr 2026: the sheet, its provenance and a chart per field with data", async () => {
    await page.getByRole("button", { name: "Change data source" }).click();
    await page.getByTestId("holdings-file-input").setInputFiles(START);
    await page.getByTestId("universe-asof").filter({ hasText: "2025-11-05" }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("evidence-demo").count()).toBe(0);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), button().click()]);
    await chooser.setFiles(END);
    await page.getByText("Evidence inserted").waitFor({ timeout: 120_000 });
    expect(await page.getByTestId("template-result").textContent()).toMatch(
      /On sheet Evidence 1: no tables and one chart, in 3 requests to Excel\./,
    );
    await page.getByTestId("template-result").evaluate((el) => el.scrollIntoView({ block: "center" }));
    await page.screenshot({ path: path.join(SHOTS, "evidence-02-pane.png") });

    // The same figures as `qualis backtest factor` computes from the two files (the pane's start quantities come
    // from the weights, the CLI's from the file: the same splits).
    const start = loadHoldingsCsv(readFileSync(START, "utf8"), "IWM_holdings_2025-11-05.csv").universe;
    const cli = factorEvidence(
      start,
      holdingsPrices(parseHoldingsCsv(readFileSync(START, "utf8")), "start"),
      holdingsPrices(parseHoldingsCsv(readFileSync(END, "utf8")), "end"),
      "graduation_prob",
    );
    const cells = new Map(
      (await page.evaluate(() => window.__excelDouble.inspect.cells("Evidence 1"))).map((c) => [c.address, c.value]),
    );
    expect(cells.get("A1")).toBe("Evidence: price returns by group, 2025-11-05 → 2026-04-10");
    expect(cells.get("B6")).toBe(cli.result.n + cli.noValue);
    expect(String(cells.get("B7"))).toMatch(new RegExp(`^${cli.left.length}: `));
    // Holdings only: the seven sections before it have no data and no chart (10 rows each, IS_PROFITABLE 7).
    const last = 82;
    expect(cells.get(`A${last}`)).toBe("Graduation probability");
    for (const [i, g] of cli.result.groups.entries()) {
      expect(cells.get(`D${last + 3 + i}`)).toBe(g.n);
      expect(cells.get(`C${last + 3 + i}`)).toBeCloseTo(g.median_return!, 12);
    }
    const charts = await page.evaluate(() => window.__excelDouble.inspect.charts("Evidence 1"));
    expect(charts.map((c) => c.source)).toEqual([`A${last + 2}:C${last + 7}`]); // holdings only: no quality data

    const calc = evaluateWorkbook(
      {
        sheets: [
          { name: "Evidence 1", cells: await page.evaluate(() => window.__excelDouble.inspect.cells("Evidence 1")) },
        ],
        tables: [],
      },
      { engine: engineFor(start), asOf: provenanceLine(start) },
    );
    const html = renderSheet(await picture(page, "Evidence 1"), calc, {
      caption: "Evidence 1 — IWM 2025-11-05 → 2026-04-10, holdings only (drawn from the Excel double's record)",
      maxRows: 160,
    });
    writeFileSync(path.join(SHOTS, "evidence-03-sheet.html"), html);
    await viewer.setContent(html);
    await viewer.screenshot({ path: path.join(SHOTS, "evidence-03-sheet.png"), fullPage: true });
    expect(await page.evaluate(() => window.__excelDouble.inspect.violations)).toEqual([]);
  });

  test("no outside request was made", () => {
    expect(pane.refused).toEqual([]);
  });
});
