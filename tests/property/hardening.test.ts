// Issue 17's classes, each over generated inputs of the class (docs/security.md, threat model): the assertion is the
// outcome that must hold for every member of the class, not for the one example the attack used.
import fc from "fast-check";
import Papa from "papaparse";
import { scoreCsv } from "../../src/cli/score-command";
import { loadHoldingsCsv } from "../../src/data/sources/holdings";
import { memoryStorage } from "../../src/data/key-value-storage";
import { fetchSnapshotText } from "../../src/data/snapshot-fetch";
import { serializeSnapshot } from "../../src/data/snapshot-codec";
import { generateDemoUniverse } from "../../src/data/sources/demo/generator";
import { asOfText } from "../../src/data/universe-status";
import { describeSource, UniverseStore } from "../../src/data/universe-store";
import { findField } from "../../src/model/catalogue";
import { displayUrl } from "../../src/model/display-url";
import { parseProfitBasis } from "../../src/model/profitability";
import { constituentsCriteria } from "../../src/model/screen";
import { parseSector } from "../../src/model/sectors";
import { parseTheme } from "../../src/model/themes";
import { updateBlocks } from "../../src/reference/docs-blocks";
import { provenanceFacts } from "../../src/taskpane/pane-actions";
import { provenanceLines } from "../../src/taskpane/workbook/provenance";
import { recordMismatch, refreshTables } from "../../src/taskpane/workbook/refresh";
import { buildTableContent } from "../../src/taskpane/workbook/table-content";
import { RECORD_KEY_PREFIX, type TableRecord } from "../../src/taskpane/workbook/table-record";
import { engineFor } from "../../src/model/engine";
import { create } from "../support/excel-double";
import { companies, FACTS } from "../taskpane/fixtures";
import { describeExcelError } from "../../src/taskpane/workbook/excel-failures";
import { holdingsCsv } from "../fixtures/holdings/holdings-csv";
import { TTM_A, TTM_B, TTM_C, ttm } from "../support/three-companies";
import { company, universe } from "../support/universe-builders";
import { anyText } from "./arbitraries";
import { check, printCounts, tally } from "./runs";

jest.setTimeout(20 * 60_000);

afterAll(() => printCounts("hardening"));

// ── Class 1: formula text in `qualis score`'s CSV ───────────────────────────────────────────────────────────

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would run: a formula starter, then anything — line breaks and carriage returns included. */
const formulaText = fc
  .tuple(
    fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\r\n", "=\n", "@\r", ""),
    anyText(12),
    fc.constantFrom("", "\n", "\r", "\r\n", "\n=1+1", "\r@SUM(A1)"),
    anyText(6),
  )
  .map((parts) => parts.join(""));

describe("class 1: no CSV cell of `qualis score` starts like a formula unless it is a number", () => {
  test("names and tickers that start like formulas, with line breaks anywhere, are written with a leading '", async () => {
    await check(
      "score CSV formula text",
      fc.property(
        fc.array(fc.tuple(formulaText, formulaText), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (cos, labels) => {
          tally("score CSV formula text");
          const u = universe(
            cos.map(([ticker, name], i) => company(`${ticker}${i}`, { name, ttm: ttm([TTM_A, TTM_B, TTM_C][i % 3]!) })),
          );
          const rows = Papa.parse<string[]>(scoreCsv(u, { labels }), { newline: "\n" }).data;
          for (const row of rows)
            for (const cell of row)
              if (FORMULA_START.test(cell)) expect(Number.isFinite(Number(cell)) && /^-\d/.test(cell)).toBe(true);
          // Nothing lost: the text read back is the text, after the one ' that defuses it.
          const nameAt = labels ? rows[0]!.findIndex((h) => h.startsWith("Name")) : rows[0]!.indexOf("name");
          cos.forEach(([ticker, name], i) => {
            const defused = (t: string) => (FORMULA_START.test(t) ? `'${t}` : t);
            expect(rows[i + 1]![0]).toBe(defused(`${ticker}${i}`));
            expect(rows[i + 1]![nameAt]).toBe(defused(name));
          });
        },
      ),
    );
  });
});

// ── Class 8: names of Object.prototype's members as data keys ──────────────────────────────────────────────

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype); // constructor, __proto__, toString, valueOf, …

/** A prototype member's name as a user or a file might spell it: any case, padded, with a space for an underscore. */
const protoName = fc
  .tuple(fc.constantFrom(...PROTO_NAMES), fc.boolean(), fc.constantFrom("", " ", "  "), fc.boolean())
  .map(([n, upper, pad, spaced]) => {
    const cased = upper ? n.toUpperCase() : n;
    return `${pad}${spaced ? cased.replace(/_/g, " ") : cased}${pad}`;
  });

describe("class 8: a sector, theme, field, basis or code named like an Object.prototype member is just unknown", () => {
  test("lookups answer 'unknown', CONSTITUENTS says 'Unknown sector', a holding keeps its row", async () => {
    await check(
      "prototype names as data keys",
      fc.property(protoName, (name) => {
        tally("prototype names as data keys");
        expect(parseSector(name)).toBeNull();
        expect(parseTheme(name)).toBeNull();
        expect(findField(name)).toBeUndefined();
        expect(parseProfitBasis(name).ok).toBe(false);
        const bySector = constituentsCriteria(null, name, null);
        expect(bySector.ok ? "ok" : bySector.message).toMatch(/^Unknown sector '/);
        const byTheme = constituentsCriteria(name, null, null);
        expect(byTheme.ok ? "ok" : byTheme.message).toMatch(/^Unknown theme '/);
        expect(describeExcelError({ code: name.trim(), message: "m" })).toBe("Excel could not complete the change: m");
        expect(() => updateBlocks("", [name])).toThrow(`no generated block is called '${name}'`);
        // A holding whose sector (or a header label) is such a name stays, without a sector, with its line said.
        const csv = holdingsCsv("Fund", "Apr 10, 2026", [
          { ticker: "AAA", sector: name, marketValue: 100 },
          { ticker: "BBB", marketValue: 50 },
        ]).replace("Inception Date,", `${name.replace(/"/g, "")},"x"\nInception Date,`);
        const loaded = loadHoldingsCsv(csv, "h.csv");
        expect(loaded.universe.companies.map((c) => [c.ticker, c.sector])).toEqual([
          ["AAA", null],
          ["BBB", "Industrials"],
        ]);
        expect(loaded.report.problems.map((p) => p.message)).toContainEqual(expect.stringContaining("AAA: sector"));
      }),
    );
  });
});

// ── Class 3: secrets in URLs shown in cells or on the screen ───────────────────────────────────────────────

const SECRET = "Zq9SECRET";
const secret = fc.stringMatching(/^[A-Za-z0-9]{1,8}$/).map((x) => `${SECRET}${x}`);
const segment = fc.stringMatching(/^[a-z0-9._-]{1,10}$/);

/** A snapshot address with secrets where URLs carry them: user:password@, a signed query, a fragment. */
const secretUrl = fc
  .record({
    scheme: fc.constantFrom("https", "http", "HTTPS"),
    user: fc.option(fc.tuple(secret, fc.option(secret)), { nil: null }),
    host: fc.domain(),
    port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: null }),
    path: fc.array(segment, { maxLength: 4 }),
    query: fc.option(fc.tuple(segment, secret), { nil: null }),
    fragment: fc.option(secret, { nil: null }),
  })
  .filter((r) => r.user !== null || r.query !== null || r.fragment !== null)
  .map((r) => {
    const auth = r.user ? `${r.user[0]}${r.user[1] ? `:${r.user[1]}` : ""}@` : "";
    const port = r.port ? `:${r.port}` : "";
    const query = r.query ? `?${r.query[0]}=${r.query[1]}&X-Amz-Signature=${r.query[1]}` : "";
    return `${r.scheme}://${auth}${r.host}${port}/${r.path.join("/")}${query}${r.fragment ? `#${r.fragment}` : ""}`;
  });

const demoText = serializeSnapshot(generateDemoUniverse({ count: 10 }));
const PLACEHOLDER = "@@URL@@";
const signed = generateDemoUniverse({ count: 10 });
signed.provenance = { ...signed.provenance, isDemo: false, source: `desk export from ${PLACEHOLDER} (signed)` };
const signedText = serializeSnapshot(signed);

describe("class 3: a URL reaches a cell or the screen as origin and path only", () => {
  test("displayUrl, the source, AS_OF after a failed load, fetch errors and the provenance block hold no secret", async () => {
    await check(
      "URLs with credentials, tokens, fragments",
      fc.asyncProperty(secretUrl, async (url) => {
        tally("URLs with credentials, tokens, fragments");
        const u = new URL(url);
        expect(displayUrl(url)).toBe(`${u.origin}${u.pathname}`);
        expect(describeSource({ kind: "url", url })).not.toContain(SECRET);

        // A fetch that fails naming the address (as Node's and browsers' errors may): AS_OF keeps no secret.
        const store = new UniverseStore({
          storage: memoryStorage(),
          bundled: async () => demoText,
          fetchText: async (x) => Promise.reject(new Error(`GET ${x} failed`)),
        });
        await store.load({ kind: "demo" });
        const failed = await store.load({ kind: "url", url });
        expect(failed.ok).toBe(false);
        expect(asOfText(store.current!, store.lastFailure)).not.toContain(SECRET);

        // The server's own refusals name the address; so does a snapshot whose source field is the URL.
        const answer = new Response("no", { status: 403, statusText: "Forbidden" });
        const refused = await fetchSnapshotText(url, { fetchImpl: async () => answer, allowLocalhostHttp: true }).then(
          () => "",
          (e: Error) => e.message,
        );
        expect(refused).not.toContain(SECRET);
        const ok = await new UniverseStore({
          storage: memoryStorage(),
          bundled: async () => demoText,
          fetchText: async () => signedText.replace(PLACEHOLDER, JSON.stringify(url).slice(1, -1)),
        }).load({ kind: "url", url });
        if (!ok.ok) throw new Error(ok.failure.message);
        const lines = provenanceLines(provenanceFacts(ok.loaded), {}, 10, new Date(0));
        expect(lines.join("\n")).not.toContain(SECRET);
        expect(lines[1]).toContain(`${u.origin}${u.pathname}`);
      }),
    );
  });
});

// ── Class 2: a table record in the workbook's settings that the add-in did not write ───────────────────────

const FIELD_HEADERS = [
  { field: "ticker", header: "Ticker" },
  { field: "name", header: "Name" },
  { field: "market_cap", header: "Market cap ($m)" },
] as const;

/** The user's own table on Sheet1 (distinct headers, as Excel requires), and a schema-valid record planted for it. */
const plantedCase = fc.record({
  headers: fc.uniqueArray(fc.constantFrom("Ticker", "Name", "Market cap ($m)", "Notes", "Owner", "Region"), {
    minLength: 1,
    maxLength: 5,
    selector: (h) => h.toLowerCase(),
  }),
  rows: fc.array(fc.tuple(fc.constantFrom("AAA", "BBB", "ZZZ", "note"), fc.constantFrom("x", "7", "")), {
    minLength: 1,
    maxLength: 4,
  }),
  columns: fc.uniqueArray(fc.constantFrom(...FIELD_HEADERS), { minLength: 1, maxLength: 3, selector: (c) => c.field }),
  tableId: fc.constantFrom<"own" | "none" | "other">("own", "none", "other"),
  tableName: fc.constantFrom("Sales", "SALES", "Other"),
  sheetName: fc.constantFrom("Sheet1", "Sheet2"),
});

describe("class 2: a planted table record never rewrites a table that is not the one it describes", () => {
  test("refused with a reason unless name, sheet and header row match; a user's column is never deleted", async () => {
    const engine = engineFor(universe(companies(["AAA", "BBB", "CCC"])));
    await check(
      "planted table records",
      fc.asyncProperty(plantedCase, async (c) => {
        tally("planted table records");
        const d = create();
        const right = String.fromCharCode(64 + c.headers.length);
        c.headers.forEach((h, j) => d.user.setCell("Sheet1", `${String.fromCharCode(65 + j)}1`, { value: h }));
        c.rows.forEach(([a, b], i) =>
          c.headers.forEach((_, j) =>
            d.user.setCell("Sheet1", `${String.fromCharCode(65 + j)}${i + 2}`, { value: j === 0 ? a : `${b}${j}` }),
          ),
        );
        const id = await d.Excel.run(async (ctx) => {
          const t = ctx.workbook.worksheets.getItem("Sheet1").tables.add(`A1:${right}${c.rows.length + 1}`, true);
          t.name = "Sales";
          t.load("id");
          await ctx.sync();
          return t.id;
        });
        const key = `${RECORD_KEY_PREFIX}planted`;
        const record: TableRecord = {
          version: 1,
          key,
          tableId: c.tableId === "own" ? id : c.tableId === "other" ? "{DEAD}" : null,
          tableName: c.tableName,
          sheetName: c.sheetName,
          provenanceName: null,
          columns: c.columns.map((x) => ({ ...x })),
          criteria: {},
          output: "values",
          rows: c.rows.length,
          createdAt: "2026-01-01T00:00:00.000Z",
          refreshedAt: "2026-01-01T00:00:00.000Z",
        };
        await d.Excel.run(async (ctx) => {
          ctx.workbook.settings.add(key, record);
          await ctx.sync();
        });
        const before = d.inspect.tableRows("Sales");
        const reports = await d.Excel.run((ctx) =>
          refreshTables(ctx, (r) => buildTableContent(engine, r, FACTS, new Date(0))),
        );
        const report = reports.find((r) => r.key === key)!;
        const headersAfter = d.inspect.tables().find((t) => t.name === "Sales")!.headers as string[];
        // Never a user's column deleted: every header the table had is still there.
        expect(headersAfter).toEqual(expect.arrayContaining(c.headers));
        const listing = {
          state: c.tableId === "own" && c.tableName !== "Sales" ? "renamed" : "found",
          sheetName: "Sheet1",
        } as const;
        if (recordMismatch(record, listing, "Sales", c.headers) !== null) {
          // Not the table its record describes: nothing changed, and the report says why.
          expect(report.status).not.toBe("refreshed");
          expect(report.message).toMatch(/^(Not refreshed: |A table named |.* is no longer in the workbook)/);
          expect(d.inspect.tableRows("Sales")).toEqual(before);
        }
      }),
    );
  });
});
