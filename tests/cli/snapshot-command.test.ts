import { readFileSync, existsSync, writeFileSync } from "fs";
import path from "path";
import { parseSnapshot } from "../../src/data/snapshot-validate";
import { holdingsCsv } from "../fixtures/holdings/holdings-csv";
import { EXCERPT, GENERATED_AT, qualis, SEC_DIR, tempDir } from "./run-cli";

function load(file: string) {
  const r = parseSnapshot(readFileSync(file, "utf8"));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.universe;
}

describe("qualis snapshot build --sec-dir (the fixtures end to end)", () => {
  const dir = tempDir();
  const out = path.join(dir, "snap.json");
  let run: Awaited<ReturnType<typeof qualis>>;
  beforeAll(async () => {
    run = await qualis(
      "snapshot",
      "build",
      "--holdings",
      EXCERPT,
      "--sec-dir",
      SEC_DIR,
      "--out",
      out,
      "--generated-at",
      GENERATED_AT,
    );
  });

  test("writes a snapshot that `qualis validate` accepts", async () => {
    expect(run.code).toBe(0);
    const v = await qualis("validate", out);
    expect(v.code).toBe(0);
    expect(v.out).toContain("valid — 6 companies, as of 2026-04-10");
  });

  test("joins holdings, ticker map, companyfacts and submissions", () => {
    const u = load(out);
    const jun = u.companies.find((c) => c.ticker === "ZJUN")!;
    expect(jun).toMatchObject({
      cik: "9990001",
      sic: 3550,
      industry: "Special Industry Machinery (No Metalworking Machinery)",
      themes: ["industrial_investment", "automation"],
      price: 52,
      sharesOutstanding: 10.2,
      marketCap: 530.4,
      marketCapEstimated: false,
      membership: "R2000",
    });
    expect(jun.ttm!.end).toBe("2025-12-31");
    expect(jun.ttm!.values.revenue).toBe(137);
    expect(jun.years.map((y) => y.fiscalYear)).toEqual([2025, 2024, 2023, 2022, 2021]);
    expect(u.companies.find((c) => c.ticker === "ZBNK")).toMatchObject({
      themes: ["selective_financials"],
      marketCap: 26,
      sic: 6022,
    });
    expect(u.companies.find((c) => c.ticker === "ZOTH")).toMatchObject({
      themes: ["electrification"],
      ttm: null,
      marketCap: 6.5,
      marketCapEstimated: false,
    });
    // No companyfacts (ZNOF): the weight estimate stays. The escrow line ZZRO is no company at all.
    expect(u.companies.find((c) => c.ticker === "ZNOF")!.marketCapEstimated).toBe(true);
    expect(u.companies.find((c) => c.ticker === "ZZRO")).toBeUndefined();
  });

  test("provenance says what went in; coverage counts the companies with fundamentals", () => {
    const p = load(out).provenance;
    expect(p).toMatchObject({
      asOf: "2026-04-10",
      generatedAt: GENERATED_AT,
      isDemo: false,
      source:
        "iShares Russell 2000 ETF holdings as of 2026-04-10 + SEC EDGAR companyfacts and submissions (4 of 6 companies with fundamentals)",
      coverage: { constituents: 6, withFundamentals: 4, withMarketCap: 6 },
    });
  });

  test("the coverage report is printed and written beside the snapshot: per field, and unmatched tickers by name", () => {
    const text = readFileSync(`${out}.coverage.txt`, "utf8");
    expect(run.out.trim()).toBe(text.trim());
    expect(text).toContain("matched to a CIK: 6 of 6 (100.0%)");
    expect(text).toContain("2 not a company");
    expect(text).toContain("companyfacts: 5 read; missing 1: ZNOF (CIK 9990006)");
    expect(text).toMatch(/capex\s+1\s+1\n/);
    expect(text).toMatch(/revenue\s+4\s+4\n/);
    expect(text).toContain("Market cap: 5 price × SEC shares; 1 estimated from index weight; 0 none");
    expect(text).toContain("skipped line 22: - ZANY BIO WARRANTS — no ticker");
    // which debt lines gave each company's total debt; a filer without us-gaap facts is named, not mis-read
    expect(text).toContain("total debt by combination of debt lines:\n    LongTermDebt: 1 (ZJUN)\n");
    expect(text).toContain("no us-gaap facts (not read; fields null): ZOTH (no financial facts)");
  });

  test("the same inputs build the same bytes", async () => {
    const again = path.join(dir, "again.json");
    await qualis(
      "snapshot",
      "build",
      "--holdings",
      EXCERPT,
      "--sec-dir",
      SEC_DIR,
      "--out",
      again,
      "--generated-at",
      GENERATED_AT,
    );
    expect(readFileSync(again, "utf8")).toBe(readFileSync(out, "utf8"));
  });
});

describe("qualis snapshot build, other modes and refusals", () => {
  test("holdings only: every company has an estimated market cap and no fundamentals", async () => {
    const out = path.join(tempDir(), "h.json");
    const r = await qualis("snapshot", "build", "--holdings", EXCERPT, "--out", out, "--index-total-cap", "2,500,000");
    expect(r.code).toBe(0);
    const u = load(out);
    expect(u.provenance.source).toBe(
      "iShares Russell 2000 ETF holdings as of 2026-04-10 (holdings only: no fundamentals)",
    );
    expect(u.companies.every((c) => c.marketCap! > 0 && c.marketCapEstimated && c.ttm === null)).toBe(true);
    expect(readFileSync(`${out}.coverage.txt`, "utf8")).toContain(
      "SEC: none (holdings-only snapshot: no fundamentals)",
    );
  });

  test("--r1000-holdings: the breakpoint is the cap ranked 1000 among R1000 + R2000, the band above it", async () => {
    const dir = tempDir();
    // A long file name, as browsers save repeated downloads: it once broke the band's source (≤ 500 characters).
    const name = `${"IWB_holdings_2026-04-10 (downloaded from ishares.com) ".repeat(4)}.csv`;
    const iwb = path.join(dir, name);
    // 1,000 large companies with market values 1,010 … 11: estimated caps 63,400,000 × mv / 510,500, the smallest 1,366.1.
    writeFileSync(
      iwb,
      holdingsCsv(
        "iShares Russell 1000 ETF",
        "Apr 10, 2026",
        Array.from({ length: 1000 }, (_, i) => ({ ticker: `L${i}`, marketValue: (1010 - i) * 1e6 })),
      ),
    );
    const out = path.join(dir, "b.json");
    const r = await qualis(
      "snapshot",
      "build",
      "--holdings",
      EXCERPT,
      "--sec-dir",
      SEC_DIR,
      "--r1000-holdings",
      iwb,
      "--index-total-cap",
      "1000",
      "--out",
      out,
    );
    expect(r.code).toBe(0);
    const idx = load(out).index;
    expect(idx.breakpoint).toBeCloseTo((11 / 510_500) * 63_400_000, 6);
    expect(idx.upperBand).toBeGreaterThan(idx.breakpoint);
    expect(name.length).toBeGreaterThan(200);
    expect(
      idx.bandSource.startsWith(
        `Computed from ${name} (iShares Russell 1000 ETF, as of 2026-04-10) and the Russell 2000 holdings as of 2026-04-10, caps on one footing (weight × index total: Russell 1000 USD 63,400,000m, Russell 2000 USD 1,000m)`,
      ),
    ).toBe(true);
    // Only the band: the Russell 2000 caps stay price × SEC shares where known.
    expect(load(out).companies.find((c) => c.ticker === "ZBNK")!.marketCap).toBe(26);
    expect(idx.bandSource).toContain("1006 companies ranked by market cap");
  });

  test("--r1000-holdings must be a Russell 1000 export", async () => {
    const r = await qualis(
      "snapshot",
      "build",
      "--holdings",
      EXCERPT,
      "--r1000-holdings",
      EXCERPT,
      "--out",
      path.join(tempDir(), "x.json"),
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain("--r1000-holdings must be an iShares Russell 1000 ETF (IWB) export");
  });

  test("--fetch without a declared User-Agent is refused before any request", async () => {
    const out = path.join(tempDir(), "f.json");
    const r = await qualis(
      "snapshot",
      "build",
      "--holdings",
      EXCERPT,
      "--fetch",
      "--out",
      out,
      "--tickers-url",
      "http://127.0.0.1:9/x.json",
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain('--fetch needs --user-agent "Your Firm your.name@example.com"');
    const r2 = await qualis(
      "snapshot",
      "build",
      "--holdings",
      EXCERPT,
      "--fetch",
      "--user-agent",
      "just-a-name",
      "--out",
      out,
    );
    expect(r2.err).toContain("must give a name and a contact e-mail address");
    expect(existsSync(out)).toBe(false);
  });

  test("more than 10 requests per second is refused", async () => {
    const r = await qualis(
      "snapshot",
      "build",
      "--holdings",
      EXCERPT,
      "--fetch",
      "--user-agent",
      "Qualis tests@example.com",
      "--max-per-second",
      "20",
      "--out",
      path.join(tempDir(), "x.json"),
    );
    expect(r.err).toContain("at most 10 requests per second");
  });

  test("a holding no snapshot can hold is reported and left out; a snapshot that fails validation is not written", async () => {
    const dir = tempDir();
    const mixed = path.join(dir, "mixed.csv");
    writeFileSync(
      mixed,
      holdingsCsv("iShares Russell 2000 ETF", "Apr 10, 2026", [
        { ticker: "ABCDEFGHIJKLMNOPQRST", marketValue: 5e6 },
        { ticker: "GOOD", marketValue: 1e6 },
      ]),
    );
    const ok = await qualis("snapshot", "build", "--holdings", mixed, "--out", path.join(dir, "m.json"));
    expect(ok.code).toBe(0);
    expect(load(path.join(dir, "m.json")).companies.map((c) => c.ticker)).toEqual(["GOOD"]);
    expect(ok.out).toMatch(
      /line 11: ABCDEFGHIJKLMNOPQRST: ticker: Too big: expected string to have <=16 characters; not read/,
    );

    const bad = path.join(dir, "long.csv");
    writeFileSync(
      bad,
      holdingsCsv("iShares Russell 2000 ETF", "Apr 10, 2026", [{ ticker: "ABCDEFGHIJKLMNOPQRST", marketValue: 5e6 }]),
    );
    const r = await qualis("snapshot", "build", "--holdings", bad, "--out", path.join(dir, "x.json"));
    expect(r.code).toBe(1);
    expect(r.err).toContain("The built snapshot fails validation; nothing written:");
    expect(r.err).toContain("companies: the snapshot has no companies");
    expect(existsSync(path.join(dir, "x.json"))).toBe(false);
  });

  test("holdings without an as-of date are refused before anything is built", async () => {
    const dir = tempDir();
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, readFileSync(EXCERPT, "utf8").replace('"Apr 10, 2026"', '"-"'));
    const r = await qualis("snapshot", "build", "--holdings", bad, "--out", path.join(dir, "x.json"));
    expect(r.code).toBe(1);
    expect(r.err).toContain("no readable 'Fund Holdings as of' date");
    expect(existsSync(path.join(dir, "x.json"))).toBe(false);
  });

  test("usage", async () => {
    expect((await qualis("snapshot")).out).toContain("qualis snapshot build --holdings FILE --out FILE [options]");
    expect((await qualis("snapshot", "build")).err).toContain("--holdings and --out are required");
  });
});

describe("qualis snapshot build --prices", () => {
  test("each company with 20+ returns gets its own volatility; the others keep the default", async () => {
    const dir = tempDir();
    const prices = path.join(dir, "prices.csv");
    // ZJUN: 22 daily closes alternating 100 and 100·e^0.01 → σ = 0.01 × √365.25 = 0.1911151…, kept to 6 digits; ZBNK: too few.
    const rows = Array.from({ length: 22 }, (_, i) => {
      const date = new Date(Date.UTC(2026, 2, 1) + i * 86_400_000).toISOString().slice(0, 10);
      return `ZJUN,${date},${(100 * Math.exp(i % 2 ? 0.01 : 0)).toFixed(10)}`;
    });
    writeFileSync(prices, ["ticker,date,close", ...rows, "ZBNK,2026-03-01,13", "ZBNK,2026-03-02,14"].join("\n"));
    const out = path.join(dir, "p.json");
    const r = await qualis("snapshot", "build", "--holdings", EXCERPT, "--prices", prices, "--out", out);
    expect(r.code).toBe(0);
    expect(r.err).toContain("prices: volatility for 1 of 6 companies");
    const u = load(out);
    expect(u.companies.find((c) => c.ticker === "ZJUN")!.volatility).toBe(0.191115);
    expect(u.companies.find((c) => c.ticker === "ZBNK")!.volatility).toBeNull();
    expect(u.provenance.notes.join(" ")).toContain("Volatility of 1 of 6 companies from prices.csv");
  });

  test("--history must be an export of the same fund", async () => {
    const dir = tempDir();
    const iwb = path.join(dir, "IWB.csv");
    writeFileSync(iwb, readFileSync(EXCERPT, "utf8").replace("iShares Russell 2000 ETF", "iShares Russell 1000 ETF"));
    const out = path.join(dir, "h.json");
    const bad = await qualis("snapshot", "build", "--holdings", EXCERPT, "--history", iwb, "--out", out);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("is 'iShares Russell 1000 ETF', not the fund of");
  });
});
