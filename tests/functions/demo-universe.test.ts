// The nine functions answering from the demo universe, as a workbook would call them: whole columns at once.
import { generateDemoUniverse } from "../../src/data/sources/demo/generator";
import {
  asOf,
  constituents,
  fieldValue,
  graduationProb,
  isProfitable,
  qualityScore,
  scoreBreakdown,
  unprofitableShare,
} from "../../src/functions/functions";
import { useUniverse } from "../support/test-store";

const u = generateDemoUniverse();
let tickers: string[][];

beforeAll(async () => {
  useUniverse(u);
  tickers = (await constituents()) as string[][];
});

const numbers = (m: unknown[][]) => m.map((r) => r[0]).filter((v): v is number => typeof v === "number");

describe("the demo universe through the functions", () => {
  test("CONSTITUENTS lists every company; AS_OF says DEMO", async () => {
    expect(tickers).toHaveLength(u.companies.length);
    expect(await asOf()).toBe("2026-10-30 · DEMO (fictional companies)");
  });

  test("UNPROFITABLE_SHARE() is about 40%", async () => {
    const share = await unprofitableShare();
    expect(share).toBeGreaterThanOrEqual(0.35);
    expect(share).toBeLessThanOrEqual(0.45);
  });

  test("every QUALITY_SCORE lies in [0, 100], nearly every company has one, and they spread", async () => {
    const scores = numbers(await qualityScore(tickers));
    expect(scores.length).toBeGreaterThan(0.95 * tickers.length);
    for (const s of scores) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(100);
    }
    const sorted = [...scores].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.floor(p * (sorted.length - 1))]!;
    expect(q(0.9) - q(0.1)).toBeGreaterThan(25);
    expect(new Set(scores.map((s) => s.toFixed(6))).size).toBeGreaterThan(0.9 * scores.length);
  });

  test("the sum of GRADUATION_PROB (expected graduates at the next rank day) is between 10 and 60; two rank days give more", async () => {
    const one = numbers(await graduationProb(tickers)).reduce((s, x) => s + x, 0);
    const two = numbers(await graduationProb(tickers, 2)).reduce((s, x) => s + x, 0);
    expect(one).toBeGreaterThan(10);
    expect(one).toBeLessThan(60);
    expect(two).toBeGreaterThan(one);
  });

  test("profitable companies score higher than loss-makers on average", async () => {
    const scores = await qualityScore(tickers);
    const profitable = await isProfitable(tickers);
    const mean = (want: boolean) => {
      const xs = scores
        .map((r, i) => (profitable[i]![0] === want && typeof r[0] === "number" ? r[0] : null))
        .filter((x): x is number => x !== null);
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    };
    expect(mean(true) - mean(false)).toBeGreaterThan(10);
  });

  test("FIELD and SCORE_BREAKDOWN agree with QUALITY_SCORE", async () => {
    const [first] = tickers[0]!;
    expect(await fieldValue([[first]], "quality_score")).toEqual(await qualityScore([[first]]));
    const rows = await scoreBreakdown(first);
    const score = rows.find((r) => r[0] === "Quality score (0–100)")![1];
    expect([[score]]).toEqual(await qualityScore([[first]]));
  });
});
