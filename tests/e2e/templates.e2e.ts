// The templates in Chromium, against the production build: each inserted from the pane over the demo universe and
// over a holdings-only one. What the workbook received is read from the Excel double in the page, calculated as
// Excel would (workbook-formulas.ts) and drawn as a picture (workbook-render.ts); screenshots of the pane and of
// each sheet land in tests/e2e/screenshots/templates/ (templates-*.png) to be looked at.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { loadHoldingsCsv } from "../../src/data/sources/holdings";
import { provenanceLine } from "../../src/data/universe-status";
import { engineFor } from "../../src/model/engine";
import type { Universe } from "../../src/model/types";
import type { ExcelDouble } from "../support/excel-double";
import { launch, openPane, type Launched, type Pane } from "./browser";
import { demoText, DIST, universeOf } from "./snapshots";
import { serve } from "./static-server";
import { evaluateWorkbook, type Evaluation, type WorkbookView } from "./workbook-formulas";
import { renderSheet, type SheetPicture } from "./workbook-render";

/** This suite's own folder: another suite never deletes what it wrote. */
const SHOTS = path.join(__dirname, "screenshots", "templates");
const HOLDINGS = path.join(__dirname, "../fixtures/holdings/IWM_excerpt.csv");

declare global {
  interface Window {
    __excelDouble: ExcelDouble & { calculateRegistered(): Promise<unknown[]> };
  }
}

const workbook = (page: Page): Promise<WorkbookView> =>
  page.evaluate(() => {
    const i = window.__excelDouble.inspect;
    return { sheets: i.sheetNames().map((name) => ({ name, cells: i.cells(name) })), tables: i.tables() };
  });

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
  mkdirSync(SHOTS, { recursive: true });
  for (const f of readdirSync(SHOTS))
    if (f.startsWith("templates-") && /\.(png|html)$/.test(f)) rmSync(path.join(SHOTS, f));
});

describe("templates from the task pane", () => {
  let browser: Launched;
  let server: Awaited<ReturnType<typeof serve>>;
  let pane: Pane;
  let page: Page;
  let viewer: Page;
  const demo = universeOf(demoText());
  const holdings = loadHoldingsCsv(readFileSync(HOLDINGS, "utf8"), "IWM_excerpt.csv").universe;

  /** The pane as the user sees it, scrolled to an element (by test id) when given. */
  const shot = async (name: string, at?: string) => {
    const file = path.join(SHOTS, `templates-${name}.png`);
    if (!at) return void (await page.screenshot({ path: file, fullPage: true }));
    await page
      .getByTestId(at)
      .first()
      .evaluate((el) => el.scrollIntoView({ block: "center" }));
    await page.screenshot({ path: file });
  };
  /** The workbook calculated over `u`, and a picture of `sheet` saved in this suite's screenshot folder. */
  const calculate = async (u: Universe) =>
    evaluateWorkbook(await workbook(page), { engine: engineFor(u), asOf: provenanceLine(u) });
  const drawSheet = async (name: string, sheet: string, calc: Evaluation, caption: string) => {
    const html = renderSheet(await picture(page, sheet), calc, { caption, maxRows: 75 });
    writeFileSync(path.join(SHOTS, `templates-${name}.html`), html);
    await viewer.setContent(html);
    await viewer.screenshot({ path: path.join(SHOTS, `templates-${name}.png`), fullPage: true });
  };
  const insertFromPane = async (button: string, title: string) => {
    await page.getByRole("button", { name: button }).click();
    await page.getByText(`${title} inserted`).waitFor({ timeout: 60_000 });
  };

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

  test("1. the Templates section: one card per user, ready over the demo universe", async () => {
    expect(await page.getByTestId("template-item").count()).toBe(3);
    for (const name of ["Insert screening dashboard", "Insert allocation model", "Insert client table"]) {
      expect(await page.getByRole("button", { name }).isEnabled()).toBe(true);
    }
    expect(await page.getByText(/over the data loaded now \(2,000 companies, DEMO\)/).count()).toBe(1);
    await page.waitForTimeout(500); // the buttons' enabled colours fade in
    await shot("01-pane", "template-item");
  });

  test("1b. keyboard: the three buttons are one stop in the Tab order; the arrow keys move between them", async () => {
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    await page.getByRole("button", { name: "Change data source" }).focus();
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("Insert screening dashboard");
    await page.keyboard.press("ArrowDown");
    expect(await focused()).toBe("Insert allocation model");
    await page.keyboard.press("ArrowDown");
    expect(await focused()).toBe("Insert client table");
    await page.keyboard.press("Tab");
    expect(await focused()).not.toMatch(/^Insert (screening|allocation|client)/);
    await page.keyboard.press("Shift+Tab");
    expect(await focused()).toBe("Insert client table"); // the group remembers where you were
  });

  test("2. screening dashboard: the live universe table, summary figures and four charts over the sheet's own ranges", async () => {
    await insertFromPane("Insert screening dashboard", "Screening dashboard");
    expect(await page.getByTestId("template-result").textContent()).toMatch(
      /On sheet Dashboard 1: one table and 4 charts, in 3 requests to Excel\./,
    );
    await shot("02-dashboard-pane", "template-result");
    const t = await page.evaluate(() => window.__excelDouble.inspect.tables());
    expect(t).toEqual([
      expect.objectContaining({
        name: "Dashboard_1",
        sheet: "Dashboard 1",
        address: `A50:H${50 + demo.companies.length}`,
      }),
    ]);
    const charts = await page.evaluate(() => window.__excelDouble.inspect.charts("Dashboard 1"));
    expect(charts.map((c) => [c.type, c.source])).toEqual([
      ["ColumnClustered", "J8:K18"],
      ["BarClustered", "J21:K32"],
      ["BarClustered", "K35:L60"],
      ["BarClustered", "J63:L70"],
    ]);
    // Excel calls the page's own functions for the table's formulas; the tests' calculation agrees with them.
    await page.evaluate(() => window.__excelDouble.calculateRegistered());
    const calc = await calculate(demo);
    const rows = await page.evaluate(() => window.__excelDouble.inspect.tableRows("Dashboard_1").slice(0, 40));
    for (const [k, r] of rows.entries()) {
      for (const [col, h] of [
        ["E", "Quality score"],
        ["G", "Graduation probability"],
        ["C", "Sector"],
      ] as const) {
        const fromPage = r[h]!.value;
        const fromCalc = calc.value("Dashboard 1", `${col}${51 + k}`);
        if (typeof fromPage === "number") expect(fromCalc).toBeCloseTo(fromPage, 12);
        else expect(fromCalc).toBe(fromPage);
      }
    }
    expect(calc.value("Dashboard 1", "A2")).toBe("DEMO DATA: fictional companies, not real securities");
    expect(calc.value("Dashboard 1", "D7")).toBe(demo.companies.length);
    expect(await page.evaluate(() => window.__excelDouble.inspect.violations)).toEqual([]);
    await drawSheet(
      "02-dashboard-sheet",
      "Dashboard 1",
      calc,
      "Dashboard 1 — screening dashboard over the demo universe (drawn from the Excel double's record)",
    );
  });

  test("3. allocation model: the PM's weights as inputs, checks that say OK, tilt charts", async () => {
    await insertFromPane("Insert allocation model", "Allocation model");
    expect(await page.getByTestId("template-result").textContent()).toMatch(
      /On sheet Allocation 1: 2 tables and 2 charts, in 3 requests to Excel\./,
    );
    await shot("03-allocation-pane", "template-result");
    const calc = await calculate(demo);
    expect(calc.grid("Allocation 1", "C13:C15")).toEqual([["OK"], [0], ["OK"]]);
    expect(calc.value("Allocation 1", "C12")).toBeCloseTo(1, 12);
    expect(await page.evaluate(() => window.__excelDouble.inspect.charts("Allocation 1").map((c) => c.source))).toEqual(
      ["N24:O35", "N38:O45"],
    );
    await drawSheet(
      "03-allocation-sheet",
      "Allocation 1",
      calc,
      "Allocation 1 — allocation model over the demo universe",
    );
  });

  test("4. client table: values only, the provenance block with DEMO, one landscape page", async () => {
    await insertFromPane("Insert client table", "Client table");
    await shot("04-client-pane", "template-result");
    const cells = await page.evaluate(() => window.__excelDouble.inspect.cells("Client table 1"));
    expect(cells.filter((c) => c.formula !== null)).toEqual([]);
    expect(cells.find((c) => c.address === "A5")!.value).toMatch(/^Qualis Small Caps · DEMO DATA/);
    expect(await page.evaluate(() => window.__excelDouble.inspect.pageLayout("Client table 1"))).toMatchObject({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
    });
    await drawSheet(
      "04-client-sheet",
      "Client table 1",
      await calculate(demo),
      "Client table 1 — client table over the demo universe (values only)",
    );
  });

  test("5. Refresh all re-pulls the templates' four tables in place", async () => {
    await page.evaluate(() => window.__excelDouble.calculateRegistered()); // as Excel would have, before the user refreshes
    await page.getByRole("button", { name: "Refresh all" }).click();
    await page.getByText(/^Refresh finished: 4 refreshed\.$/).waitFor({ timeout: 60_000 });
    await shot("05-refreshed", "refresh-summary");
    // The same data: nothing changed, in any of the four tables.
    expect(await page.getByTestId("refresh-summary").textContent()).not.toMatch(/[1-9][\d,]* values? changed/);
    const calc = await calculate(demo);
    expect(calc.value("Allocation 1", "C15")).toBe("OK");
  });

  test("6. over a holdings-only universe: every template inserts, and its sheet says what is missing", async () => {
    await page.getByRole("button", { name: "Change data source" }).click();
    await page.getByTestId("holdings-file-input").setInputFiles(HOLDINGS);
    await page.getByText("IWM_excerpt.csv: 6 companies as of 2026-04-10.", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Insert screening dashboard" }).scrollIntoViewIfNeeded();
    expect(await page.getByText(/over the data loaded now \(6 companies\)/).count()).toBe(1);
    await insertFromPane("Insert screening dashboard", "Screening dashboard");
    expect(await page.getByTestId("template-result").textContent()).toMatch(/This data has no fundamentals/);
    await shot("06-holdings-pane", "template-result");
    await insertFromPane("Insert allocation model", "Allocation model");
    await insertFromPane("Insert client table", "Client table");
    const calc = await calculate(holdings);
    expect(calc.value("Dashboard 2", "A12")).toMatch(/^No fundamentals in this data/);
    expect(calc.value("Allocation 2", "A5")).toMatch(/^No fundamentals in this data/);
    expect(calc.value("Client table 2", "A1")).toBe("Small caps: the 25 largest companies by market cap");
    expect(
      (await page.evaluate(() => window.__excelDouble.inspect.cells("Client table 2"))).filter(
        (c) => c.formula !== null,
      ),
    ).toEqual([]);
    await drawSheet(
      "06-holdings-dashboard-sheet",
      "Dashboard 2",
      calc,
      "Dashboard 2 — over the holdings-only IWM excerpt (no fundamentals)",
    );
    await drawSheet(
      "06-holdings-allocation-sheet",
      "Allocation 2",
      calc,
      "Allocation 2 — over the holdings-only IWM excerpt",
    );
    await drawSheet(
      "06-holdings-client-sheet",
      "Client table 2",
      calc,
      "Client table 2 — over the holdings-only IWM excerpt",
    );
    expect(await page.evaluate(() => window.__excelDouble.inspect.violations)).toEqual([]);
  });

  test("7. the pane at 320 px: the Templates section fits", async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    await shot("07-pane-320", "template-item");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("no outside request was made, and the page logged no errors", () => {
    expect(pane.refused).toEqual([]);
    const uls =
      /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy directive/;
    expect(pane.consoleErrors.filter((e) => !uls.test(e))).toEqual([]);
  });
});
