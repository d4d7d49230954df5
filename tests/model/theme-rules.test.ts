import { THEME_RULES, themesFor } from "../../src/model/theme-rules";
import { THEME_IDS } from "../../src/model/themes";

describe("themesFor", () => {
  it("maps SIC codes by range (hand-checked)", () => {
    expect(themesFor(3674, null)).toEqual(["reshoring"]); // semiconductors
    expect(themesFor(4911, null)).toEqual(["electrification"]); // electric services
    expect(themesFor(6022, null)).toEqual(["selective_financials"]); // state commercial banks
    expect(themesFor(3728, null)).toEqual(["defence"]); // aircraft parts
    expect(themesFor(1623, null)).toEqual(["infrastructure"]); // water, sewer, pipeline construction
    expect(themesFor(3560, null)).toEqual(["industrial_investment", "automation"]); // general industrial machinery
    expect(themesFor(3310, null)).toEqual(["reshoring"]); // steel works
    expect(themesFor(6331, null)).toEqual(["selective_financials"]); // P&C insurance
  });

  it("uses the real SEC titles the same way", () => {
    expect(themesFor(3674, "Semiconductors & Related Devices")).toEqual(["reshoring"]);
    expect(themesFor(4911, "Electric Services")).toEqual(["electrification"]);
    expect(themesFor(6022, "State Commercial Banks")).toEqual(["selective_financials"]);
    expect(themesFor(3728, "Aircraft Parts & Auxiliary Equipment, NEC")).toEqual(["defence"]);
    expect(themesFor(2836, "Biological Products, (No Diagnostic Substances)")).toEqual([]);
  });

  it("matches keywords of the industry name when there is no SIC", () => {
    expect(themesFor(null, "Aerospace & Defense")).toEqual(["defence"]);
    expect(themesFor(null, "Industrial Robotics")).toEqual(["automation"]); // robot* prefix
    expect(themesFor(null, "REGIONAL BANKS")).toEqual(["selective_financials"]); // case-insensitive
    expect(themesFor(null, "Battery storage")).toEqual(["electrification"]);
  });

  it("matches keywords as whole words only", () => {
    expect(themesFor(null, "Mortgage Bankers & Loan Correspondents")).toEqual([]); // "bankers" is not "bank"
    expect(themesFor(null, "Electronic Computers")).toEqual([]); // "electronic" is not "electric*"
    expect(themesFor(null, "Power grids")).toEqual([]); // "grids" is not "grid"
  });

  it("gives several themes, deduplicated and in THEMES order, when SIC and keywords differ", () => {
    // SIC 3728 → defence; the name's "electric" → electrification.
    expect(themesFor(3728, "Electric aircraft propulsion")).toEqual(["electrification", "defence"]);
    // SIC 1731 (electrical work) → electrification + infrastructure; "construction" → infrastructure again.
    expect(themesFor(1731, "Electrical construction")).toEqual(["electrification", "infrastructure"]);
    // Machine tools: three themes from one rule.
    expect(themesFor(3541, null)).toEqual(["industrial_investment", "automation", "reshoring"]);
  });

  it("returns [] for what it does not know", () => {
    expect(themesFor(null, null)).toEqual([]);
    expect(themesFor(9999, "Nonclassifiable establishments")).toEqual([]);
    expect(themesFor(7372, "Services-Prepackaged Software")).toEqual([]);
    expect(themesFor(null, "")).toEqual([]);
  });

  it("keeps the table well-formed: known themes, ordered ranges, something to match", () => {
    for (const rule of THEME_RULES) {
      expect(rule.themes.length).toBeGreaterThan(0);
      for (const t of rule.themes) expect(THEME_IDS).toContain(t);
      expect((rule.sic?.length ?? 0) + (rule.keywords?.length ?? 0)).toBeGreaterThan(0);
      for (const [lo, hi] of rule.sic ?? []) expect(lo).toBeLessThanOrEqual(hi);
      for (const k of rule.keywords ?? []) expect(k).toBe(k.toLowerCase());
    }
    // Every theme is reachable.
    for (const t of THEME_IDS) expect(THEME_RULES.some((r) => r.themes.includes(t))).toBe(true);
  });
});
