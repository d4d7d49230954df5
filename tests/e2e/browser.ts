// Debian's Chromium under playwright-core (never a downloaded browser), with a fresh profile, and the page wired as
// Excel would host it: office.js from the @microsoft/office-js package in place of the CDN, the Excel double and
// the runtime's CustomFunctions types injected first, every other outside request refused and recorded.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const HERE = __dirname;

export interface Launched {
  context: BrowserContext;
  close: () => Promise<void>;
}

export async function launch(): Promise<Launched> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium).`);
  const profile = mkdtempSync(path.join(tmpdir(), "qualis-e2e-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 450, height: 900 },
    deviceScaleFactor: 1,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PaneOptions {
  /** Extra https responses, by URL (a snapshot a test serves). */
  routes?: Record<string, { body: string; contentType?: string; status?: number }>;
  /** Milliseconds to hold back each script whose file name is a key (office.js, runtime.js, …): load orders. */
  delays?: Record<string, number>;
  /** Page scripts run before anything else (after the Excel double), e.g. to seed or block storage. */
  initScripts?: string[];
}

export interface Pane {
  page: Page;
  /** Outside requests that were refused (anything not local, not office.js, not a test route). */
  refused: string[];
  consoleErrors: string[];
}

export async function openPane(
  context: BrowserContext,
  baseUrl: string,
  width: number,
  opts: PaneOptions = {},
): Promise<Pane> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const refused: string[] = [];
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
  await page.addInitScript({ content: readFileSync(path.join(HERE, "../support/excel-double.js"), "utf8") });
  await page.addInitScript({ content: readFileSync(path.join(HERE, "host-init.js"), "utf8") });
  for (const content of opts.initScripts ?? []) await page.addInitScript({ content });
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    const held = opts.delays?.[path.basename(new URL(url).pathname)];
    if (held) await new Promise((r) => setTimeout(r, held));
    if (url.startsWith(baseUrl)) return route.continue();
    if (url.startsWith(OFFICE_CDN)) {
      const rel = new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length);
      const file = path.join(OFFICE_DIST, path.normalize(rel));
      if (file.startsWith(OFFICE_DIST) && existsSync(file))
        return route.fulfill({ path: file, contentType: "text/javascript; charset=utf-8" });
      return route.fulfill({ status: 404, body: "not in @microsoft/office-js" });
    }
    const mine = opts.routes?.[url];
    if (mine)
      return route.fulfill({
        status: mine.status ?? 200,
        body: mine.body,
        contentType: mine.contentType ?? "application/json",
      });
    refused.push(url);
    return route.abort("blockedbyclient");
  });
  await page.goto(`${baseUrl}taskpane.html`);
  return { page, refused, consoleErrors };
}
