import { readFileSync } from "fs";
import path from "path";
import {
  normalizeExchange,
  parseHoldingsCsv,
  notACompany,
  parseHoldingsDate,
  parseHoldingsNumber,
  HoldingsFormatError,
} from "../../../../src/data/sources/holdings/parse-holdings";
import { excelResave } from "../../../fixtures/holdings/excel-resave";

const EXCERPT = readFileSync(path.join(__dirname, "../../../fixtures/holdings/IWM_excerpt.csv"), "utf8");

describe("iShares holdings reader on a format-faithful excerpt", () => {
  const p = parseHoldingsCsv(EXCERPT);

  test("reads the fund from line 1 and the as-of date from the header block", () => {
    expect(p.fund.name).toBe("iShares Russell 2000 ETF");
    expect(p.asOf).toBe("2026-04-10");
    expect(p.header.get("Shares Outstanding")).toBe("280,200,000.00");
  });

  test("counts every row of the table and accounts for each one", () => {
    expect(p.rowsRead).toBe(13);
    expect(p.equityRows).toBe(10);
    expect(p.holdings.map((h) => h.ticker)).toEqual(["ZJUN", "ZBNK", "ZNCX", "ZQTR", "ZOTH", "ZNOF"]);
    // 13 rows = 6 holdings + 6 skipped + 1 unreadable row
    expect(p.holdings.length + p.skipped.length + p.problems.filter((x) => /not a number/.test(x.message)).length).toBe(
      13,
    );
  });

  test("non-equity rows, '-' tickers and lines that are not a company are skipped with their lines and reasons", () => {
    expect(p.skipped).toEqual([
      {
        line: 13,
        reason: "non-equity",
        ticker: "XTSLA",
        name: "BLK CSH FND TREASURY SL AGENCY",
        detail: "Asset Class 'Money Market'",
      },
      { line: 17, reason: "non-equity", ticker: "USD", name: "USD CASH", detail: "Asset Class 'Cash'" },
      {
        line: 20,
        reason: "not a company",
        ticker: "ZZRO",
        name: "ZERO PRICE ESCROW",
        detail: "an escrow line",
      },
      {
        line: 21,
        reason: "not a company",
        ticker: "ZBNK",
        name: "ZEPHYR BANCORP INC CVR",
        detail: "a contingent value right (CVR)",
      },
      { line: 22, reason: "no ticker", ticker: "-", name: "ZANY BIO WARRANTS", detail: "ticker '-' (not listed)" },
      {
        line: 23,
        reason: "non-equity",
        ticker: "RTYM6",
        name: "RUSSELL 2000 EMINI CME JUN 26",
        detail: "Asset Class 'Futures'",
      },
    ]);
  });

  test("an unreadable number and an unknown sector are problems with line numbers", () => {
    expect(p.problems).toEqual([
      { line: 16, message: "ZOTH: sector 'Other' is not a GICS sector; kept without a sector" },
      { line: 19, message: "ZBAD: Market Value 'n/a' is not a number; Notional Value 'n/a' is not a number" },
    ]);
    expect(p.holdings.find((h) => h.ticker === "ZOTH")!.sector).toBeNull();
  });

  test("numbers lose their separators, '-' is missing, a zero price is missing, exchanges get one spelling", () => {
    const jun = p.holdings[0]!;
    expect(jun).toMatchObject({
      line: 11,
      marketValue: 52_000_000,
      weight: 40,
      quantity: 1_000_000,
      price: 52,
      exchange: "NYSE",
      exchangeText: "New York Stock Exchange Inc.",
      sector: "Industrials",
    });
    expect(p.holdings.find((h) => h.ticker === "ZQTR")!.exchange).toBe("NYSE American");
    // A zero price on a company line reads as missing (the escrow line ZZRO is skipped: see above).
    const zeroPriced = parseHoldingsCsv(EXCERPT.replace('"ZERO PRICE ESCROW"', '"ZERO PRICE INC"'));
    expect(zeroPriced.holdings.find((h) => h.ticker === "ZZRO")).toBeUndefined();
    expect(zeroPriced.skipped.find((s) => s.ticker === "ZZRO")).toMatchObject({
      reason: "not a company",
      detail: "priced at 0 (a written-off remnant)",
    });
  });

  test("the multi-line legal footer after the blank line is not data", () => {
    expect(p.footerFromLine).toBe(24);
    expect(p.footerLines).toBe(1);
  });

  test("the equity market value (the weights' base) counts every equity row with a value", () => {
    expect(p.equityMarketValue).toBeCloseTo(52e6 + 26e6 + 19.5e6 + 13e6 + 6.5e6 + 5.2e6 + 0.12 + 130_000 + 65_000, 2);
  });

  test("the same file after Excel re-saved it reads identically", () => {
    for (const keepBom of [false, true]) {
      const resaved = excelResave(EXCERPT, { keepBom });
      expect(resaved).toContain("Fund Holdings as of,10-Apr-26,,,");
      expect(resaved).toContain("\r\nZJUN,ZENITH JUNE TOOLS INC,Industrials,Equity,52000000,40,");
      const q = parseHoldingsCsv(resaved);
      expect({ ...q, header: {} }).toEqual({ ...p, header: {} });
    }
  });

  test("of two rows with one ticker, the larger position stays wherever it stands", () => {
    const lines = EXCERPT.split("\n");
    const swapped = [...lines.slice(0, 11), lines[20], ...lines.slice(12, 20), lines[11], ...lines.slice(21)].join(
      "\n",
    );
    // A second share line under one ticker (the excerpt's second ZBNK line is a CVR: made a share line here).
    const q = parseHoldingsCsv(swapped.replace("ZEPHYR BANCORP INC CVR", "ZEPHYR BANCORP INC CLASS B"));
    expect(q.holdings.find((h) => h.ticker === "ZBNK")).toMatchObject({ name: "ZEPHYR BANCORP INC", line: 21 });
    expect(q.skipped.find((s) => s.reason === "duplicate ticker")).toMatchObject({
      line: 12,
      detail: "same ticker as line 21; the larger position is kept",
    });
  });

  test("a file that is not a holdings export is refused in plain words", () => {
    expect(() => parseHoldingsCsv("a,b,c\n1,2,3\n")).toThrow(HoldingsFormatError);
    expect(() => parseHoldingsCsv("iShares X\nTicker,Name,Asset Class\n")).toThrow(
      /no 'sector', 'market value', 'weight \(%\)', 'price' column/,
    );
  });

  test("a row with too many values is a problem, not a holding", () => {
    const broken = EXCERPT.replace(
      '"ZNOF","ZERO FILINGS THERAPEUTICS INC"',
      '"ZNOF","ZERO FILINGS","THERAPEUTICS INC"',
    );
    const q = parseHoldingsCsv(broken);
    expect(q.holdings.map((h) => h.ticker)).not.toContain("ZNOF");
    expect(q.problems).toContainEqual({ line: 18, message: "16 values where the header has 15 columns" });
  });

  test("a missing as-of date is a problem, not a guess", () => {
    const q = parseHoldingsCsv(EXCERPT.replace('"Apr 10, 2026"', '"sometime"'));
    expect(q.asOf).toBeNull();
    expect(q.problems[0]).toEqual({ line: 2, message: "unreadable as-of date 'sometime'" });
  });
});

describe("values", () => {
  test("numbers", () => {
    expect(parseHoldingsNumber("409,233,878.82")).toBe(409233878.82);
    expect(parseHoldingsNumber("409233878.8")).toBe(409233878.8);
    expect(parseHoldingsNumber("(1,234.50)")).toBe(-1234.5);
    expect(parseHoldingsNumber("-")).toBeNull();
    expect(parseHoldingsNumber("")).toBeNull();
    expect(parseHoldingsNumber("-12.5")).toBe(-12.5);
    expect(parseHoldingsNumber("1.2.3")).toBeNaN();
  });

  test("dates in iShares', Excel's and ISO spellings", () => {
    for (const s of [
      "Apr 10, 2026",
      "April 10, 2026",
      "10-Apr-26",
      "10-Apr-2026",
      "10 Apr 2026",
      "4/10/2026",
      "04/10/26",
      "2026-04-10",
    ]) {
      expect(parseHoldingsDate(s)).toBe("2026-04-10");
    }
    expect(parseHoldingsDate("13-Apr-26")).toBe("2026-04-13");
    expect(parseHoldingsDate("Feb 30, 2026")).toBeNull();
    expect(parseHoldingsDate("Foo 10, 2026")).toBeNull();
  });

  test("old and new exchange spellings", () => {
    expect(normalizeExchange("New York Stock Exchange Inc.")).toBe("NYSE");
    expect(normalizeExchange("NYSE")).toBe("NYSE");
    expect(normalizeExchange("Nyse Mkt Llc")).toBe("NYSE American");
    expect(normalizeExchange("Cboe BZX formerly known as BATS")).toBe("Cboe BZX");
    expect(normalizeExchange("NO MARKET (E.G. UNLISTED)")).toBe("Unlisted");
    expect(normalizeExchange("-")).toBeNull();
    expect(normalizeExchange("Some New Venue")).toBe("Some New Venue");
  });
});

describe("lines that are not a company", () => {
  // Names as the 10 Apr 2026 IWM export writes them.
  test("CVRs, escrow lines, rights and zero-priced remnants are recognised; CVR Energy is a company", () => {
    expect(notACompany("INH", "INHIBRX INC CVR", 1.66)).toBe("a contingent value right (CVR)");
    expect(notACompany("GTXI", "GTXI INC - CVR", null)).toBe("a contingent value right (CVR)");
    expect(notACompany("P5N994", "Petrocorp Inc Escrow", 0)).toBe("an escrow line");
    expect(notACompany("MPTI RT", "M TRON INDUSTRIES RIGHTS EXPIRY TH", 1.56)).toBe("subscription rights");
    expect(notACompany("THRD", "THIRD HARMONIC BIO INC", 0)).toBe("priced at 0 (a written-off remnant)");
    expect(notACompany("CVI", "CVR ENERGY INC", 30.65)).toBeNull();
    expect(notACompany("ZJUN", "ZENITH JUNE TOOLS INC", 52)).toBeNull();
    expect(notACompany("ZJUN", "ZENITH JUNE TOOLS INC", null)).toBeNull(); // a missing price is not a zero one
  });
});
