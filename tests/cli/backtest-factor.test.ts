// `qualis backtest factor` on the committed IWM excerpt, with an end price file whose returns are chosen by hand.
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { EXCERPT, GENERATED_AT, qualis, tempDir } from "./run-cli";

describe("qualis backtest factor", () => {
  const dir = tempDir();
  const snapshot = path.join(dir, "S.json");
  const prices = path.join(dir, "prices.csv");
  const json = path.join(dir, "out.json");

  beforeAll(async () => {
    expect(
      (await qualis("snapshot", "build", "--holdings", EXCERPT, "--out", snapshot, "--generated-at", GENERATED_AT))
        .code,
    ).toBe(0);
    // Start prices (the excerpt): ZJUN 52, ZBNK 13, ZNCX 30, ZQTR 10, ZOTH 10, ZNOF 2. ZOTH's only close is before the
    // file's latest date, so it has no end price (it left).
    writeFileSync(
      prices,
      [
        "Ticker,Date,Close",
        "ZJUN,2026-05-11,57.20", // +10%
        "ZBNK,2026-05-11,11.70", // −10%
        "ZNCX,2026-05-11,36", // +20%
        "ZQTR,2026-05-11,10", // 0
        "ZNOF,2026-05-11,3", // +50%
        "ZOTH,2026-05-01,11",
      ].join("\n"),
    );
  });

  it("groups by market cap (from the weights: ZNOF < ZQTR < ZNCX < ZBNK < ZJUN) and reports spreads and rank IC", async () => {
    const r = await qualis(
      "backtest",
      "factor",
      "--snapshot",
      snapshot,
      "--from",
      EXCERPT,
      "--prices",
      prices,
      "--field",
      "market_cap",
      "--groups",
      "2",
      "--json",
      json,
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(readFileSync(json, "utf8"));
    // Five names in two groups: positions 0–2 → group 1 (ZNOF, ZQTR, ZNCX), 3–4 → group 2 (ZBNK, ZJUN).
    expect(j.groups.map((g: { n: number }) => g.n)).toEqual([3, 2]);
    expect(j.groups[0].mean_return).toBeCloseTo(0.7 / 3, 12);
    expect(j.groups[0].median_return).toBeCloseTo(0.2, 12);
    expect(j.groups[1].mean_return).toBeCloseTo(0, 12);
    expect(j.groups[1].median_return).toBeCloseTo(0, 12);
    expect(j.spread_mean).toBeCloseTo(-0.7 / 3, 12);
    expect(j.spread_median).toBeCloseTo(-0.2, 12);
    // Cap ranks 1–5 against return ranks 5, 2, 4, 1, 3: Σd² = 30, ρ = 1 − 6·30 / (5·24) = −0.5.
    expect(j.rank_ic).toBeCloseTo(-0.5, 12);
    expect(j.n).toBe(5);
    expect(j.left).toBe(1);
    expect(j.left_tickers).toEqual(["ZOTH"]);
    expect(j.to).toBe("2026-05-11");
    expect(j.returns).toMatch(/no dividends/);
    expect(r.out).toMatch(/\| 1 \| 3 \|/);
    expect(r.out).toMatch(/no dividends/);
  });

  it("a TRUE/FALSE field gives two groups", async () => {
    const r = await qualis(
      "backtest",
      "factor",
      "--snapshot",
      snapshot,
      "--from",
      EXCERPT,
      "--prices",
      prices,
      "--field",
      "market_cap_estimated",
      "--json",
      json,
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(readFileSync(json, "utf8"));
    expect(j.groups.map((g: { group: number; n: number }) => [g.group, g.n])).toEqual([
      [1, 0],
      [2, 5],
    ]);
    expect(j.spread_mean).toBeNull();
  });

  it.each([
    [["--from", EXCERPT, "--field", "market_cap"], /required/],
    [["--snapshot", "S", "--from", EXCERPT, "--field", "market_cap"], /--to END.csv or --prices/],
    [["--snapshot", "S", "--from", EXCERPT, "--to", "E", "--prices", "P", "--field", "market_cap"], /one of them/],
    [["--snapshot", "S", "--from", EXCERPT, "--to", "E", "--field", "nope"], /unknown field 'nope'/],
    [["--snapshot", "S", "--from", EXCERPT, "--to", "E", "--field", "sector"], /'sector' is text/],
    [["--snapshot", "S", "--from", EXCERPT, "--to", "E", "--field", "price", "--groups", "1"], /at least 2/],
    [["--snapshot", "S", "--bogus"], /bogus/],
  ])("usage error %# exits 2", async (args, message) => {
    const r = await qualis("backtest", "factor", ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it("a price file with a bad row fails (exit 1) naming the line", async () => {
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, "ticker,date,close\nZJUN,2026-05-11,abc\n");
    const r = await qualis(
      "backtest",
      "factor",
      "--snapshot",
      snapshot,
      "--from",
      EXCERPT,
      "--prices",
      bad,
      "--field",
      "price",
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.csv, line 2: close 'abc'/);
  });

  it("an unknown kind is a usage error", async () => {
    expect((await qualis("backtest", "nope")).code).toBe(2);
  });
});
