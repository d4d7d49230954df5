// The engine over the demo universe: the published shape of the index, reproduced.
import { generateDemoUniverse } from "../../src/data/demo/generator";
import { Engine } from "../../src/model/engine";

const u = generateDemoUniverse();
const e = new Engine(u);

describe("the demo universe, scored", () => {
  test("UNPROFITABLE_SHARE is about 40%", () => {
    const s = e.unprofitableShare("net_income");
    expect(s.ok && s.value).toBeGreaterThanOrEqual(0.35);
    expect(s.ok && s.value).toBeLessThanOrEqual(0.45);
  });

  test("every quality score lies in [0, 100], nearly every company has one, and they spread", () => {
    const scores = u.companies.map((c) => e.qualityScore(c)).filter((q) => q.ok).map((q) => (q.ok ? q.value : 0));
    expect(scores.length).toBeGreaterThan(0.95 * u.companies.length);
    for (const s of scores) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(100);
    }
    const sorted = [...scores].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.floor(p * (sorted.length - 1))]!;
    expect(q(0.9) - q(0.1)).toBeGreaterThan(25);
    expect(new Set(scores.map((s) => s.toFixed(6))).size).toBeGreaterThan(0.9 * scores.length);
  });

  test("the expected number of graduates at the next rank day is between 10 and 60, and more over two", () => {
    const sum = (n: number) => u.companies.reduce((s, c) => {
      const g = e.graduationProbability(c, n);
      return s + (g.ok ? g.value : 0);
    }, 0);
    const one = sum(1);
    expect(one).toBeGreaterThan(10);
    expect(one).toBeLessThan(60);
    expect(sum(2)).toBeGreaterThan(one);
  });

  test("profitable companies score higher than loss-makers on average", () => {
    const mean = (profitable: boolean) => {
      const xs = u.companies.filter((c) => {
        const p = e.isProfitable(c.ticker, "net_income");
        return p.ok && p.value === profitable;
      }).map((c) => e.qualityScore(c)).filter((q) => q.ok).map((q) => (q.ok ? q.value : 0));
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    };
    expect(mean(true) - mean(false)).toBeGreaterThan(10);
  });
});
