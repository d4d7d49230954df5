import { altmanOf, altmanZ, altmanZone } from "../../src/model/altman";
import { company, values } from "../support/universe-builders";

describe("Altman Z″", () => {
  test("known inputs: 6.56·0.125 + 3.26·0.225 + 6.72·0.075 + 1.05·(160/240) = 2.7575, safe", () => {
    const r = altmanZ({
      currentAssets: 150,
      currentLiabilities: 100,
      retainedEarnings: 90,
      ebit: 30,
      totalAssets: 400,
      equity: 160,
    })!;
    expect(r.x1).toBe(0.125);
    expect(r.x2).toBe(0.225);
    expect(r.x3).toBe(0.075);
    expect(r.x4).toBeCloseTo(2 / 3, 15);
    expect(r.z).toBeCloseTo(0.82 + 0.7335 + 0.504 + 0.7, 12);
    expect(r.zone).toBe("safe");
  });

  test("a distressed company: negative working capital, an accumulated deficit, losses", () => {
    // X1 = −20/100, X2 = −50/100, X3 = −10/100, X4 = 10/90
    const r = altmanZ({
      currentAssets: 30,
      currentLiabilities: 50,
      retainedEarnings: -50,
      ebit: -10,
      totalAssets: 100,
      equity: 10,
    })!;
    expect(r.z).toBeCloseTo(6.56 * -0.2 + 3.26 * -0.5 + 6.72 * -0.1 + 1.05 * (10 / 90), 12); // −3.4853…
    expect(r.zone).toBe("distress");
  });

  test("zones: above 2.60 safe, below 1.10 distress, the bounds themselves grey", () => {
    expect(altmanZone(2.61)).toBe("safe");
    expect(altmanZone(2.6)).toBe("grey");
    expect(altmanZone(1.8)).toBe("grey");
    expect(altmanZone(1.1)).toBe("grey");
    expect(altmanZone(1.09)).toBe("distress");
  });

  test("needs every input, positive assets and positive liabilities", () => {
    const base = { currentAssets: 1, currentLiabilities: 1, retainedEarnings: 1, ebit: 1, totalAssets: 10, equity: 4 };
    expect(altmanZ({ ...base, retainedEarnings: null })).toBeNull();
    expect(altmanZ({ ...base, equity: 10 })).toBeNull(); // no liabilities: X4 undefined
    expect(altmanZ({ ...base, totalAssets: 0, equity: -1 })).toBeNull();
  });

  test("reads the current period of a company (EBIT = operating income)", () => {
    const c = company("Z", {
      ttm: {
        end: "2026-09-30",
        values: values({
          currentAssets: 150,
          currentLiabilities: 100,
          retainedEarnings: 90,
          operatingIncome: 30,
          totalAssets: 400,
          equity: 160,
        }),
      },
    });
    expect(altmanOf(c)?.z).toBeCloseTo(2.7575, 12);
  });
});
