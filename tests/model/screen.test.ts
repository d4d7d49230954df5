import { Engine } from "../../src/model/engine";
import { constituentsCriteria } from "../../src/model/screen";
import { company, universe, values } from "../support/universe-builders";

const ttm = (netIncome: number) => ({
  end: "2026-09-30",
  values: values({
    netIncome,
    operatingIncome: netIncome,
    operatingCashFlow: 2 * netIncome,
    capex: 1,
    totalAssets: 100,
    revenue: 50,
  }),
});

const u = universe([
  company("ELEC", { sector: "Industrials", themes: ["electrification"], marketCap: 2000, ttm: ttm(5) }),
  company("DEF", { sector: "Industrials", themes: ["defence", "automation"], marketCap: 800, ttm: ttm(-3) }),
  company("BANK", { sector: "Financials", themes: ["selective_financials"], marketCap: 1500, ttm: ttm(4) }),
  company("BIO", { sector: "Health Care", themes: [], marketCap: 300, ttm: ttm(-20) }),
  company("GRID", {
    sector: "Utilities",
    themes: ["electrification", "infrastructure"],
    marketCap: 7600,
    volatility: 0.2,
    ttm: ttm(9),
  }),
]);
const e = new Engine(u);
const tickers = (crit: Parameters<Engine["screen"]>[0]) => e.screen(crit).map((c) => c.ticker);

describe("screening", () => {
  test("no criteria: everyone, by ticker", () => {
    expect(tickers({})).toEqual(["BANK", "BIO", "DEF", "ELEC", "GRID"]);
  });

  test("themes and sectors match any of those given; profitability on a basis; market-cap range inclusive", () => {
    expect(tickers({ themes: ["electrification"] })).toEqual(["ELEC", "GRID"]);
    expect(tickers({ themes: ["defence", "selective_financials"] })).toEqual(["BANK", "DEF"]);
    expect(tickers({ sectors: ["Industrials", "Utilities"] })).toEqual(["DEF", "ELEC", "GRID"]);
    expect(tickers({ profitable: { basis: "net_income" } })).toEqual(["BANK", "ELEC", "GRID"]);
    expect(tickers({ marketCapMin: 800, marketCapMax: 2000 })).toEqual(["BANK", "DEF", "ELEC"]);
  });

  test("minimum graduation probability and quality score, sort and limit", () => {
    expect(tickers({ minGraduationProb: 0.5 })).toEqual(["GRID"]); // 7,600 > the 7,000 band, a month to go
    const byCap = tickers({ sort: { field: "market_cap", descending: true }, limit: 3 });
    expect(byCap).toEqual(["GRID", "ELEC", "BANK"]);
    // Companies without a score are left out of a quality filter (BANK is alone on its path: no ROA volatility).
    const q = e.screen({ minQuality: 0 });
    for (const c of q) expect(e.qualityScore(c).ok).toBe(true);
    expect(q.map((c) => c.ticker)).not.toContain("BANK");
    // Missing sort values go last.
    expect(tickers({ sort: { field: "gross_margin", descending: false } })).toEqual([
      "BANK",
      "BIO",
      "DEF",
      "ELEC",
      "GRID",
    ]);
  });
});

describe("CONSTITUENTS arguments", () => {
  test("blanks mean no filter", () => {
    expect(constituentsCriteria(undefined, null, "")).toEqual({
      ok: true,
      value: { themes: [], sectors: [], profitable: null },
    });
    expect(constituentsCriteria("", " ", false)).toEqual({
      ok: true,
      value: { themes: [], sectors: [], profitable: null },
    });
  });

  test("text is matched case-insensitively; several values comma-separated; a theme by id or label", () => {
    expect(
      constituentsCriteria(
        "ELECTRIFICATION, domestic industrial investment",
        "industrials,communication services",
        true,
      ),
    ).toEqual({
      ok: true,
      value: {
        themes: ["electrification", "industrial_investment"],
        sectors: ["Industrials", "Communication"],
        profitable: { basis: "net_income" },
      },
    });
  });

  test("profitable: TRUE, FALSE, 1/0, or a basis name", () => {
    const basis = (v: unknown) => {
      const r = constituentsCriteria(null, null, v);
      return r.ok ? r.value.profitable : r.message;
    };
    expect(basis("TRUE")).toEqual({ basis: "net_income" });
    expect(basis(1)).toEqual({ basis: "net_income" });
    expect(basis("false")).toBeNull();
    expect(basis(0)).toBeNull();
    expect(basis("fcf")).toEqual({ basis: "fcf" });
    expect(basis("ebitda")).toBe(
      "profitable takes TRUE, FALSE or a basis (net_income, operating_income, fcf, consistent); got 'ebitda'",
    );
  });

  test("an unknown theme or sector is an invalid argument that lists the valid ones", () => {
    expect(constituentsCriteria("crypto", null, null)).toEqual({
      ok: false,
      kind: "invalid_argument",
      message:
        "Unknown theme 'crypto' — use one of: industrial_investment, electrification, infrastructure, defence, automation, reshoring, selective_financials",
    });
    const s = constituentsCriteria(null, "Industrials, Tech", null);
    expect(s).toMatchObject({ ok: false, kind: "invalid_argument" });
    expect(s.ok ? "" : s.message).toMatch(/^Unknown sector 'Tech' — use one of: Communication, /);
  });
});
