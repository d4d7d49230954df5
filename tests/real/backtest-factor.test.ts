// Real data: `qualis backtest factor` over the IWM exports of 13 May 2025, 5 Nov 2025 and 10 Apr 2026, each snapshot
// built from its start file (holdings only). What is checked is worked out here from the files themselves.
import { mkdtempSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { parseHoldingsCsv } from "../../src/data/sources/holdings/parse-holdings";
import { fixture } from "./fixtures";

const dir = mkdtempSync(path.join(os.tmpdir(), "qualis-backtest-"));
const iwm = (date: string) => fixture(`ishares/IWM_holdings_${date}.csv`);

async function qualis(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

interface Group {
  group: number;
  n: number;
  min: number;
  max: number;
  mean_return: number;
  median_return: number;
}

describe.each([
  ["2025-11-05", "2026-04-10"],
  ["2025-05-13", "2025-11-05"],
])("IWM %s → %s", (from, to) => {
  const snapshot = path.join(dir, `S-${from}.json`);
  const startFile = parseHoldingsCsv(readFileSync(iwm(from), "utf8"));
  const endFile = parseHoldingsCsv(readFileSync(iwm(to), "utf8"));
  const results: Record<string, { j: Record<string, unknown> & { groups: Group[] }; out: string }> = {};

  beforeAll(async () => {
    expect((await qualis("snapshot", "build", "--holdings", iwm(from), "--out", snapshot)).code).toBe(0);
    for (const field of ["market_cap", "graduation_prob", "is_profitable"]) {
      const json = path.join(dir, `${from}-${field}.json`);
      const r = await qualis(
        "backtest",
        "factor",
        "--snapshot",
        snapshot,
        "--from",
        iwm(from),
        "--to",
        iwm(to),
        "--field",
        field,
        "--json",
        json,
      );
      expect(r.code).toBe(0);
      results[field] = { j: JSON.parse(readFileSync(json, "utf8")), out: r.out };
    }
  }, 120_000);

  test("market cap: five groups of equal count, group 1 the smallest, ranges in order", () => {
    const { j } = results.market_cap!;
    const ns = j.groups.map((g) => g.n);
    expect(ns.reduce((a, b) => a + b, 0)).toBe(j.n);
    expect(Math.max(...ns) - Math.min(...ns)).toBeLessThanOrEqual(1);
    for (let i = 1; i < 5; i++) expect(j.groups[i]!.min).toBeGreaterThan(j.groups[i - 1]!.max);
    expect(j.spread_mean).toBeCloseTo(j.groups[4]!.mean_return - j.groups[0]!.mean_return, 12);
    expect(j.spread_median).toBeCloseTo(j.groups[4]!.median_return - j.groups[0]!.median_return, 12);
    expect(Math.abs(j.rank_ic as number)).toBeLessThan(1);
  });

  test("names that left: the start file's tickers the end file lacks or prices at 0, less those matched by company name", () => {
    const { j } = results.market_cap!;
    const endTickers = new Set(endFile.holdings.map((h) => h.ticker));
    // Gone: not in the end file, or there at a price of 0 (a suspended line).
    const endPriced = new Set(endFile.holdings.filter((h) => h.price !== null).map((h) => h.ticker));
    const gone = startFile.holdings.filter((h) => h.price !== null && !endPriced.has(h.ticker)).map((h) => h.ticker);
    const renamed = (j.renamed as { from: string; to: string }[]).map((r) => r.from);
    for (const r of j.renamed as { from: string; to: string }[]) expect(endTickers.has(r.to)).toBe(true);
    // Every start name with a price is counted once: with a return, or as left (a few holdings the snapshot refuses
    // would be neither; there are none in these files).
    expect(j.left).toBe(gone.length - renamed.length);
    expect(j.n as number).toBe(startFile.holdings.filter((h) => h.price !== null).length - (j.left as number));
  });

  test("graduation probability groups hold names and the TRUE/FALSE field has two groups", () => {
    expect(results.graduation_prob!.j.groups).toHaveLength(5);
    expect(results.is_profitable!.j.groups).toHaveLength(2);
    // A holdings-only snapshot has no fundamentals: no one is known profitable or not.
    expect(results.is_profitable!.j.n).toBe(0);
    expect(results.is_profitable!.j.no_value).toBe(results.market_cap!.j.n);
  });
});

test("Piper Sandler's 4-for-1 split (Quantity 424,757 → 1,649,890; price 335.24 → 83.47) is adjusted", async () => {
  const json = path.join(dir, "2025-11-05-market_cap.json");
  const j = JSON.parse(readFileSync(json, "utf8"));
  const pipr = j.splits.find((s: { ticker: string }) => s.ticker === "PIPR");
  expect(pipr.ratio).toBe(4);
  expect(pipr.adjusted_return).toBeCloseTo((83.47 * 4) / 335.24 - 1, 12);
});
