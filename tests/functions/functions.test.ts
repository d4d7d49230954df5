import {
  constituents,
  fields,
  fieldValue,
  graduationProb,
  qualityScore,
  scoreBreakdown,
  unprofitableShare,
} from "../../src/functions/functions";
import { FIELD_CATALOGUE } from "../../src/model/catalogue";
import { company, universe, year } from "../support/universe-builders";
import { TTM_A, TTM_B, TTM_C, ttm } from "../support/three-companies";
import { err, errs, useUniverse } from "../support/test-store";

// quality.test.ts works these three out by hand: B scores exactly 50, A 85.119…, C 5.952….
const A = company("A", {
  sector: "Industrials",
  themes: ["electrification"],
  marketCap: 7500,
  volatility: 0.3,
  ttm: ttm(TTM_A),
});
const B = company("BRK.B", {
  sector: "Industrials",
  themes: ["defence"],
  ttm: ttm(TTM_B),
});
const C = company("C", {
  sector: "Health Care",
  marketCap: 200,
  ttm: ttm(TTM_C),
});
const BIG = company("BIG", { membership: "R1000", marketCap: 40000, years: [year(2025, { netIncome: 1 })] });
const HOLD = company("HOLD", { marketCap: 6900, volatility: null }); // holdings-only: no fundamentals

const u = universe([A, B, C, BIG, HOLD]);
beforeEach(() => useUniverse(u));

const NA = "#N/A";
const VALUE = "#VALUE!";

describe("QUALIS.QUALITY_SCORE", () => {
  test("a single ticker gives a single value", async () => {
    expect(await qualityScore([["brk-b"]])).toEqual([[expect.closeTo(50, 10)]]);
  });

  test("a column keeps its shape; a 2-D range keeps its shape; blanks give blanks", async () => {
    const col = await qualityScore([["A"], ["BRK B"], ["C"]]);
    expect(col).toEqual([
      [expect.closeTo(85.11904761904762, 10)],
      [expect.closeTo(50, 10)],
      [expect.closeTo(5.952380952380952, 10)],
    ]);
    const grid = await qualityScore([
      ["A", ""],
      [null, "C"],
    ]);
    expect(grid).toEqual([
      [expect.closeTo(85.11904761904762, 10), ""],
      ["", expect.closeTo(5.952380952380952, 10)],
    ]);
  });

  test("unknown tickers and missing fundamentals are #N/A in their own cells; the rest fills", async () => {
    expect(errs(await qualityScore([["XYZ"], ["BRK.B"], ["HOLD"]]))).toEqual([
      [{ code: NA, message: "Unknown ticker 'XYZ' — not in the Russell 2000 snapshot of 2026-04-30" }],
      [expect.closeTo(50, 10)],
      [{ code: NA, message: "No fundamentals for 'HOLD' in this snapshot" }],
    ]);
  });
});

describe("QUALIS.GRADUATION_PROB", () => {
  test("per ticker, in shape; non-members and unknown tickers are #N/A; holdings-only companies answer from caps", async () => {
    // The snapshot is dated 2026-04-30, rank day itself: the June outcome is known from today's caps.
    const r = errs(
      await graduationProb([
        ["A", "C"],
        ["BIG", "HOLD"],
        ["", "XYZ"],
      ]),
    ) as any[][];
    expect(r[0]![0]).toBe(1); // 7,500 > the 7,000 band
    expect(r[0]![1]).toBe(0);
    expect(r[1]![0]).toEqual({
      code: NA,
      message:
        "'BIG' is not a Russell 2000 member (it is in the Russell 1000 in this snapshot): only Russell 2000 members can graduate",
    });
    expect(r[1]![1]).toBe(0); // 6,900: no fundamentals needed
    expect(r[2]![0]).toBe("");
    expect(r[2]![1]).toMatchObject({ code: NA });
  });

  test("two reconstitutions add the late-year rank day's chance (default volatility for HOLD)", async () => {
    const one = ((await graduationProb([["HOLD"]], 1)) as number[][])[0]![0]!;
    const two = ((await graduationProb([["HOLD"]], 2)) as number[][])[0]![0]!;
    expect(one).toBe(0);
    expect(two).toBeGreaterThan(0.2); // 6,900 against 7,000 with seven months to go
    expect(two).toBeLessThan(0.6);
  });

  test("a bad reconstitutions argument is one #VALUE! with what to give", async () => {
    for (const bad of [0, 5, 2.5]) {
      expect(errs(await graduationProb([["A"], ["C"]], bad))).toEqual([
        [{ code: VALUE, message: `reconstitutions must be a whole number from 1 to 4 (got '${bad}')` }],
      ]);
    }
  });
});

describe("QUALIS.FIELD and QUALIS.FIELDS", () => {
  test("any catalogue field, in shape, with typed errors per cell", async () => {
    expect(
      errs(
        await fieldValue(
          [
            ["A", "C"],
            ["HOLD", ""],
          ],
          "net_margin",
        ),
      ),
    ).toEqual([
      [0.1, -0.1],
      [{ code: NA, message: "No fundamentals for 'HOLD' in this snapshot" }, ""],
    ]);
    expect(await fieldValue([["A"], ["BRK.B"]], " Sector ")).toEqual([["Industrials"], ["Industrials"]]);
    expect(await fieldValue([["A"]], "quality_score")).toEqual(await qualityScore([["A"]]));
  });

  test("an unknown field is one #VALUE! pointing at QUALIS.FIELDS()", async () => {
    expect(errs(await fieldValue([["A"], ["C"]], "mcap"))).toEqual([
      [{ code: VALUE, message: "Unknown field 'mcap' — see QUALIS.FIELDS()" }],
    ]);
    expect(errs(await fieldValue([["A"]], undefined as unknown as string))).toEqual([
      [{ code: VALUE, message: "Unknown field '' — see QUALIS.FIELDS()" }],
    ]);
  });

  test("FIELDS spills a header row and one row per catalogue field", () => {
    const t = fields();
    expect(t[0]).toEqual(["name", "label", "unit", "description"]);
    expect(t).toHaveLength(FIELD_CATALOGUE.length + 1);
    expect(t.find((r) => r[0] === "market_cap")).toEqual([
      "market_cap",
      "Market cap ($m)",
      "USD m",
      "Market capitalisation: price × shares outstanding (the total) where the share count is known; otherwise an estimate, float-adjusted, from the fund weight × the index's total (market_cap_basis says which) — a low-float or dual-class company's total cap is larger.",
    ]);
    for (const row of t) expect(row).toHaveLength(4);
  });
});

describe("QUALIS.SCORE_BREAKDOWN", () => {
  test("a two-column table of label and value", async () => {
    const rows = await scoreBreakdown("brk.b");
    for (const r of rows) expect(r).toHaveLength(2);
    expect(rows[0]).toEqual(["Ticker", "BRK.B"]);
    expect(rows.find((r) => r[0] === "Quality score (0–100)")![1]).toBeCloseTo(50, 10);
    expect(rows.find((r) => r[0] === "Balance sheet pillar (weight 20%, 0–100)")![1]).toBe(50);
  });

  test("unknown ticker, no fundamentals, or no ticker: one error cell", async () => {
    expect(errs(await scoreBreakdown("XYZ"))).toEqual([
      [{ code: NA, message: "Unknown ticker 'XYZ' — not in the Russell 2000 snapshot of 2026-04-30" }],
    ]);
    expect(errs(await scoreBreakdown("HOLD"))).toEqual([
      [{ code: NA, message: "No fundamentals for 'HOLD' in this snapshot" }],
    ]);
    expect(errs(await scoreBreakdown(""))).toEqual([
      [{ code: VALUE, message: 'Give one ticker, e.g. =QUALIS.SCORE_BREAKDOWN("ABCD")' }],
    ]);
  });
});

describe("QUALIS.CONSTITUENTS", () => {
  test("all tickers as a sorted column; filters by theme, sector and profitability", async () => {
    expect(await constituents()).toEqual([["A"], ["BIG"], ["BRK.B"], ["C"], ["HOLD"]]);
    expect(await constituents("Electrification")).toEqual([["A"]]);
    expect(await constituents("electrification, defence", "industrials")).toEqual([["A"], ["BRK.B"]]);
    expect(await constituents(undefined, undefined, true)).toEqual([["A"], ["BIG"], ["BRK.B"]]);
    expect(await constituents(undefined, undefined, "fcf")).toEqual([["A"], ["BRK.B"]]);
  });

  test("bad filters are #VALUE!; no match is #N/A", async () => {
    expect(errs(await constituents("crypto"))).toEqual([
      [expect.objectContaining({ code: VALUE, message: expect.stringMatching(/^Unknown theme 'crypto'/) })],
    ]);
    expect(errs(await constituents(undefined, "Health Care", true))).toEqual([
      [{ code: NA, message: "No constituent matches these filters" }],
    ]);
  });
});

describe("QUALIS.UNPROFITABLE_SHARE", () => {
  test("the share of loss-makers among companies whose profitability is known", async () => {
    // A, BRK.B profitable; C not; BIG has net income 1 in its last fiscal year; HOLD unknown.
    expect(await unprofitableShare()).toBe(1 / 4);
    expect(await unprofitableShare("fcf")).toBe(1 / 3); // BIG has no cash flows
  });

  test("a bad basis throws #VALUE!", async () => {
    await expect(unprofitableShare("ebitda").catch((e) => err(e))).resolves.toEqual({
      code: VALUE,
      message: "Unknown basis 'ebitda' — use net_income, operating_income, fcf, consistent",
    });
  });
});
