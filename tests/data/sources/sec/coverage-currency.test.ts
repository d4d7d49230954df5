// The coverage report names the facts a USD filer tags in another currency (the filer stays USD, its fields read),
// lists a filer as non-USD only when its statements are, and says which debt lines gave each company's total debt.
import { readFileSync } from "fs";
import path from "path";
import { parseHoldingsCsv } from "../../../../src/data/sources/holdings/parse-holdings";
import { renderCoverage } from "../../../../src/data/sources/sec/coverage-report";
import { buildSnapshot } from "../../../../src/data/sources/sec/sec-universe";
import { parseTickerMap } from "../../../../src/data/sources/sec/ticker-map";

const FIX = path.join(__dirname, "../../../fixtures");
const holdings = parseHoldingsCsv(readFileSync(path.join(FIX, "holdings/IWM_excerpt.csv"), "utf8"));
const tickerMap = parseTickerMap(readFileSync(path.join(FIX, "sec/company_tickers.json"), "utf8"));
const facts = (cik: string) =>
  JSON.parse(readFileSync(path.join(FIX, "sec/companyfacts", `CIK${cik.padStart(10, "0")}.json`), "utf8"));

/** A filer whose statements are in euros: assets, revenue and net income all in EUR. */
const EUR_FILER = {
  cik: 9990003,
  entityName: "Euro statements",
  facts: {
    "us-gaap": Object.fromEntries(
      ["Assets", "Revenues", "NetIncomeLoss"].map((c) => [
        c,
        {
          units: {
            EUR: [{ start: "2025-01-01", end: "2025-12-31", val: 5e6, form: "20-F", filed: "2026-03-01", accn: "e" }],
          },
        },
      ]),
    ),
  },
};

test("a USD filer with CAD facts is named by its facts; a EUR-statement filer is listed as non-USD", async () => {
  const jun = facts("9990001");
  jun.facts["us-gaap"].LineOfCreditFacilityMaximumBorrowingCapacity = {
    units: { CAD: [{ end: "2025-12-31", val: 1e8, form: "10-K", filed: "2026-02-20", accn: "c" }] },
  };
  const { universe, coverage } = await buildSnapshot({
    holdings,
    holdingsFileName: "IWM_excerpt.csv",
    sec: {
      label: "in memory",
      tickerMap,
      companyFacts: (cik) => (cik === "9990001" ? jun : cik === "9990003" ? EUR_FILER : undefined),
      submissions: () => undefined,
    },
  });
  const text = renderCoverage(coverage);
  expect(text).toContain("statements in another currency (money fields null): ZNCX (EUR)\n");
  expect(text).toContain(
    "ZJUN: USD statements; facts in other currencies not used: us-gaap:LineOfCreditFacilityMaximumBorrowingCapacity (CAD, 1 fact)\n",
  );
  expect(text).not.toMatch(/in another currency[^\n]*ZJUN/);
  // ZJUN's fields are read in USD all the same
  expect(universe.companies.find((c) => c.ticker === "ZJUN")!.ttm!.values.revenue).toBe(137);
  expect(coverage.sec!.companyFacts.debtBasis).toEqual({ LongTermDebt: ["ZJUN"] });
});
