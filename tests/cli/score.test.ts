import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import Papa from "papaparse";
import { main } from "../../src/cli/main";
import { scoreColumns, scoreCsv } from "../../src/cli/score-command";
import { serializeSnapshot } from "../../src/data/snapshot-codec";
import { FIELD_CATALOGUE } from "../../src/model/catalogue";
import { Engine } from "../../src/model/engine";
import { company, universe } from "../support/universe-builders";
import { TTM_A, TTM_B, TTM_C, ttm } from "../support/three-companies";

const u = universe([
  company("A", {
    name: '=HYPERLINK("x")',
    ttm: ttm(TTM_A),
  }),
  company("B", {
    name: "Bee, Inc.",
    ttm: ttm(TTM_B),
  }),
  company("C", {
    ttm: ttm(TTM_C),
  }),
  company("HOLD", { sector: null }),
]);

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
};

describe("qualis score", () => {
  test("columns: ticker, quality_score, is_profitable, graduation_prob, then every other catalogue field once", () => {
    const names = scoreColumns().map((f) => f.name);
    expect(names.slice(0, 4)).toEqual(["ticker", "quality_score", "is_profitable", "graduation_prob"]);
    expect([...names].sort()).toEqual(FIELD_CATALOGUE.map((f) => f.name).sort());
  });

  test("one row per constituent, the cells' values, empty where missing, formula-like text defused", () => {
    const rows = Papa.parse<Record<string, string>>(scoreCsv(u), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.ticker)).toEqual(["A", "B", "C", "HOLD"]);
    const e = new Engine(u);
    const b = rows[1]!;
    expect(Number(b.quality_score)).toBeCloseTo(50, 10); // quality.test.ts works it out by hand
    expect(b.is_profitable).toBe("true");
    expect(Number(b.graduation_prob)).toBeCloseTo((e.graduationProbabilityOf("B", 1) as { value: number }).value, 14);
    expect(rows[0]!.fcf_margin).toBe("0.1"); // (15 − 5) / 100, written to 15 significant digits
    expect(b.name).toBe("Bee, Inc.");
    expect(b.net_debt).toBe("40");
    expect(b.altman_z).toBe(""); // no current assets
    expect(rows[2]!.fcf_to_net_income).toBe(""); // net income ≤ 0
    expect(rows[3]!.quality_score).toBe("");
    expect(rows[3]!.sector).toBe("");
    expect(rows[0]!.name).toBe('\'=HYPERLINK("x")');
  });

  test("--snapshot FILE --out FILE writes the CSV; a bad snapshot is refused with its path", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "qualis-score-"));
    try {
      const snap = path.join(dir, "s.json");
      const out = path.join(dir, "s.csv");
      writeFileSync(snap, serializeSnapshot(u));
      const r = io();
      expect(await main(["score", "--snapshot", snap, "--out", out], r.io)).toBe(0);
      expect(readFileSync(out, "utf8")).toBe(`${scoreCsv(u)}\n`);
      expect(r.err[0]).toMatch(/^wrote .*s\.csv: 4 companies, \d+ columns \(test universe, as of 2026-04-30\)$/);
      writeFileSync(snap, "{}");
      const bad = io();
      expect(await main(["score", "--snapshot", snap], bad.io)).toBe(1);
      expect(bad.err[0]).toMatch(/^qualis score: .*s\.json refused: schemaVersion/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
