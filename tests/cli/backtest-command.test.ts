import path from "path";
import { graduationBacktest } from "../../src/cli/backtest/graduation";
import type { ParsedHoldings } from "../../src/data/sources/holdings/parse-holdings";
import { company } from "../support/universe-builders";
import { EXCERPT, qualis, tempDir } from "./run-cli";

describe("qualis backtest", () => {
  test("without a kind, or with an unknown one, it prints the usage and exits 2", async () => {
    const none = await qualis("backtest");
    expect(none.code).toBe(2);
    expect(none.out).toContain("graduation --snapshot FILE --after FILE");
    const bad = await qualis("backtest", "factorial");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("unknown kind 'factorial'");
  });

  test("graduation: missing or unknown flags exit 2", async () => {
    expect((await qualis("backtest", "graduation", "--snapshot", "x.json")).code).toBe(2);
    const r = await qualis("backtest", "graduation", "--snapshot", "x.json", "--after", "y.csv", "--bogus");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--bogus");
  });

  test("graduation: --after must be a Russell 1000 (IWB) export; failed work exits 1", async () => {
    const dir = tempDir();
    const snap = path.join(dir, "s.json");
    expect((await qualis("snapshot", "build", "--holdings", EXCERPT, "--out", snap)).code).toBe(0);
    const r = await qualis("backtest", "graduation", "--snapshot", snap, "--after", EXCERPT);
    expect(r.code).toBe(1);
    expect(r.err).toContain("--after must be an iShares IWB holdings export");
  });
});

describe("who moved", () => {
  const held = (...rows: [string, string][]) =>
    ({ holdings: rows.map(([ticker, name]) => ({ ticker, name })) }) as unknown as ParsedHoldings;
  test("share-class spellings and renames match; names in neither later file are left out", () => {
    const cs = [
      company("BRKB", { name: "BERKSHIRE CLASS B" }),
      company("OLD", { name: "Acme Widgets Inc" }),
      company("GONE", { name: "Gone Bio Inc" }),
      company("STAY", { name: "Stay Put Corp" }),
      company("BIG", { name: "Big One Corp", membership: "R1000" }),
    ];
    const p = new Map([
      ["BRKB", 0.9],
      ["OLD", 0.2],
      ["STAY", 0.4],
    ]);
    const b = graduationBacktest(
      cs,
      (c) => ({ ok: true, value: p.get(c.ticker) ?? 0 }),
      held(["BRK.B", "BERKSHIRE HATHAWAY INC CLASS B"], ["ACMW", "ACME WIDGETS CORP"], ["BIG", "Big One Corp"]),
      held(["STAY", "STAY PUT CORP"]),
    );
    expect(b.rows.map((r) => [r.ticker, r.moved])).toEqual([
      ["BRKB", true],
      ["OLD", true],
      ["STAY", false],
    ]);
    expect(b.leftOut).toEqual([{ ticker: "GONE", name: "Gone Bio Inc" }]);
    // Top 2 by p: BRKB (moved), STAY (did not): one false positive, one miss (OLD).
    expect(b.falsePositives.map((r) => r.ticker)).toEqual(["STAY"]);
    expect(b.misses.map((r) => r.ticker)).toEqual(["OLD"]);
    expect(b.metrics.precision_at_k).toBe(0.5);
  });
});
