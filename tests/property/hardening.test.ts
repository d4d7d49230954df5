// Issue 17's classes, each over generated inputs of the class (docs/security.md, threat model): the assertion is the
// outcome that must hold for every member of the class, not for the one example the attack used.
import fc from "fast-check";
import Papa from "papaparse";
import { scoreCsv } from "../../src/cli/score-command";
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
