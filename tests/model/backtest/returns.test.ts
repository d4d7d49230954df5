import { companyKey, priceReturns, splitRatio, type PricePoint } from "../../../src/model/backtest/returns";

const p = (
  ticker: string,
  price: number | null,
  quantity: number | null,
  name: string | null = ticker,
): PricePoint => ({
  ticker,
  name,
  price,
  quantity,
});

describe("price returns between two holdings dates", () => {
  // The fund grew 10% (most quantities × 1.1). D split 2-for-1 (quantity × 2.2, price 40 → 22); H did a 1-for-10
  // reverse split (quantity 1000 → 110, price 1 → 9); G's quantity doubled but its price rose: no split.
  const start = [
    p("A", 10, 100),
    p("B", 20, 50),
    p("C", 5, 1000),
    p("D", 40, 10),
    p("OLD", 8, 200, "Old Name Inc"),
    p("F", null, 10),
    p("G", 10, 100),
    p("H", 1, 1000),
  ];
  const end = [
    p("A", 12, 110),
    p("B", 15, 55),
    p("D", 22, 22),
    p("NEW", 10, 220, "OLD NAME, INC."),
    p("G", 11, 220),
    p("H", 9, 110),
    p("Z", 3, 5),
  ];
  const r = priceReturns(start, end);

  it("price return = end ÷ start − 1, as a fraction", () => {
    expect(r.returns.get("A")).toBeCloseTo(0.2, 12);
    expect(r.returns.get("B")).toBeCloseTo(-0.25, 12);
    expect(r.returns.get("G")).toBeCloseTo(0.1, 12);
  });

  it("names with no end price are counted as left; names with no start price are set aside", () => {
    expect(r.left).toEqual(["C"]);
    expect(r.noStartPrice).toEqual(["F"]);
    expect(r.returns.has("C")).toBe(false);
  });

  it("a renamed ticker is matched by company name", () => {
    expect(r.renamed).toEqual([{ from: "OLD", to: "NEW", name: "Old Name Inc" }]);
    expect(r.returns.get("OLD")).toBeCloseTo(0.25, 12);
  });

  it("splits are found from the quantity relative to the fund's median growth, and the return adjusted", () => {
    // Quantity ratios 1.1, 1.1, 2.2, 1.1, 2.2, 0.11: median 1.1.
    expect(r.fundScale).toBeCloseTo(1.1, 12);
    expect(r.splits.map((s) => [s.ticker, s.ratio])).toEqual([
      ["D", 2],
      ["H", 0.1],
    ]);
    expect(r.returns.get("D")).toBeCloseTo((22 * 2) / 40 - 1, 12); // 0.1, not −0.45
    expect(r.splits[0]!.unadjustedReturn).toBeCloseTo(-0.45, 12);
    expect(r.returns.get("H")).toBeCloseTo(-0.1, 12); // 9 × 0.1 / 1 − 1, not +800%
  });

  it("a quantity move like a split whose price did not move the other way is listed as a suspect, not adjusted", () => {
    // G: relative quantity 2.2 / 1.1 = 2, price ×1.1: adjusting would make +120% of +10%.
    expect(r.suspects.map((s) => [s.ticker, s.ratio])).toEqual([["G", 2]]);
    expect(r.suspects[0]!.adjustedReturn).toBeCloseTo(1.2, 12);
  });

  it("split ratios: within 5% of k or 1/k, k ≥ 2, a multiple of 5 preferred above 10", () => {
    expect(splitRatio(2.05)).toBe(2);
    expect(splitRatio(2.15)).toBeNull();
    expect(splitRatio(1 / 49.2)).toBeCloseTo(1 / 50, 12);
    expect(splitRatio(12.1)).toBe(12);
    expect(splitRatio(3.4)).toBeNull();
    expect(splitRatio(1.05)).toBeNull();
    expect(splitRatio(0.2)).toBeCloseTo(0.2, 12);
    expect(splitRatio(0.051)).toBeCloseTo(0.05, 12);
  });

  it("without quantities (a price file) nothing is taken for a split", () => {
    const q = priceReturns([p("D", 40, null)], [p("D", 22, null)]);
    expect(q.returns.get("D")).toBeCloseTo(-0.45, 12);
    expect(q.splits).toEqual([]);
    expect(q.fundScale).toBeNull();
  });

  it("company names compare without case, punctuation, suffixes or share classes", () => {
    expect(companyKey("Old Name, Inc. Class A")).toBe("OLD NAME");
    expect(companyKey("The Bancorp, Inc.")).toBe(companyKey("BANCORP INC/THE"));
  });
});
