// Real data: every IWM holdings export in ../shared/fixtures/ishares, as downloaded and as Excel re-saves it,
// and snapshots of the April 2026 IWM list built through the CLI.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { parseHoldingsCsv } from "../../src/data/sources/holdings/parse-holdings";
import { parseSnapshot } from "../../src/data/snapshot-validate";
import { excelResave } from "../fixtures/holdings/excel-resave";
import { fixture, FIXTURES } from "./fixtures";

// The IWM (Russell 2000) exports; the IWB (Russell 1000) one in the same folder is the R1000 side of a band computation.
const FILES = readdirSync(path.join(FIXTURES, "ishares"))
  .filter((f) => /^IWM_holdings_.*\.csv$/.test(f))
  .sort();
// Equity rows (Asset Class "Equity") counted in each file; docs/real-data.md quotes 1,936 for 10 Apr 2026.
const EQUITY_ROWS: Record<string, number> = { "2025-05-13": 1939, "2025-11-05": 1962, "2026-04-10": 1936 };

test("the three IWM exports are there", () => {
  expect(FILES).toEqual(["IWM_holdings_2025-05-13.csv", "IWM_holdings_2025-11-05.csv", "IWM_holdings_2026-04-10.csv"]);
});

describe.each(FILES)("%s", (file) => {
  const text = readFileSync(fixture(`ishares/${file}`), "utf8");
  const p = parseHoldingsCsv(text);
  const date = /(\d{4}-\d{2}-\d{2})/.exec(file)![1]!;

  test("fund and as-of date", () => {
    expect(p.fund.name).toBe("iShares Russell 2000 ETF");
    expect(p.asOf).toBe(date);
  });

  test("equity rows, and every row accounted for", () => {
    expect(p.equityRows).toBe(EQUITY_ROWS[date]);
    expect(p.holdings.length + p.skipped.length).toBe(p.rowsRead);
    expect(
      p.skipped
        .filter((s) => s.reason === "non-equity")
        .map((s) => s.ticker)
        .sort(),
    ).toEqual(["CAD", "MSFUT", "USD", "XTSLA", expect.stringMatching(/^RTY[MZ]\d$/)].sort());
  });

  test("CVRs, escrow, rights and zero-priced remnants are skipped as not a company; CVR Energy stays", () => {
    const notCompanies = p.skipped.filter((s) => s.reason === "not a company").map((s) => s.ticker);
    const expected: Record<string, string[]> = {
      "2025-05-13": ["INH", "ADRO", "GTXI", "PDLI", "P5N994", "SBT"],
      "2025-11-05": ["INH", "ADRO", "PDLI", "GTXI", "P5N994", "SBT"],
      "2026-04-10": ["INH", "AKE", "ADRO", "MPTI RT", "PDLI", "GTXI", "P5N994", "SBT", "THRD"],
    };
    expect(notCompanies).toEqual(expected[date]);
    expect(p.holdings.some((h) => h.ticker === "CVI")).toBe(true);
  });

  test("no '-' ticker among the holdings; each one is reported as skipped with its line", () => {
    expect(p.holdings.some((h) => h.ticker === "-" || h.ticker === "")).toBe(false);
    for (const s of p.skipped.filter((x) => x.reason === "no ticker"))
      expect(text.split("\n")[s.line - 1]).toMatch(/^"-",/);
  });

  test("sectors are GICS sectors, or reported with their line", () => {
    const unknown = p.holdings.filter((h) => h.sector === null);
    for (const h of unknown)
      expect(p.problems).toContainEqual({
        line: h.line,
        message: `${h.ticker}: sector '${h.sectorText}' is not a GICS sector; kept without a sector`,
      });
    expect(unknown.length).toBeLessThanOrEqual(2);
    expect(p.problems.length).toBe(unknown.length);
  });

  test("weights sum to about 100", () => {
    const sum = p.holdings.reduce((s, h) => s + (h.weight ?? 0), 0);
    expect(sum).toBeGreaterThan(99);
    expect(sum).toBeLessThan(100.5);
  });

  test("the file as Excel re-saves it (plain numbers, 13-Apr-26 dates, trailing commas, CRLF) reads identically", () => {
    const resaved = excelResave(text);
    expect(resaved).toMatch(/^iShares Russell 2000 ETF,+\r\nFund Holdings as of,\d{1,2}-[A-Z][a-z]{2}-\d{2},+\r\n/);
    const q = parseHoldingsCsv(resaved);
    expect({ ...q, header: {} }).toEqual({ ...p, header: {} });
  });
});

describe("snapshots of IWM_holdings_2026-04-10.csv through `qualis snapshot build`", () => {
  const holdings = fixture("ishares/IWM_holdings_2026-04-10.csv");
  const dir = mkdtempSync(path.join(os.tmpdir(), "qualis-real-"));
  const io = { out: () => undefined, err: () => undefined };
  const load = (file: string) => {
    const r = parseSnapshot(readFileSync(file, "utf8"));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.universe;
  };

  test("holdings only: valid, and a market cap for every equity row", async () => {
    const out = path.join(dir, "holdings-only.json");
    expect(await main(["snapshot", "build", "--holdings", holdings, "--out", out], io)).toBe(0);
    const u = load(out);
    // 1,936 equity rows − 2 "-" tickers − 9 lines that are not a company: the CVRs of INH, AKE, ADRO and GTXI, the
    // MPTI rights, the Petrocorp escrow, and PDLI, SBT and THRD priced at 0.
    expect(u.companies).toHaveLength(1925);
    expect(u.companies.every((c) => c.marketCap !== null && c.marketCap > 0 && c.marketCapEstimated)).toBe(true);
    expect(u.provenance.coverage).toEqual({ constituents: 1925, withFundamentals: 0, withMarketCap: 1925 });
    expect(await main(["validate", out], io)).toBe(0);
  });

  test("with the project's SEC fixtures (fictional companies): nothing matches, still a valid snapshot", async () => {
    const out = path.join(dir, "fixtures.json");
    expect(
      await main(
        [
          "snapshot",
          "build",
          "--holdings",
          holdings,
          "--sec-dir",
          path.join(__dirname, "../fixtures/sec"),
          "--out",
          out,
        ],
        io,
      ),
    ).toBe(0);
    expect(load(out).provenance.coverage.withFundamentals).toBe(0);
  });

  test("the whole join over the real file: real ticker map → companyfacts and submissions → fundamentals → scores", async () => {
    // No real companyfacts can be fetched here, so the project's fictional SEC fixtures are filed under the real CIKs
    // of five IWM holdings (the SEC's own map gives the CIKs): each must arrive at its ticker exactly as its fixture
    // company does in tests/cli/snapshot-command.test.ts, through the real holdings file and the real ticker map.
    const secDir = mkdtempSync(path.join(os.tmpdir(), "qualis-sec-real-"));
    const transplant: Record<string, [string, string]> = {
      "9990001": ["BE", "1664703"],
      "9990002": ["ONB", "707179"],
      "9990003": ["FN", "1408710"],
      "9990004": ["CDE", "215466"],
      "9990005": ["ENSG", "1125376"],
    };
    const fixtures = path.join(__dirname, "../fixtures/sec");
    for (const kind of ["companyfacts", "submissions"]) {
      mkdirSync(path.join(secDir, kind));
      for (const [from, [ticker, cik]] of Object.entries(transplant)) {
        const doc = JSON.parse(readFileSync(path.join(fixtures, kind, `CIK${from.padStart(10, "0")}.json`), "utf8"));
        doc.cik = kind === "companyfacts" ? Number(cik) : cik;
        if (kind === "submissions") doc.tickers = [ticker];
        writeFileSync(path.join(secDir, kind, `CIK${cik.padStart(10, "0")}.json`), JSON.stringify(doc));
      }
    }
    const out = path.join(dir, "joined.json");
    expect(
      await main(
        [
          "snapshot",
          "build",
          "--holdings",
          holdings,
          "--sec-dir",
          secDir,
          "--ticker-map",
          fixture("sec/company_tickers_exchange.json"),
          "--out",
          out,
        ],
        io,
      ),
    ).toBe(0);
    const u = load(out);
    const be = u.companies.find((c) => c.ticker === "BE")!;
    expect(be).toMatchObject({ cik: "1664703", sic: 3550, marketCapEstimated: false });
    expect(be.ttm!.end).toBe("2025-12-31");
    expect(be.ttm!.values.revenue).toBe(137); // ZJUN's TTM revenue
    expect(be.years.map((y) => y.fiscalYear)).toEqual([2025, 2024, 2023, 2022, 2021]);
    expect(u.companies.find((c) => c.ticker === "ONB")).toMatchObject({ themes: ["selective_financials"], sic: 6022 });
    expect(u.companies.find((c) => c.ticker === "ENSG")).toMatchObject({
      themes: ["electrification"],
      ttm: null,
      marketCapEstimated: false,
    });
    expect(u.provenance.coverage).toEqual({ constituents: 1925, withFundamentals: 4, withMarketCap: 1925 });
    const report = readFileSync(`${out}.coverage.txt`, "utf8");
    expect(report).toContain("companyfacts: 5 read; missing ");
    expect(report).toMatch(/revenue\s+4\s+4\n/);

    // `qualis score` over it: the four with fundamentals answer profitability; every row has a graduation probability.
    const csv = path.join(dir, "joined.csv");
    expect(await main(["score", "--snapshot", out, "--out", csv], io)).toBe(0);
    const [head, ...rows] = readFileSync(csv, "utf8")
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(","));
    const col = (name: string) => head!.indexOf(name);
    expect(rows).toHaveLength(1925);
    const withProfit = rows
      .filter((r) => r[col("is_profitable")] !== "")
      .map((r) => r[col("ticker")])
      .sort();
    expect(withProfit).toEqual(["BE", "CDE", "FN", "ONB"]);
    expect(rows.every((r) => r[col("graduation_prob")] !== "")).toBe(true);
  });

  test("joined with the SEC's real ticker map: almost every holding finds its CIK", async () => {
    const out = path.join(dir, "map.json");
    const empty = mkdtempSync(path.join(os.tmpdir(), "qualis-sec-"));
    expect(
      await main(
        [
          "snapshot",
          "build",
          "--holdings",
          holdings,
          "--sec-dir",
          empty,
          "--ticker-map",
          fixture("sec/company_tickers_exchange.json"),
          "--out",
          out,
        ],
        io,
      ),
    ).toBe(0);
    const u = load(out);
    const matched = u.companies.filter((c) => c.cik !== null).length;
    expect(matched / u.companies.length).toBeGreaterThan(0.95);
    expect(u.companies.find((c) => c.ticker === "BE")!.cik).toBe("1664703");
    const report = readFileSync(`${out}.coverage.txt`, "utf8");
    expect(report).toMatch(/unmatched tickers \(\d+\): /);
  });
});
