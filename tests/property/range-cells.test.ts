// Issue 17, class 5: range calls over a whole column. Blank cells and text that cannot be a ticker (outside the
// ticker character set, or longer than a ticker) are answered without asking the engine — a blank, or one shared
// #N/A "Not a ticker" — so a 1,048,576-row column of either is fast (scripts/measure-range.js prints the figures).
// Generated columns mix blanks, junk and tickers; every cell gets the answer it would get cell by cell.
import fc from "fast-check";
import type { Engine } from "../../src/model/engine";
import { success } from "../../src/model/outcome";
import { mapTickers, type Lookup } from "../../src/functions/cells";
import { isTickerText } from "../../src/model/tickers";
import { show } from "./contract";
import { check, printCounts, tally } from "./runs";

jest.setTimeout(20 * 60_000);
afterAll(() => printCounts("range"));

const cell = fc.oneof(
  fc.constantFrom("", null, undefined, "   "),
  fc.stringMatching(/^ ?[A-Z]{1,5}([.-][A-Z])? ?$/),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("junk ~!@#", "A".repeat(17), "ZERO\u200bWIDTH", "\u0410BC", "=1+1"),
);

test("a column of blanks, junk and tickers: blanks blank, junk one #N/A, tickers asked of the engine", async () => {
  await check(
    "mapTickers(mixed column)",
    fc.property(fc.array(cell, { maxLength: 60 }), (cells) => {
      tally("mapTickers(mixed column)");
      const asked: string[] = [];
      const lookup: Lookup<string, null> = (_e, t) => (asked.push(t), success(`=${t.trim()}`));
      const out = mapTickers(
        cells.map((c) => [c]),
        {} as Engine,
        lookup,
        null,
      );
      cells.forEach((c, i) => {
        const got = out[i]![0];
        const text = typeof c === "string" ? c.trim() : "";
        if (text === "") {
          if (got !== "") throw new Error(`blank ${show(c)} answered ${show(got)}`);
        } else if (text.length > 16 || !isTickerText(text)) {
          const e = got as { code?: string; message?: string };
          if (e.code !== "#N/A" || !e.message?.startsWith("Not a ticker"))
            throw new Error(`junk ${show(c)} answered ${show(got)}`);
          if (asked.includes(text)) throw new Error(`junk ${show(c)} was asked of the engine`);
        } else if (got !== `=${text}`) throw new Error(`ticker ${show(c)} answered ${show(got)}`);
      });
    }),
  );
});
