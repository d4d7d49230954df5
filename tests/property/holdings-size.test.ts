// Issue 17, class 4: one file froze the shared runtime. Duplicates are now linear (scripts/measure-holdings.js
// prints the figures); here, generated file sizes on both sides of the pane's limit: a file over it is refused
// without a byte read, naming its size and the limit; one within it is read once. And a generated file that lists
// every ticker twice keeps each ticker once, the larger position, with every other row reported as skipped.
import fc from "fast-check";
import { loadHoldingsCsv } from "../../src/data/sources/holdings";
import { importHoldingsFile, MAX_HOLDINGS_BYTES } from "../../src/taskpane/holdings-source";
import { holdingsCsv } from "../fixtures/holdings/holdings-csv";
import { show } from "./contract";
import { check, printCounts, tally } from "./runs";

jest.setTimeout(20 * 60_000);
afterAll(() => printCounts("size"));

const TEXT = holdingsCsv("iShares Russell 2000 ETF", "Apr 10, 2026", [{ ticker: "AAA", marketValue: 1e6 }]);

test("a holdings file over the limit is refused before it is read; one within it is read once", async () => {
  await check(
    "pane: size limit before reading",
    fc.asyncProperty(
      fc.oneof(
        fc.integer({ min: 0, max: MAX_HOLDINGS_BYTES }),
        fc.integer({ min: MAX_HOLDINGS_BYTES + 1, max: 2 ** 40 }),
        fc.constantFrom(MAX_HOLDINGS_BYTES, MAX_HOLDINGS_BYTES + 1, 149e6),
      ),
      async (size) => {
        tally("pane: size limit before reading");
        let reads = 0;
        const r = await importHoldingsFile({ name: "h.csv", size, text: async () => (reads++, TEXT) });
        if (size > MAX_HOLDINGS_BYTES) {
          if (r.ok || reads !== 0) throw new Error(`size ${size}: read ${reads} times, ok=${r.ok}`);
          if (!r.message.includes("limit") || !r.message.includes((size / 1e6).toFixed(1)))
            throw new Error(`message names neither size nor limit: ${r.message}`);
        } else if (!r.ok || reads !== 1) throw new Error(`size ${size}: ${show(r)}, read ${reads} times`);
      },
    ),
  );
});

test("every ticker listed twice: each kept once, the larger position, the other reported", async () => {
  await check(
    "holdings: duplicates kept once",
    fc.property(
      fc.uniqueArray(fc.stringMatching(/^[A-Z]{2,5}$/), { minLength: 1, maxLength: 30 }),
      fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 60, maxLength: 60 }),
      fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
      (tickers, values, order) => {
        tally("holdings: duplicates kept once");
        const rows = tickers.flatMap((t, i) => {
          const pair = [
            { ticker: t, marketValue: values[2 * i]! },
            { ticker: t, marketValue: values[2 * i + 1]! },
          ];
          return order[i] ? pair.reverse() : pair;
        });
        const { universe, report } = loadHoldingsCsv(
          holdingsCsv("iShares Russell 2000 ETF", "Apr 10, 2026", rows),
          "h.csv",
        );
        const got = universe.companies.map((c) => c.ticker).sort();
        if (got.join() !== [...tickers].sort().join()) throw new Error(`kept ${show(got)}`);
        const dups = report.skipped.filter((s) => s.reason === "duplicate ticker");
        if (dups.length !== tickers.length) throw new Error(`${dups.length} duplicates reported of ${tickers.length}`);
        for (const [i, t] of tickers.entries()) {
          const c = universe.companies.find((x) => x.ticker === t)!;
          const want = Math.max(values[2 * i]!, values[2 * i + 1]!);
          const total = rows.reduce((s, r) => s + r.marketValue, 0);
          if (Math.abs(c.weight! - (100 * want) / total) > 0.011)
            throw new Error(`${t}: weight ${c.weight} is not the larger position's`);
        }
      },
    ),
  );
});
