// The task pane in Chromium, against the production build: choose fields, filter, insert static and live tables,
// change the data source, refresh in place, meet a deleted table — at 320 and 450 px wide, with a screenshot of
// each step in tests/e2e/screenshots/pane/. What the workbook received is read from the Excel double in the page.
import { existsSync, mkdirSync, readdirSync, rmSync } from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { engineFor } from "../../src/model/engine";
import { findField } from "../../src/model/catalogue";
import type { ScreenCriteria } from "../../src/model/screen";
import type { CellView, ExcelDouble } from "../support/excel-double";
import { launch, openPane, type Launched, type Pane } from "./browser";
import { serve } from "./static-server";
import { demoText, DIST, INJECTIONS, laterSnapshot, SNAPSHOT_URL, universeOf } from "./snapshots";

/** This suite's own folder: another suite never deletes what it wrote. */
const SHOTS = path.join(__dirname, "screenshots", "pane");
const HOLDINGS_EXCERPT = path.join(__dirname, "../fixtures/holdings/IWM_excerpt.csv");
const CRITERIA: ScreenCriteria = {
  sectors: ["Industrials"],
  marketCapMin: 500,
  sort: { field: "market_cap", descending: true },
};
const FIELDS = ["Ticker", "Name", "Market cap ($m)", "Themes"];
const capFormat = findField("market_cap")!.numberFormat;

declare global {
  interface Window {
    __excelDouble: ExcelDouble & { calculateRegistered(): Promise<unknown[]> };
  }
}

// What the workbook (the Excel double in the page) holds now.
const tables = (page: Page) => page.evaluate(() => window.__excelDouble.inspect.tables());
const tableRows = (page: Page, name: string) => page.evaluate((n) => window.__excelDouble.inspect.tableRows(n), name);
const grid = (page: Page, sheet: string, address: string) =>
  page.evaluate(([s, a]) => window.__excelDouble.inspect.grid(s, a), [sheet, address] as const);
const cell = (page: Page, sheet: string, address: string) =>
  page.evaluate(([s, a]) => window.__excelDouble.inspect.cell(s, a), [sheet, address] as const);
const violations = (page: Page) => page.evaluate(() => window.__excelDouble.inspect.violations);
const column = (block: CellView[][]) => block.map(([c]) => String(c!.value));
const capBox = (page: Page, label: "From" | "To") =>
  page.getByRole("group", { name: "Market cap ($ millions)" }).getByLabel(label);

const value = (c: CellView | undefined) => c?.value;

/** Whether the build registers QUALIS.FIELD (the live formulas' function) with CustomFunctions.associate. */
async function fieldRegistered(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      "FIELD" in
      ((window as unknown as { CustomFunctions: { _association: { mappings: object } } }).CustomFunctions._association
        .mappings ?? {}),
  );
}

beforeAll(() => {
  if (!existsSync(path.join(DIST, "taskpane.html")))
    throw new Error("dist/ is missing: run `npm run build` before `npm run test:e2e`.");
  mkdirSync(SHOTS, { recursive: true });
  for (const f of readdirSync(SHOTS)) if (f.endsWith(".png")) rmSync(path.join(SHOTS, f));
});

describe.each([320, 450])("the task pane at %i px", (width) => {
  let browser: Launched;
  let server: Awaited<ReturnType<typeof serve>>;
  let pane: Pane;
  let page: Page;
  let step = 0;
  /** The whole pane, or (with `at`) the 900 px a user sees with that element scrolled into view. */
  const shot = async (name: string, at?: string) => {
    step++;
    const file = path.join(SHOTS, `${width}-${String(step).padStart(2, "0")}-${name}.png`);
    if (!at) return void (await page.screenshot({ path: file, fullPage: true }));
    await page
      .getByTestId(at)
      .first()
      .evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: file });
  };
  const demo = universeOf(demoText());
  const expected = engineFor(demo).screen(CRITERIA);
  const later = universeOf(laterSnapshot(CRITERIA));
  const expectedLater = engineFor(later).screen(CRITERIA);

  beforeAll(async () => {
    server = await serve(DIST);
    browser = await launch();
    pane = await openPane(browser.context, server.url, width, {
      routes: { [SNAPSHOT_URL]: { body: laterSnapshot(CRITERIA) } },
    });
    page = pane.page;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("1. the universe: the bundled demo, labelled DEMO", async () => {
    await page.getByTestId("universe-count").filter({ hasText: /\d/ }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("universe-count").textContent()).toBe(demo.companies.length.toLocaleString("en-US"));
    expect(await page.getByTestId("universe-asof").textContent()).toBe(demo.provenance.asOf);
    expect(await page.getByTestId("universe-source").textContent()).toMatch(/Demo universe \(fictional companies\)/);
    await expect(page.getByText("DEMO", { exact: true }).isVisible()).resolves.toBe(true);
    expect(await page.getByTestId("universe-coverage").textContent()).toMatch(
      new RegExp(`^${demo.provenance.coverage.withFundamentals.toLocaleString("en-US")} of`),
    );
    await shot("universe");
  });

  test("2. fields: searched, chosen and removed; the chosen ones in column order", async () => {
    await page.getByPlaceholder("Search fields").fill("theme");
    await page.getByRole("checkbox", { name: /^Themes/ }).check();
    await shot("field-search");
    await page.getByPlaceholder("Search fields").fill("");
    await page.getByRole("button", { name: "Remove Sector" }).click();
    expect(await page.getByRole("checkbox", { name: /^Sector/ }).isChecked()).toBe(false);
    expect(await page.getByRole("checkbox", { name: /^Name/ }).isChecked()).toBe(true);
  });

  test("3. filters: a live count of the matching rows before anything is written", async () => {
    await page.getByRole("combobox", { name: "Sectors" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Industrials" }).click(); // a multi-select dropdown's popup is a menu
    await page.keyboard.press("Escape");
    await capBox(page, "From").fill("500");
    await page
      .getByTestId("match-count")
      .filter({ hasText: `${expected.length} of` })
      .waitFor();
    expect(await page.getByTestId("match-count").textContent()).toBe(
      `${expected.length} of ${demo.companies.length.toLocaleString("en-US")} companies match`,
    );
    await capBox(page, "To").fill("100");
    await page.getByText("The maximum is below the minimum.").waitFor();
    expect(await page.getByRole("button", { name: "Insert table" }).isDisabled()).toBe(true);
    await shot("filters-invalid");
    await capBox(page, "To").fill("");
    await page
      .getByTestId("match-count")
      .filter({ hasText: `${expected.length} of` })
      .waitFor();
    await shot("filters");
    expect(await page.evaluate(() => window.__excelDouble.inspect.writes.length)).toBe(0); // nothing written yet
  });

  test("4. values on a new sheet: provenance block, header, rows, number formats, frozen header", async () => {
    await page.getByRole("button", { name: "Insert table" }).click();
    await page.getByText("Qualis_1 inserted").waitFor();
    expect(await tables(page)).toEqual([
      expect.objectContaining({
        name: "Qualis_1",
        sheet: "Qualis 1",
        address: `A6:D${6 + expected.length}`,
        headers: FIELDS,
      }),
    ]);
    const rows = await tableRows(page, "Qualis_1");
    expect(rows.map((r) => value(r.Ticker))).toEqual(expected.map((c) => c.ticker));
    expect(rows.map((r) => value(r["Market cap ($m)"]))).toEqual(expected.map((c) => c.marketCap));
    expect(rows.map((r) => value(r.Name))).toEqual(expected.map((c) => c.name));
    expect(
      new Set(
        rows.map(
          (r) =>
            `${r.Ticker!.numberFormat}|${r.Name!.numberFormat}|${r["Market cap ($m)"]!.numberFormat}|${r.Themes!.numberFormat}`,
        ),
      ),
    ).toEqual(new Set([`@|@|${capFormat}|@`]));
    const block = await grid(page, "Qualis 1", "A1:A5");
    const lines = column(block);
    expect(lines[0]).toMatch(/^Qualis Small Caps · DEMO DATA: fictional companies/);
    expect(lines[1]).toBe(
      "Source: DEMO universe (fictional companies), read from bundled demo universe · data as of 2026-10-30",
    );
    expect(lines[2]).toBe(
      `Filters: sectors: Industrials; market cap at least $500m; sorted by Market cap ($m), largest first · ${expected.length} companies`,
    );
    expect(lines[3]).toMatch(/^Written: \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    expect(lines[4]).toBe("");
    expect(block.slice(0, 4).every(([c]) => c!.numberFormat === "@" && c!.formula === null)).toBe(true);
    expect(await page.evaluate(() => window.__excelDouble.inspect.frozenRows("Qualis 1"))).toBe(6);
    expect(await violations(page)).toEqual([]);
    await page.getByTestId("table-item").first().waitFor();
    await shot("inserted-values");
  });

  test("5. live formulas: one QUALIS formula per column that calculates to the same numbers", async () => {
    await page.getByRole("radio", { name: /^Live formulas/ }).check();
    await page.getByRole("button", { name: "Insert table" }).click();
    await page.getByText("Qualis_2 inserted").waitFor();
    const rows = await tableRows(page, "Qualis_2");
    expect(rows.map((r) => value(r.Ticker))).toEqual(expected.map((c) => c.ticker));
    expect(new Set(rows.map((r) => r["Market cap ($m)"]!.formula))).toEqual(
      new Set(['=QUALIS.FIELD([@Ticker],"market_cap")']),
    );
    expect(new Set(rows.map((r) => r.Name!.formula))).toEqual(new Set(['=QUALIS.FIELD([@Ticker],"name")']));
    expect(
      new Set(
        rows.map((r) => `${r.Ticker!.numberFormat}|${r.Name!.numberFormat}|${r["Market cap ($m)"]!.numberFormat}`),
      ),
    ).toEqual(new Set([`@|General|${capFormat}`]));
    // Excel would now call the functions: the double calls the ones the page registered with CustomFunctions.associate.
    await page.evaluate(() => window.__excelDouble.calculateRegistered());
    const computed = await tableRows(page, "Qualis_2");
    expect(await fieldRegistered(page)).toBe(true);
    expect(computed.map((r) => value(r["Market cap ($m)"]))).toEqual(expected.map((c) => c.marketCap));
    expect(computed.map((r) => value(r.Name))).toEqual(expected.map((c) => c.name));
    await shot("inserted-live");
  });

  test("6. at the selected cell: the table starts where the user is", async () => {
    await page.evaluate(() => window.__excelDouble.user.select("Sheet1", "B3"));
    await page.getByRole("radio", { name: /^Values/ }).check();
    await page.getByRole("radio", { name: "At the selected cell" }).check();
    await page.getByLabel("Rows at most").fill("10");
    await page.getByRole("button", { name: "Insert table" }).click();
    await page.getByText("Qualis_3 inserted").waitFor();
    expect((await tables(page))[2]).toMatchObject({ name: "Qualis_3", sheet: "Sheet1", address: "B8:E18" });
    expect(String(value(await cell(page, "Sheet1", "B5")))).toMatch(/first 10 rows · 10 companies$/);
    await page.getByLabel("Rows at most").fill("");
    await page.getByRole("radio", { name: "On a new sheet" }).check();
  });

  test("7. a snapshot URL: http is refused with the reason, https loads the next delivery", async () => {
    await page.getByRole("button", { name: "Change data source" }).click();
    await page.getByLabel("Snapshot URL").fill("http://data.qualis.test/snapshots/latest.json");
    await page.getByRole("button", { name: "Load", exact: true }).click();
    await page
      .getByText("Only https:// addresses are allowed for snapshot data (got http://data.qualis.test).")
      .waitFor();
    await shot("url-refused");
    await page.getByLabel("Snapshot URL").fill(SNAPSHOT_URL);
    await page.getByRole("button", { name: "Load", exact: true }).click();
    await page
      .getByText(`The snapshot: ${later.companies.length.toLocaleString("en-US")} companies as of 2026-11-20.`)
      .waitFor();
    expect(await page.getByTestId("universe-source").textContent()).toBe(
      `${later.provenance.source} — ${SNAPSHOT_URL}`,
    );
    expect(await page.getByText("DEMO", { exact: true }).count()).toBe(0);
    await page
      .getByTestId("match-count")
      .filter({ hasText: `${expectedLater.length} of` })
      .waitFor();
    await shot("new-source");
  });

  test("8. refresh all: in place, rows follow membership, the user's own columns keep working", async () => {
    // The user's work before the refresh: a note per company inside the table, a total beside it.
    await page.evaluate(() => {
      const u = window.__excelDouble.user;
      u.addTableColumn("Qualis_1", "My note", (_r, t) => ({ value: `note on ${String(t)}` }));
      u.setCell("Qualis 1", "G6", { formula: "=SUM(Qualis_1[Market cap ($m)])" });
    });
    const before = await tableRows(page, "Qualis_1");
    const oldTickers = before.map((r) => String(value(r.Ticker)));

    await page.getByRole("button", { name: "Refresh all" }).click();
    await page.getByText(/^Refresh finished: 3 refreshed\.$/).waitFor();
    const newTickers = new Set(expectedLater.map((c) => c.ticker));
    const added = expectedLater.filter((c) => !oldTickers.includes(c.ticker)).length;
    const removed = oldTickers.filter((t) => !newTickers.has(t)).length;
    for (const inj of INJECTIONS) expect(newTickers.has(inj.ticker) && !oldTickers.includes(inj.ticker)).toBe(true);
    expect(await page.getByTestId("refresh-summary").textContent()).toContain(
      `Qualis_1${added} rows added, ${removed} rows removed;`,
    ); // title, then the message

    expect((await tables(page))[0]).toEqual(
      expect.objectContaining({
        name: "Qualis_1",
        address: `A6:E${6 + expectedLater.length}`,
        headers: [...FIELDS, "My note"],
      }),
    );
    const rows = await tableRows(page, "Qualis_1");
    const byTicker = new Map(expectedLater.map((c) => [c.ticker, c]));
    expect(new Set(rows.map((r) => String(value(r.Ticker))))).toEqual(newTickers);
    for (const r of rows) {
      const t = String(value(r.Ticker));
      expect(value(r["Market cap ($m)"])).toBe(byTicker.get(t)!.marketCap);
      expect(value(r.Name)).toBe(byTicker.get(t)!.name);
      expect(value(r["My note"])).toBe(oldTickers.includes(t) ? `note on ${t}` : "");
      expect(r.Name!.formula).toBeNull();
      expect(r.Ticker!.formula).toBeNull();
    }
    const survivors = rows.map((r) => String(value(r.Ticker))).filter((t) => oldTickers.includes(t));
    expect(survivors).toEqual(oldTickers.filter((t) => newTickers.has(t))); // rows kept their order
    for (const inj of INJECTIONS) expect(rows.find((r) => value(r.Ticker) === inj.ticker)?.Name?.value).toBe(inj.name);
    expect((await cell(page, "Qualis 1", "G6")).formula).toBe("=SUM(Qualis_1[Market cap ($m)])");
    const block = column(await grid(page, "Qualis 1", "A1:A4"));
    expect(block[0]).toBe("Qualis Small Caps · static values, not updated after they were written");
    expect(block[1]).toBe(`Source: ${later.provenance.source}, read from ${SNAPSHOT_URL} · data as of 2026-11-20`);
    expect(await violations(page)).toEqual([]);

    // The live table follows too, and its formulas give the new numbers.
    await page.evaluate(() => window.__excelDouble.calculateRegistered());
    const live = await tableRows(page, "Qualis_2");
    expect(new Set(live.map((r) => String(value(r.Ticker))))).toEqual(newTickers);
    expect(new Set(live.map((r) => r["Market cap ($m)"]!.formula))).toEqual(
      new Set(['=QUALIS.FIELD([@Ticker],"market_cap")']),
    );
    for (const r of live) expect(value(r["Market cap ($m)"])).toBe(byTicker.get(String(value(r.Ticker)))!.marketCap);
    for (const inj of INJECTIONS) expect(live.find((r) => value(r.Ticker) === inj.ticker)?.Name?.value).toBe(inj.name);
    await shot("refreshed");
    await shot("refresh-summary", "refresh-summary");
  });

  test("9. a table the user deleted is reported, not recreated; forgetting it clears the list", async () => {
    await page.evaluate(() => window.__excelDouble.user.deleteTable("Qualis_2"));
    await page.getByRole("button", { name: "Refresh all" }).click();
    await page.getByText(/^Refresh finished: 2 refreshed, 1 needs your attention\.$/).waitFor();
    await page
      .getByText(
        "Qualis_2 (on Qualis 2) is no longer in the workbook: it or its sheet was deleted. Rebuild it, or forget it.",
      )
      .first()
      .waitFor();
    expect((await tables(page)).map((t) => t.name)).toEqual(["Qualis_1", "Qualis_3"]);
    await shot("missing-table");
    await shot("missing-table-view", "refresh-summary");
    await page.getByRole("button", { name: "Forget it" }).click();
    await page.getByTestId("table-item").nth(1).waitFor();
    expect(await page.getByTestId("table-item").count()).toBe(2);
    expect(await page.getByRole("button", { name: "Forget it" }).count()).toBe(0);
  });

  test("10. keyboard: every control is reachable with Tab, in reading order", async () => {
    await page.locator("body").focus();
    const seen: string[] = [];
    // the data sources are open from test 7 (URL, snapshot file, holdings CSV, demo): 120 stops reach Refresh all
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press("Tab");
      seen.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el
            ? `${el.getAttribute("role") ?? el.tagName.toLowerCase()}:${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40) ?? ""}`
            : "";
        }),
      );
    }
    const text = seen.join("\n");
    for (const name of ["Reload data", "data source", "Insert table", "Refresh all"]) expect(text).toContain(name);
    expect(text.indexOf("Reload data")).toBeLessThan(text.indexOf("Insert table"));
    expect(text.indexOf("Insert table")).toBeLessThan(text.indexOf("Refresh all"));
  });

  test("11. the dark theme follows the system outside Office", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.reload();
    await page.getByTestId("universe-count").filter({ hasText: /\d/ }).waitFor({ timeout: 30_000 });
    const bg = await page.locator("main").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe("rgb(255, 255, 255)");
    await shot("dark");
    await page.emulateMedia({ colorScheme: "light" });
  });

  test("12. a holdings CSV: refused when it is not one, loaded with what was skipped when it is", async () => {
    await page.getByRole("button", { name: "Change data source" }).click();
    const input = page.getByTestId("holdings-file-input");
    await input.setInputFiles({ name: "notes.csv", mimeType: "text/csv", buffer: Buffer.from("a,b\n1,2\n") });
    await page.getByText("notes.csv was not loaded").waitFor();
    expect(
      await page.getByText(/notes\.csv is not an iShares holdings export: .*Download the holdings CSV/).count(),
    ).toBe(1);
    await input.setInputFiles(HOLDINGS_EXCERPT);
    await page.getByText("IWM_excerpt.csv: 6 companies as of 2026-04-10.", { exact: false }).waitFor();
    expect(await page.getByText(/^skipped 3 non-equity: line 13 XTSLA/).count()).toBe(1);
    expect(await page.getByText(/^problem, line 19: ZBAD: Market Value .n\/a. is not a number/).count()).toBe(1);
    expect(await page.getByTestId("universe-count").textContent()).toBe("6"); // ZZRO, priced at 0, is not a company
    expect(await page.getByTestId("universe-asof").textContent()).toBe("2026-04-10");
    expect(await page.getByTestId("universe-coverage").textContent()).toMatch(/^0 of 6/);
    expect(await page.getByTestId("universe-source").textContent()).toMatch(
      /^iShares Russell 2000 ETF holdings as of 2026-04-10 \(holdings only: no fundamentals\) — holdings file IWM_excerpt\.csv$/,
    );
    expect(await page.getByText("DEMO", { exact: true }).count()).toBe(0);
    await shot("holdings-loaded");
  });

  test("no outside request was made, and the page logged no errors", () => {
    expect(pane.refused).toEqual([]);
    // office.js, outside Office (and in Excel on Windows), frames Microsoft's ULS logging page; the pane's CSP does
    // not allow that frame, which costs nothing but this console report. Anything else is an error of the pane.
    const uls =
      /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy directive/;
    expect(pane.consoleErrors.filter((e) => !uls.test(e))).toEqual([]);
  });
});
