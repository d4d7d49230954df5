// The Evidence sheet over the iShares excerpt (holdings only) with a later file's prices chosen by hand, over data
// with fundamentals (the demo's companies, presented as real), and refused on the demo itself.
import type { PriceSide } from "../../../src/data/factor-evidence";
import type { Universe } from "../../../src/model/types";
import {
  DEMO_HAS_NO_SECOND_DATE,
  EVIDENCE_FIELDS,
  evidenceFor,
  evidenceTemplate,
} from "../../../src/taskpane/templates/evidence";
import { templateInput } from "../../../src/taskpane/templates/insert";
import { NOW } from "../fixtures";
import { demoUniverse, factsOf, holdingsUniverse, insert } from "./templates-support";

// Start (the excerpt): ZJUN 52 (1,000,000 held), ZBNK 13 (2,000,000), ZNCX 30 (650,000), ZQTR 10 (1,300,000),
// ZOTH 10, ZNOF 2 (2,600,000); ZZRO, priced at 0, is a skipped holding, not a company. End: the same quantities except ZNOF, which split 2-for-1.
const END: PriceSide = {
  asOf: "2026-05-11",
  source: "IWM_later.csv",
  points: [
    { ticker: "ZJUN", name: "ZENITH JUNE TOOLS INC", price: 57.2, quantity: 1_000_000 }, // +10%
    { ticker: "ZBNK", name: "ZEPHYR BANCORP INC", price: 11.7, quantity: 2_000_000 }, // −10%
    { ticker: "ZNCX", name: "ZINC CAPEX-FREE SOFTWARE CORP", price: 36, quantity: 650_000 }, // +20%
    { ticker: "ZQTR", name: "ZEST QUARTERLY FOODS CORP CLASS A", price: 10, quantity: 1_300_000 }, // 0
    { ticker: "ZNOF", name: "ZERO FILINGS THERAPEUTICS INC", price: 0.8, quantity: 5_200_000 }, // 0.8 × 2 / 2: −20%, not −60%
  ],
};

describe("Evidence over holdings only", () => {
  const u = holdingsUniverse();

  test("the figures: five names with a return, ZOTH left, ZZRO not a company, ZNOF's split found from weights", () => {
    const e = evidenceFor(templateInput(u, factsOf(u), NOW), END);
    expect(e.map((x) => x.field)).toEqual([...EVIDENCE_FIELDS]);
    const g = e.find((x) => x.field === "graduation_prob")!;
    expect(g.left).toEqual(["ZOTH"]);
    expect(g.noStartPrice).toBe(0);
    expect(u.companies.map((c) => c.ticker)).not.toContain("ZZRO");
    expect(g.splits.map((s) => [s.ticker, s.ratio])).toEqual([["ZNOF", 2]]);
    // All five at probability 1: one tie, kept together in the group its middle falls in (position 2 of 5 → 3).
    expect(g.result.groups.map((x) => x.n)).toEqual([0, 0, 5, 0, 0]);
    expect(g.result.groups[2]!.mean_return).toBeCloseTo((0.1 - 0.1 + 0.2 + 0 - 0.2) / 5, 12);
    expect(g.result.groups[2]!.median_return).toBeCloseTo(0, 12);
    const q = e.find((x) => x.field === "quality_score")!;
    expect(q.result.n).toBe(0);
    expect(q.noValue).toBe(5);
  });

  test("the sheet: title, provenance block, a section per field; no chart where there is nothing to compare", async () => {
    const { d, result } = await insert(evidenceTemplate(END), u);
    expect(result.sheetName).toBe("Evidence 1");
    const cells = new Map(d.inspect.cells("Evidence 1").map((c) => [c.address, c.value]));
    expect(cells.get("A1")).toBe("Evidence: price returns by group, 2026-04-10 → 2026-05-11");
    expect(String(cells.get("A2"))).toMatch(/^Price returns only, no dividends\./);
    expect(cells.get("A4")).toBe("From");
    expect(cells.get("B5")).toBe("2026-05-11 — IWM_later.csv");
    expect(cells.get("B6")).toBe(5);
    expect(cells.get("B7")).toBe("1: ZOTH");
    expect(cells.get("B10")).toBe("ZNOF 2-for-1");
    // Sections from row 15, without charts: title, sentence, header, five groups, spread, a blank row (10 rows);
    // IS_PROFITABLE has two groups (7 rows). Quality score first, graduation probability last.
    expect(cells.get("A15")).toBe("Quality score");
    expect(String(cells.get("A16"))).toMatch(/no company in this data has a value/);
    expect(cells.get("A25")).toBe("Profitability pillar");
    expect(cells.get("A75")).toBe("Profitable (net income)");
    const last = 82;
    expect(cells.get(`A${last}`)).toBe("Graduation probability");
    expect(String(cells.get(`A${last + 10}`))).toMatch(/^Method: docs\/methodology\.md/);
    expect(cells.get(`A${last + 2}`)).toBe("Group");
    expect(cells.get(`D${last + 5}`)).toBe(5);
    expect(d.inspect.charts("Evidence 1")).toEqual([]);
    expect(result.notes[0]).toBe(
      "Price returns from 2026-04-10 to 2026-05-11 for 5 names; 1 left the index and are not counted.",
    );
  });
});

test("over data with fundamentals, every field gets its group table and a chart over it", async () => {
  const demo = demoUniverse();
  const real: Universe = { ...demo, provenance: { ...demo.provenance, isDemo: false } };
  // End prices: each company's price moved by a fixed pattern of its position (no quantities: no split check).
  const end: PriceSide = {
    asOf: "2099-01-01",
    source: "later.csv",
    points: real.companies.map((c, i) => ({
      ticker: c.ticker,
      name: c.name,
      price: c.price === null ? null : c.price * (1 + ((i % 7) - 3) / 10),
      quantity: null,
    })),
  };
  const { d } = await insert(evidenceTemplate(end), real);
  const charts = d.inspect.charts("Evidence 1");
  expect(charts).toHaveLength(EVIDENCE_FIELDS.length);
  // The first chart reads the quality score's table: header on row 17, five groups below, columns A–C.
  expect(charts[0]!.source).toBe("A17:C22");
  const cells = new Map(d.inspect.cells("Evidence 1").map((c) => [c.address, c.value]));
  expect(cells.get("A18")).toBe("1 (lowest)");
  expect(cells.get("A22")).toBe("5 (highest)");
  // With a chart each section is 10 + 16 rows: quality score at 15, the chart under its table from row 25.
  expect(charts[0]!.position).toBe("A25:F39");
  const rowOf = (label: string) => [...cells].find(([, v]) => v === label)![0].slice(1);
  expect(rowOf("Profitability pillar")).toBe("41");
  const profitable = Number(rowOf("Profitable (net income)"));
  expect([cells.get(`A${profitable + 3}`), cells.get(`A${profitable + 4}`)]).toEqual(["FALSE", "TRUE"]);
});

test("the demo has no second date: refused, nothing written", async () => {
  await expect(insert(evidenceTemplate(END), demoUniverse())).rejects.toThrow(DEMO_HAS_NO_SECOND_DATE);
});

test("an end file not after the loaded data is refused", async () => {
  await expect(insert(evidenceTemplate({ ...END, asOf: "2026-04-10" }), holdingsUniverse())).rejects.toThrow(
    /not after the loaded data \(2026-04-10\)/,
  );
});
