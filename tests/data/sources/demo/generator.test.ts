import { gzipSync } from "zlib";
import {
  DEMO_AS_OF,
  DEMO_INDEX_FACTS,
  DEMO_SECTOR_SHARES,
  DEMO_UNPROFITABLE_RATES,
  demoSectorCounts,
  generateDemoUniverse,
} from "../../../../src/data/sources/demo/generator";
import { Rng } from "../../../../src/data/sources/demo/rng";
import { FUNDAMENTAL_FIELDS, type Fundamentals } from "../../../../src/model/fundamentals";
import { SECTORS, type Sector } from "../../../../src/model/sectors";
import { themesFor } from "../../../../src/model/theme-rules";
import { normalizeTicker } from "../../../../src/model/tickers";
import type { Company, Universe } from "../../../../src/model/types";

const universe: Universe = generateDemoUniverse();
const companies = universe.companies;
const json = JSON.stringify(universe);
const gzipBytes = gzipSync(json).length;

const BIG_SECTORS: Sector[] = [
  "Health Care",
  "Financials",
  "Industrials",
  "Information Technology",
  "Consumer Discretionary",
];

function quantile(sorted: number[], p: number): number {
  return sorted[Math.floor(p * (sorted.length - 1))]!;
}

function lossShare(
  list: Company[],
  pick: (c: Company) => Fundamentals | null | undefined,
): { n: number; share: number } {
  const values = list.map((c) => pick(c)?.netIncome).filter((v): v is number => v !== null && v !== undefined);
  return { n: values.length, share: values.filter((v) => v <= 0).length / values.length };
}

const ttmOf = (c: Company) => c.ttm?.values;
const fy2024Of = (c: Company) => c.years.find((y) => y.fiscalYear === 2024)?.values;

describe("the seeded generator (rng)", () => {
  it("repeats itself for a seed and differs between seeds", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it("draws normals with the right moments and samples without replacement", () => {
    const r = new Rng(7);
    const n = 20000;
    const xs = Array.from({ length: n }, () => r.normal(1, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
    expect(mean).toBeCloseTo(1, 1);
    expect(sd).toBeCloseTo(2, 1);
    const picked = r.weightedSample([1, 0, 5, 1, 1], 3);
    expect(new Set(picked).size).toBe(3);
    expect(picked).not.toContain(1); // weight 0 is never drawn while others remain
    expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(r.weighted([10, 20, 30], [0, 1, 0])).toBe(20);
  });
});

describe(`generateDemoUniverse (2,000 companies; JSON ${json.length} bytes, gzip ${gzipBytes})`, () => {
  it("is deterministic: the same options give the same universe, another seed another", () => {
    const again = generateDemoUniverse({ seed: 20260425, count: 2000, asOf: DEMO_AS_OF });
    expect(again).toEqual(universe);
    expect(JSON.stringify(again)).toBe(json);
    const other = generateDemoUniverse({ seed: 1 });
    expect(JSON.stringify(other)).not.toBe(json);
    expect(other.companies.length).toBe(2000);
  });

  it("labels itself as a fictional demo with correct coverage", () => {
    const p = universe.provenance;
    expect(p.source).toBe("demo");
    expect(p.isDemo).toBe(true);
    expect(p.asOf).toBe("2026-10-30");
    expect(p.generatedAt).toBe("2026-10-30T00:00:00.000Z");
    expect(p.notes.some((n) => /fictional/i.test(n))).toBe(true);
    expect(p.coverage).toEqual({
      constituents: companies.length,
      withFundamentals: companies.filter((c) => c.ttm !== null).length,
      withMarketCap: companies.filter((c) => c.marketCap !== null).length,
    });
    expect(universe.index).toEqual(DEMO_INDEX_FACTS);
    expect(universe.index).toMatchObject({
      name: "Russell 2000",
      breakpoint: 4600,
      upperBand: 7000,
      bandPercentile: 2.5,
      calendar: { annualRankMonth: 4, lateRankMonth: 11, lateFromYear: 2026 },
    });
  });

  it("has exactly the calibrated sector counts", () => {
    expect(companies).toHaveLength(2000);
    const counts = demoSectorCounts(2000);
    expect(SECTORS.reduce((s, k) => s + counts[k], 0)).toBe(2000);
    for (const s of SECTORS) {
      expect(companies.filter((c) => c.sector === s)).toHaveLength(counts[s]);
      // Largest remainder over shares that sum to 0.99: within one of share/0.99 × count.
      expect(Math.abs(counts[s] - (DEMO_SECTOR_SHARES[s] / 0.99) * 2000)).toBeLessThan(1);
    }
    expect(counts.Financials).toBe(424);
    expect(counts.Utilities).toBe(40);
  });

  it("has unique 3–4 letter tickers, unique names, R2000 membership, real SIC codes and matching themes", () => {
    const tickers = companies.map((c) => normalizeTicker(c.ticker));
    expect(new Set(tickers).size).toBe(companies.length);
    for (const c of companies) {
      expect(c.ticker).toMatch(/^[A-Z]{3,4}$/);
      expect(c.membership).toBe("R2000");
      expect(c.cik).toBeNull();
      expect(c.marketCapEstimated).toBe(false);
      expect(c.sic).not.toBeNull();
      expect(c.sic! >= 100 && c.sic! <= 9999).toBe(true);
      expect(c.themes).toEqual(themesFor(c.sic, c.industry));
    }
    expect(new Set(companies.map((c) => c.name)).size).toBe(companies.length);
    // Themes are spread: every theme carried by at least a few companies.
    for (const id of [
      "industrial_investment",
      "electrification",
      "infrastructure",
      "defence",
      "automation",
      "reshoring",
      "selective_financials",
    ]) {
      expect(companies.filter((c) => c.themes.includes(id as never)).length).toBeGreaterThanOrEqual(5);
    }
  });

  it("has market caps from $150m with median near $900m and a thin tail above $7bn", () => {
    const caps = companies.map((c) => c.marketCap!).sort((a, b) => a - b);
    expect(caps[0]).toBeGreaterThanOrEqual(150);
    expect(caps[caps.length - 1]).toBeLessThanOrEqual(10000);
    const median = quantile(caps, 0.5);
    expect(median).toBeGreaterThanOrEqual(700);
    expect(median).toBeLessThanOrEqual(1100);
    const below = caps.filter((c) => c < 7000).length / caps.length;
    expect(below).toBeGreaterThanOrEqual(0.95);
    expect(below).toBeLessThan(0.995); // some have grown past the band
    for (const c of companies) {
      expect(c.price! >= 3 && c.price! <= 300).toBe(true);
      // Cap = price × shares (both rounded).
      expect(Math.abs(c.marketCap! - c.price! * c.sharesOutstanding!)).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });

  it("has float-adjusted weights summing to 100", () => {
    const total = companies.reduce((s, c) => s + c.weight!, 0);
    expect(Math.abs(total - 100)).toBeLessThanOrEqual(0.01);
    for (const c of companies) expect(c.weight!).toBeGreaterThan(0);
  });

  it("has sector-dependent volatility, higher for small companies, missing for about 3%", () => {
    const withVol = companies.filter((c) => c.volatility !== null);
    const missing = 1 - withVol.length / companies.length;
    expect(missing).toBeGreaterThan(0.02);
    expect(missing).toBeLessThan(0.04);
    const median = (list: Company[]) =>
      quantile(
        list.map((c) => c.volatility!).sort((a, b) => a - b),
        0.5,
      );
    const hc = median(withVol.filter((c) => c.sector === "Health Care"));
    const ut = median(withVol.filter((c) => c.sector === "Utilities"));
    expect(hc).toBeGreaterThan(0.55);
    expect(ut).toBeLessThan(0.32);
    const small = median(withVol.filter((c) => c.marketCap! < 400));
    const large = median(withVol.filter((c) => c.marketCap! > 3000));
    expect(small).toBeGreaterThan(large);
  });

  it("lands on the calibrated unprofitable shares (trailing net income ≤ 0)", () => {
    const overall = lossShare(companies, ttmOf);
    expect(overall.share).toBeGreaterThanOrEqual(0.37);
    expect(overall.share).toBeLessThanOrEqual(0.43);
    for (const s of SECTORS) {
      const { share } = lossShare(
        companies.filter((c) => c.sector === s),
        ttmOf,
      );
      const tolerance = BIG_SECTORS.includes(s) ? 0.08 : 0.15;
      expect(Math.abs(share - DEMO_UNPROFITABLE_RATES[s])).toBeLessThanOrEqual(tolerance);
    }
  });

  it("shows a similar pattern in fiscal year 2024", () => {
    const overall = lossShare(companies, fy2024Of);
    expect(overall.n).toBeGreaterThan(1800);
    expect(overall.share).toBeGreaterThanOrEqual(0.34);
    expect(overall.share).toBeLessThanOrEqual(0.48);
    for (const s of BIG_SECTORS) {
      const { share } = lossShare(
        companies.filter((c) => c.sector === s),
        fy2024Of,
      );
      expect(Math.abs(share - DEMO_UNPROFITABLE_RATES[s])).toBeLessThanOrEqual(0.12);
    }
    const hc = lossShare(
      companies.filter((c) => c.sector === "Health Care"),
      fy2024Of,
    ).share;
    const ut = lossShare(
      companies.filter((c) => c.sector === "Utilities"),
      fy2024Of,
    ).share;
    expect(hc).toBeGreaterThan(0.6);
    expect(ut).toBeLessThan(0.3);
  });

  it("has 1–2% of companies without any fundamentals, and coherent periods for the rest", () => {
    const none = companies.filter((c) => c.ttm === null);
    expect(none.length / companies.length).toBeGreaterThanOrEqual(0.01);
    expect(none.length / companies.length).toBeLessThanOrEqual(0.02);
    for (const c of none) expect(c.years).toEqual([]);
    const asOf = universe.provenance.asOf;
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) problems.push(what);
    };
    let short = 0;
    for (const c of companies.filter((x) => x.ttm !== null)) {
      check(c.ttm!.end === "2026-09-30", `${c.ticker}: TTM ends ${c.ttm!.end}`);
      check(c.years.length >= 3 && c.years.length <= 5, `${c.ticker}: ${c.years.length} fiscal years`);
      if (c.years.length < 5) short++;
      c.years.forEach((y, i) => {
        const at = `${c.ticker} FY${y.fiscalYear}`;
        check(y.end < asOf, `${at}: ends ${y.end}, not before ${asOf}`);
        check(y.end <= c.ttm!.end, `${at}: ends after the TTM`);
        check(y.fiscalYear === Number(y.end.slice(0, 4)), `${at}: fiscal year is not the calendar year of ${y.end}`);
        check(/-(12-31|06-30|09-30)$/.test(y.end), `${at}: odd year end ${y.end}`);
        if (i > 0) {
          check(y.fiscalYear === c.years[i - 1]!.fiscalYear - 1, `${at}: not descending by one`);
          check(y.end < c.years[i - 1]!.end, `${at}: end not descending`);
        }
        check(Object.keys(y.values).join() === FUNDAMENTAL_FIELDS.join(), `${at}: fields`);
      });
    }
    expect(problems).toEqual([]);
    expect(short / companies.length).toBeLessThan(0.08);
    const offCalendar =
      companies.filter((c) => c.years[0] && !c.years[0].end.endsWith("12-31")).length / companies.length;
    expect(offCalendar).toBeGreaterThan(0.08);
    expect(offCalendar).toBeLessThan(0.2);
  });

  it("has no NaN or Infinity anywhere, and no -0", () => {
    const bad: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0))) bad.push(path);
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(universe, "$");
    expect(bad).toEqual([]);
    expect(json).not.toMatch(/NaN|Infinity/);
  });

  it("has coherent balance sheets and statements", () => {
    const periods = companies.flatMap((c) =>
      c.ttm
        ? [
            { c, at: `${c.ticker} TTM`, v: c.ttm.values },
            ...c.years.map((y) => ({ c, at: `${c.ticker} FY${y.fiscalYear}`, v: y.values })),
          ]
        : [],
    );
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) problems.push(what);
    };
    let negativeEquity = 0;
    for (const { c, at, v } of periods) {
      check(v.netIncome !== null && v.operatingIncome !== null && v.totalAssets !== null, `${at}: core values missing`);
      check(v.totalAssets! > 0, `${at}: assets ${v.totalAssets}`);
      if (v.currentAssets !== null) check(v.totalAssets! > v.currentAssets, `${at}: current assets ≥ total assets`);
      if (v.currentAssets !== null && v.cash !== null) check(v.currentAssets >= v.cash, `${at}: cash > current assets`);
      if (v.capex !== null) check(v.capex > 0, `${at}: capex ${v.capex}`);
      check(v.totalDebt === null || v.totalDebt >= 0, `${at}: negative debt`);
      check(v.cash === null || v.cash >= 0, `${at}: negative cash`);
      if (v.equity! < 0) negativeEquity++;
      // EBITDA = operating income + D&A (D&A ≥ 0).
      if (v.ebitda !== null)
        check(
          v.ebitda >= v.operatingIncome! - 0.05,
          `${at}: EBITDA ${v.ebitda} < operating income ${v.operatingIncome}`,
        );
      if (v.grossProfit !== null && v.revenue !== null)
        check(v.grossProfit <= v.revenue, `${at}: gross profit > revenue`);
      if (v.grossProfit !== null)
        check(
          v.grossProfit >= v.operatingIncome! - 0.2,
          `${at}: gross profit ${v.grossProfit} < operating income ${v.operatingIncome}`,
        );
      check(v.sharesOutstanding! > 0, `${at}: shares`);
      if (c.industry && /Banks|Savings Institution/.test(c.industry)) {
        check(
          v.grossProfit === null && v.ebitda === null && v.currentAssets === null,
          `${at}: bank with gross profit, EBITDA or current assets`,
        );
        check(v.capex === null || v.capex < 0.05 * v.revenue!, `${at}: bank capex ${v.capex}`);
      }
      if (c.industry === "Real Estate Investment Trusts")
        check(v.ebitda === null || v.ebitda > v.operatingIncome!, `${at}: REIT EBITDA`);
    }
    expect(problems).toEqual([]);
    expect(negativeEquity / periods.length).toBeLessThan(0.08);
    // REITs mostly report EBITDA; banks and insurers never do.
    const reits = companies.filter((c) => c.ttm && c.industry === "Real Estate Investment Trusts");
    expect(reits.filter((c) => c.ttm!.values.ebitda !== null).length / reits.length).toBeGreaterThan(0.9);
    // Interest expense follows debt: no debt anywhere → no interest expense (0, or null where unknown).
    for (const c of companies.filter((x) => x.ttm && x.industry && !/Banks|Savings/.test(x.industry))) {
      const all = [c.ttm!.values, ...c.years.map((y) => y.values)];
      if (all.every((v) => v.totalDebt === 0))
        check(
          all.every((v) => v.interestExpense === 0 || v.interestExpense === null),
          `${c.ticker}: interest without debt`,
        );
      else
        check(
          all.every((v) => v.interestExpense === null || v.totalDebt! < 5 || v.interestExpense > 0),
          `${c.ticker}: debt without interest`,
        );
    }
    expect(problems).toEqual([]);
  });

  it("tells coherent five-year stories: long-time loss-makers have accumulated deficits", () => {
    const alwaysLosing = companies.filter(
      (c) =>
        c.years.length === 5 &&
        c.years.every((y) => y.values.netIncome! < 0) &&
        c.ttm!.values.retainedEarnings !== null,
    );
    expect(alwaysLosing.length).toBeGreaterThan(300);
    const deficits = alwaysLosing.filter((c) => c.ttm!.values.retainedEarnings! < 0).length;
    expect(deficits / alwaysLosing.length).toBeGreaterThan(0.95);
    // Loss-makers that burn cash mostly have negative operating cash flow.
    const burning = alwaysLosing.filter(
      (c) => c.ttm!.values.operatingCashFlow !== null && c.ttm!.values.operatingCashFlow < 0,
    ).length;
    expect(burning / alwaysLosing.length).toBeGreaterThan(0.6);
  });

  it("misses a few individual fields, as null never 0", () => {
    const operating = companies.filter(
      (c) => c.ttm && !/Banks|Savings|Insurance|Real Estate Investment/.test(c.industry ?? ""),
    );
    const missingInterest = operating.filter((c) => c.ttm!.values.interestExpense === null).length / operating.length;
    expect(missingInterest).toBeGreaterThan(0.01);
    expect(missingInterest).toBeLessThan(0.1);
    const missingGross = operating.filter((c) => c.ttm!.values.grossProfit === null).length / operating.length;
    expect(missingGross).toBeGreaterThan(0.03);
    // Revenue, where present, is never a 0 placeholder.
    for (const c of companies)
      if (c.ttm && c.ttm.values.revenue !== null) expect(c.ttm.values.revenue).toBeGreaterThan(0);
  });

  it("stays compact", () => {
    // The snapshot codec's array encoding is smaller still; this is the plain JSON of the Universe.
    expect(gzipBytes).toBeLessThan(1_000_000);
  });

  it("takes count, seed and asOf options", () => {
    const small = generateDemoUniverse({ count: 120, seed: 3 });
    expect(small.companies).toHaveLength(120);
    const counts = demoSectorCounts(120);
    for (const s of SECTORS) expect(small.companies.filter((c) => c.sector === s)).toHaveLength(counts[s]);
    expect(new Set(small.companies.map((c) => c.ticker)).size).toBe(120);
    const earlier = generateDemoUniverse({ count: 50, asOf: "2026-04-30" });
    expect(earlier.provenance.generatedAt).toBe("2026-04-30T00:00:00.000Z");
    for (const c of earlier.companies) {
      if (!c.ttm) continue;
      expect(c.ttm.end).toBe("2026-03-31");
      for (const y of c.years) expect(y.end < "2026-04-30").toBe(true);
    }
    expect(() => generateDemoUniverse({ asOf: "2026-02-30" })).toThrow(/YYYY-MM-DD/);
    expect(() => generateDemoUniverse({ count: 0 })).toThrow(/count/);
  });
});
