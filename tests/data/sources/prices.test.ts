import { parsePricesCsv, volatilityFromHoldings, volatilityOf } from "../../../src/data/sources/prices";

/** 22 daily closes whose log returns alternate +0.01, −0.01 (21 returns over 21 calendar days). */
function zigzag(ticker: string, from = Date.UTC(2026, 0, 1)): string[] {
  return Array.from({ length: 22 }, (_, i) => {
    const date = new Date(from + i * 86_400_000).toISOString().slice(0, 10);
    return `${ticker},${date},${(100 * Math.exp(i % 2 ? 0.01 : 0)).toFixed(10)}`;
  });
}

describe("prices → volatility", () => {
  test("σ = √(Σr² / Σ Δt): returns of ±1% a day give 0.01 × √365.25, by hand", () => {
    const prices = parsePricesCsv(["Ticker,Date,Close", ...zigzag("ZJUN")].join("\n"));
    const s = volatilityOf(prices.get("ZJUN")!);
    expect(s).toBeCloseTo(0.01 * Math.sqrt(365.25), 8); // 0.191116…
  });

  test("uneven spacing counts in calendar time; too few returns give none", () => {
    // Two returns of 0.02 over 2 and 5 days: √(2 × 0.0004 / (7 / 365.25)).
    const series = [
      { date: "2026-01-01", close: 100 },
      { date: "2026-01-03", close: 100 * Math.exp(0.02) },
      { date: "2026-01-08", close: 100 },
    ];
    expect(volatilityOf(series, 2)).toBeCloseTo(Math.sqrt(0.0008 / (7 / 365.25)), 12);
    expect(volatilityOf(series)).toBeNull(); // fewer than 20 returns
  });

  test("rows in any order and any ticker spelling; bad rows are named by line and field", () => {
    const text = ["ticker,date,close", ...zigzag("brk.b").reverse()].join("\n");
    expect(parsePricesCsv(text).get("BRK.B")![0]!.date).toBe("2026-01-01");
    expect(() => parsePricesCsv("ticker,close\nA,1")).toThrow("prices: no 'date' column");
    expect(() => parsePricesCsv("ticker,date,close\nA,2026-01-01,1\nA,01/02/2026,1")).toThrow(
      "prices, line 3: date '01/02/2026' is not YYYY-MM-DD",
    );
    expect(() => parsePricesCsv("ticker,date,close\nA,2026-01-01,0")).toThrow(
      "prices, line 2: close '0' is not a positive number",
    );
  });
});

describe("volatility from earlier holdings exports (--history)", () => {
  const at = (asOf: string, rows: [string, number, number][]) => ({
    asOf,
    prices: new Map(rows.map(([t, price, quantity]) => [t, { price, quantity }])),
  });
  test("returns between exports, in calendar time; a split is left out, not read as a crash", () => {
    // A: +10% then −10% in log terms over 0.5 years each → √(2 × 0.01 / 1) = 0.141421…
    // B: a 2-for-1 split in the second step (quantity × 2, price ÷ 2): only one return left, fewer than two.
    const half = (Date.parse("2025-07-02") - Date.parse("2025-01-01")) / 86_400_000 / 365.25;
    const v = volatilityFromHoldings([
      at("2025-07-02", [
        ["A", 100 * Math.exp(0.1), 10],
        ["B", 40, 10],
      ]),
      at("2025-01-01", [
        ["A", 100, 10],
        ["B", 40, 10],
      ]),
      at("2025-12-31", [
        ["A", 100, 10],
        ["B", 20, 20],
      ]),
    ]);
    const second = (Date.parse("2025-12-31") - Date.parse("2025-07-02")) / 86_400_000 / 365.25;
    expect(v.get("A")).toBeCloseTo(Math.sqrt(0.02 / (half + second)), 12);
    expect(v.has("B")).toBe(false);
  });
});
