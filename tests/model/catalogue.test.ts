import { FIELD_CATALOGUE, FIELD_GROUPS, findField, liveFormulaFor } from "../../src/model/catalogue";
import { Engine } from "../../src/model/engine";
import { company, universe, values, year } from "../support/universe-builders";

describe("the field catalogue", () => {
  test("covers every group and the fields the docs promise, each once", () => {
    const names = FIELD_CATALOGUE.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const g of FIELD_GROUPS) expect(FIELD_CATALOGUE.some((f) => f.group === g.id)).toBe(true);
    const promised = [
      ["identity", "ticker name sector industry sic cik themes membership"],
      [
        "size_index",
        "price shares_outstanding market_cap market_cap_estimated weight volatility distance_to_band graduation_prob",
      ],
      [
        "profitability",
        "revenue gross_profit operating_income net_income gross_margin operating_margin net_margin roa roe gross_profit_to_assets is_profitable is_profitable_fcf",
      ],
      [
        "cash_flow",
        "operating_cash_flow capex fcf fcf_margin fcf_yield fcf_to_net_income fcf_improvement positive_fcf_years",
      ],
      [
        "balance_sheet",
        "total_assets cash total_debt net_debt net_debt_to_ebitda interest_coverage current_ratio equity_to_assets altman_z altman_zone",
      ],
      [
        "scores",
        "quality_score profitability_score cash_generation_score balance_sheet_score stability_score piotroski_score piotroski_f_score",
      ],
    ] as const;
    for (const [group, list] of promised) for (const n of list.split(" ")) expect(findField(n)?.group).toBe(group);
  });

  test("every field is described, formatted and typed consistently", () => {
    for (const f of FIELD_CATALOGUE) {
      expect(f.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(f.label.length).toBeGreaterThan(1);
      expect(f.description).toMatch(/\.$/);
      if (f.kind === "text") expect(f.numberFormat).toBe("@");
      if (f.unit === "%") expect(f.numberFormat).toMatch(/%$/); // fractions, shown as percentages
      if (f.kind === "boolean") expect(f.unit).toBe("TRUE/FALSE");
    }
  });

  test("field names are read as a person types them", () => {
    expect(findField(" Market Cap ")?.name).toBe("market_cap");
    expect(findField("fcf-margin")?.name).toBe("fcf_margin");
    expect(findField("mcap")).toBeUndefined();
  });

  test("live formulas: a function where one exists, else QUALIS.FIELD", () => {
    expect(liveFormulaFor(findField("quality_score")!, "A2")).toBe("QUALIS.QUALITY_SCORE(A2)");
    expect(liveFormulaFor(findField("graduation_prob")!, "A2")).toBe("QUALIS.GRADUATION_PROB(A2)");
    expect(liveFormulaFor(findField("is_profitable")!, "A2")).toBe("QUALIS.IS_PROFITABLE(A2)");
    expect(liveFormulaFor(findField("is_profitable_fcf")!, "[@Ticker]")).toBe('QUALIS.IS_PROFITABLE([@Ticker],"fcf")');
    expect(liveFormulaFor(findField("market_cap")!, "A2")).toBe('QUALIS.FIELD(A2,"market_cap")');
  });

  describe("values", () => {
    const c = company("VAL", {
      sector: "Industrials",
      industry: "Electrical Work",
      sic: 1731,
      themes: ["electrification", "infrastructure"],
      weight: 0.05,
      marketCap: 3500,
      ttm: {
        end: "2026-09-30",
        values: values({ revenue: 200, netIncome: 20, totalAssets: 400, operatingCashFlow: 40, capex: 10 }),
      },
      years: [year(2025, { netIncome: 5 }), year(2024, { netIncome: 4 }), year(2023, { netIncome: -1 })],
    });
    const e = new Engine(universe([c, company("BARE")]));
    const get = (t: string, f: string) => e.field(t, f);

    test.each([
      ["themes", "Electrification, Infrastructure"],
      ["membership", "Russell 2000"],
      ["weight", 0.0005], // 0.05% as a fraction
      ["distance_to_band", 3500 / 7000 - 1],
      ["fcf", 30],
      ["fcf_yield", 30 / 3500],
      ["net_margin", 0.1],
      ["is_profitable", true],
      ["is_profitable_consistent", false], // −1 in FY2023
      ["market_cap_estimated", false],
      ["sic", 1731],
    ] as const)("%s", (name, expected) => {
      const v = get("VAL", name);
      expect(v.ok).toBe(true);
      if (v.ok && typeof expected === "number") expect(v.value).toBeCloseTo(expected, 12);
      else expect(v).toEqual({ ok: true, value: expected });
    });

    test("a missing value says what it needs; no fundamentals says so; an unknown field is its own failure", () => {
      expect(get("VAL", "gross_margin")).toEqual({
        ok: false,
        kind: "insufficient_data",
        message: "No gross margin for 'VAL' in this snapshot — needs gross profit and revenue above 0",
      });
      expect(get("VAL", "revenue")).toEqual({ ok: true, value: 200 });
      expect(get("VAL", "cash")).toEqual({
        ok: false,
        kind: "insufficient_data",
        message: "No cash for 'VAL' in this snapshot",
      });
      expect(get("VAL", "altman_z")).toMatchObject({
        ok: false,
        message: expect.stringMatching(/^No Altman Z″ for 'VAL'/),
      });
      expect(get("BARE", "roa")).toEqual({
        ok: false,
        kind: "no_fundamentals",
        message: "No fundamentals for 'BARE' in this snapshot",
      });
      expect(get("BARE", "cik")).toEqual({
        ok: false,
        kind: "insufficient_data",
        message: "No CIK for 'BARE' in this snapshot",
      });
      expect(get("VAL", "mcap")).toEqual({
        ok: false,
        kind: "unknown_field",
        message: "Unknown field 'mcap' — see QUALIS.FIELDS()",
      });
      expect(get("NOPE", "roa")).toMatchObject({ ok: false, kind: "unknown_ticker" });
    });

    test("every field of every company answers a value of its kind or a typed failure, never a throw", () => {
      for (const f of FIELD_CATALOGUE) {
        for (const t of ["VAL", "BARE"]) {
          const v = get(t, f.name);
          if (v.ok) expect(typeof v.value).toBe(f.kind === "text" ? "string" : f.kind);
          else expect(v.message.length).toBeGreaterThan(10);
        }
      }
    });
  });
});
