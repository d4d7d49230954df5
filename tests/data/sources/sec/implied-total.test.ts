import { impliedIndexTotal, MIN_FOR_TOTAL } from "../../../../src/data/sources/sec/sec-universe";
import { company } from "../../../support/universe-builders";

test("the index total is the median of price × shares ÷ weight over the companies with known caps", () => {
  // 21 known caps of 1,000 at weights 0.01% … 0.21%: totals 1000 / (w/100) = 10,000,000 / k, k = 1 … 21; median k = 11.
  const known = Array.from({ length: 21 }, (_, i) => company(`K${i}`, { marketCap: 1000, weight: (i + 1) / 100 }));
  // Estimated caps, and a known cap without a weight, do not count.
  const others = [
    company("E", { marketCap: 5, weight: 0.5, marketCapEstimated: true }),
    company("N", { marketCap: 50, weight: null }),
  ];
  expect(impliedIndexTotal([...known, ...others])).toEqual({
    value: Number((10_000_000 / 11).toPrecision(12)),
    from: 21,
  });
  // An even count takes the mean of the middle two: k = 10 and 11 of 1 … 20.
  expect(impliedIndexTotal(known.slice(0, 20))!.value).toBeCloseTo((1e7 / 10 + 1e7 / 11) / 2, 3);
  expect(impliedIndexTotal(known.slice(0, MIN_FOR_TOTAL - 1))).toBeNull();
});
