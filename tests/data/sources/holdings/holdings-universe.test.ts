import { readFileSync } from "fs";
import path from "path";
import { describeHoldingsReport, loadHoldingsCsv } from "../../../../src/data/sources/holdings/holdings-universe";
import { HoldingsFormatError } from "../../../../src/data/sources/holdings/parse-holdings";
import { encodeSnapshot } from "../../../../src/data/snapshot-codec";
import { validateSnapshot } from "../../../../src/data/snapshot-validate";
import { holdingsCsv } from "../../../fixtures/holdings/holdings-csv";

const EXCERPT = readFileSync(path.join(__dirname, "../../../fixtures/holdings/IWM_excerpt.csv"), "utf8");
const AT = "2026-04-11T08:00:00.000Z";

function expectValid(u: ReturnType<typeof loadHoldingsCsv>["universe"]) {
  const r = validateSnapshot(encodeSnapshot(u));
  expect(r.ok ? [] : r.problems).toEqual([]);
}

describe("holdings → universe", () => {
  const { universe, report } = loadHoldingsCsv(EXCERPT, "IWM_excerpt.csv", { generatedAt: AT });
  const equityMv = 52e6 + 26e6 + 19.5e6 + 13e6 + 6.5e6 + 5.2e6 + 0.12 + 130_000 + 65_000;

  test("passes the snapshot schema", () => expectValid(universe));

  test("every equity holding with a ticker is an R2000 company without fundamentals", () => {
    expect(universe.companies.map((c) => c.ticker)).toEqual(["ZJUN", "ZBNK", "ZNCX", "ZQTR", "ZOTH", "ZNOF"]);
    for (const c of universe.companies) {
      expect(c).toMatchObject({
        membership: "R2000",
        ttm: null,
        years: [],
        volatility: null,
        cik: null,
        sic: null,
        industry: null,
        themes: [],
      });
    }
    expect(universe.companies[0]).toMatchObject({ name: "ZENITH JUNE TOOLS INC", sector: "Industrials", price: 52 });
  });

  test("market cap = share of the fund's equity market value × the Russell 2000's total cap, marked estimated", () => {
    const jun = universe.companies[0]!;
    expect(jun.marketCapEstimated).toBe(true);
    expect(jun.marketCap).toBeCloseTo((52e6 / equityMv) * 2_950_000, 4);
    expect(jun.weight).toBeCloseTo((100 * 52e6) / equityMv, 6);
    // The tiny escrow line still gets a (tiny, positive) cap: every equity row has one.
    expect(universe.companies.every((c) => c.marketCap !== null && c.marketCap > 0)).toBe(true);
  });

  test("the index's total cap is an option", () => {
    const u = loadHoldingsCsv(EXCERPT, "x.csv", {
      indexTotalCap: 2_500_000,
      indexTotalCapSource: "FTSE Russell factsheet, 31 Mar 2026",
      generatedAt: AT,
    }).universe;
    expect(u.companies[0]!.marketCap).toBeCloseTo((52e6 / equityMv) * 2_500_000, 4);
    expect(u.provenance.notes.join(" ")).toContain("FTSE Russell factsheet, 31 Mar 2026");
    expect(() => loadHoldingsCsv(EXCERPT, "x.csv", { indexTotalCap: 0 })).toThrow(/positive number/);
  });

  test("provenance: source, as-of, injected generatedAt, coverage, notes that count what was skipped", () => {
    expect(universe.provenance).toMatchObject({
      asOf: "2026-04-10",
      generatedAt: AT,
      source: "iShares Russell 2000 ETF holdings as of 2026-04-10 (holdings only: no fundamentals)",
      isDemo: false,
      coverage: { constituents: 6, withFundamentals: 0, withMarketCap: 6 },
    });
    expect(universe.provenance.notes[0]).toBe(
      "Read IWM_excerpt.csv: 13 rows, 10 equity rows, 6 companies; skipped 3 non-equity rows, 1 rows without a ticker, 2 lines that are not a company (CVR, escrow, rights, price 0), 0 duplicate tickers; 2 problems.",
    );
    expect(universe.index).toMatchObject({
      name: "Russell 2000",
      // The dated default on the caps' footing: 0.4574% (the band as a fund weight) × USD 2,950,000m.
      breakpoint: 4600,
      upperBand: 13493.3,
      bandSpread: 0.1,
      calendar: { annualRankMonth: 4, lateRankMonth: 11, lateFromYear: 2026 },
    });
  });

  test("the report says which fund it read and lists what it skipped", () => {
    expect(report).toMatchObject({
      fileName: "IWM_excerpt.csv",
      fund: "iShares Russell 2000 ETF",
      fundId: "IWM",
      indexName: "Russell 2000",
      asOf: "2026-04-10",
      rowsRead: 13,
      equityRows: 10,
      companies: 6,
    });
    expect(report.skippedCounts).toEqual({
      "non-equity": 3,
      "no ticker": 1,
      "not a company": 2,
      "duplicate ticker": 0,
    });
    expect(report.weightSum).toBeCloseTo(40 + 20 + 15 + 10 + 5 + 4, 6);
    const text = describeHoldingsReport(report).join("\n");
    expect(text).toContain("iShares Russell 2000 ETF (IWM, Russell 2000), holdings as of 2026-04-10");
    expect(text).toContain("skipped 1 no ticker: line 22 - ZANY BIO WARRANTS");
    expect(text).toContain("problem, line 19: ZBAD: Market Value 'n/a' is not a number");
  });

  test("an IWB file gives R1000 members and the Russell 1000's total cap", () => {
    const { universe: u, report: r } = loadHoldingsCsv(
      EXCERPT.replace("iShares Russell 2000 ETF", "iShares Russell 1000 ETF"),
      "IWB.csv",
      { generatedAt: AT },
    );
    expect(r.fundId).toBe("IWB");
    expect(u.index.name).toBe("Russell 1000");
    expect(u.companies.every((c) => c.membership === "R1000")).toBe(true);
    expect(u.companies[0]!.marketCap).toBeCloseTo((52e6 / equityMv) * 63_400_000, 3);
    expectValid(u);
  });

  test("an IWV file: the 1,000 largest are R1000, the rest R2000, and the bands come from the file itself", () => {
    // 1,200 holdings with market values 1,200 … 1 (USD m): caps are proportional.
    const rows = Array.from({ length: 1200 }, (_, i) => ({ ticker: `T${i + 1}`, marketValue: (1200 - i) * 1e6 }));
    const { universe: u, report: r } = loadHoldingsCsv(
      holdingsCsv("iShares Russell 3000 ETF", "Apr 10, 2026", rows),
      "IWV.csv",
      { generatedAt: AT },
    );
    expect(r.fundId).toBe("IWV");
    expect(u.companies.filter((c) => c.membership === "R1000").map((c) => c.ticker)).toEqual(
      rows.slice(0, 1000).map((x) => x.ticker),
    );
    expect(u.companies[1000]!.membership).toBe("R2000");
    const total = (1200 * 1201) / 2;
    const capOf = (mv: number) => (mv / total) * 66_350_000;
    expect(u.index.breakpoint).toBeCloseTo(capOf(201), 3);
    // Cumulative share of the k largest: k(2401 − k)/2 / 720,600. At rank 1000: 97.21%; 94.71% is first reached at
    // rank 925 (k² − 2401k + 1,364,971 = 0 at k ≈ 924.4).
    const cum = (k: number) => ((k * 2401 - k * k) / 2 / total) * 100;
    const k = Array.from({ length: 1200 }, (_, i) => i + 1).find((n) => cum(n) >= cum(1000) - 2.5)!;
    expect(k).toBe(925);
    expect(u.index.upperBand).toBeCloseTo(capOf(1200 - k + 1), 3);
    expect(u.index.bandSource).toMatch(/^Computed from the 1200 holdings of iShares Russell 3000 ETF as of 2026-04-10/);
    expectValid(u);
  });

  test("a fund outside the table: read, membership none, no cap unless the index's total cap is given", () => {
    const text = EXCERPT.replace("iShares Russell 2000 ETF", "iShares Core S&P Small-Cap ETF");
    const a = loadHoldingsCsv(text, "IJR.csv", { generatedAt: AT });
    expect(a.report.fundId).toBeNull();
    expect(
      a.universe.companies.every((c) => c.membership === "none" && c.marketCap === null && !c.marketCapEstimated),
    ).toBe(true);
    expect(a.universe.index.name).toBe("iShares Core S&P Small-Cap ETF");
    expectValid(a.universe);
    const b = loadHoldingsCsv(text, "IJR.csv", { indexTotalCap: 1_000_000, generatedAt: AT });
    expect(b.universe.companies.every((c) => c.marketCap! > 0)).toBe(true);
  });

  test("no as-of date, or no equity holdings: refused in plain words", () => {
    expect(() => loadHoldingsCsv(EXCERPT.replace('"Apr 10, 2026"', '"-"'), "x.csv")).toThrow(HoldingsFormatError);
    expect(() =>
      loadHoldingsCsv(
        holdingsCsv("iShares Russell 2000 ETF", "Apr 10, 2026", [
          { ticker: "USD", assetClass: "Cash", marketValue: 5 },
        ]),
        "x.csv",
      ),
    ).toThrow("The holdings file has no equity holdings with a ticker.");
  });
});
