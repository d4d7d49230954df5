// Which industries carry which structural themes: the ONE editable table (docs/methodology.md, "Themes"). A company gets
// every theme of every rule that matches its SIC code or its industry name; a company can carry several themes.
//
// Edit here, nowhere else. A rule matches when the SIC code lies in one of its inclusive ranges, or when one of its
// keywords occurs in the industry name as a whole word (case-insensitive; a multi-word keyword matches as a phrase;
// a trailing "*" matches any word that starts with it: "robot*" matches "robotics").
import { THEME_IDS, type ThemeId } from "./themes";

export interface ThemeRule {
  /** What the rule covers, in words (shown in docs/methodology.md). */
  label: string;
  themes: ThemeId[];
  /** Inclusive SIC code ranges. */
  sic?: [number, number][];
  /** Whole-word keywords of the industry name. */
  keywords?: string[];
}

const THEME_RULES: readonly ThemeRule[] = [
  // ── Electrification ───────────────────────────────────────────────────────────────────────────────────────
  {
    label: "Electric transmission & distribution equipment, industrial apparatus, motors & generators",
    themes: ["electrification"],
    sic: [[3610, 3629]],
  },
  { label: "Electric lighting & wiring equipment", themes: ["electrification"], sic: [[3640, 3649]] },
  { label: "Miscellaneous electrical equipment, storage batteries", themes: ["electrification"], sic: [[3690, 3699]] },
  { label: "Insulated wire & cable", themes: ["electrification"], sic: [[3357, 3357]] },
  {
    label: "Electric utilities, combined utilities, cogeneration & small power producers",
    themes: ["electrification"],
    sic: [
      [4911, 4911],
      [4931, 4931],
      [4991, 4991],
    ],
  },
  { label: "Electrical contractors", themes: ["electrification", "infrastructure"], sic: [[1731, 1731]] },
  {
    label: "Electric, battery, grid, solar (industry names)",
    themes: ["electrification"],
    keywords: ["electric*", "battery", "batteries", "grid", "power transmission", "solar", "ev charging"],
  },

  // ── Infrastructure ────────────────────────────────────────────────────────────────────────────────────────
  {
    label: "Heavy construction (roads, bridges, pipelines, power lines)",
    themes: ["infrastructure"],
    sic: [[1600, 1699]],
  },
  {
    label: "Nonresidential building construction",
    themes: ["infrastructure", "industrial_investment"],
    sic: [[1540, 1542]],
  },
  {
    label: "Cement, concrete, aggregates",
    themes: ["infrastructure"],
    sic: [
      [3241, 3241],
      [3270, 3275],
      [1400, 1499],
    ],
  },
  { label: "Construction machinery", themes: ["infrastructure", "industrial_investment"], sic: [[3531, 3531]] },
  { label: "Fabricated structural metal", themes: ["infrastructure", "industrial_investment"], sic: [[3440, 3449]] },
  { label: "Engineering services", themes: ["infrastructure", "industrial_investment"], sic: [[8711, 8711]] },
  {
    label: "Water supply, sewerage",
    themes: ["infrastructure"],
    sic: [
      [4941, 4941],
      [4952, 4952],
    ],
  },
  { label: "Natural gas transmission (pipelines)", themes: ["infrastructure"], sic: [[4922, 4923]] },
  {
    label: "Construction, engineering, infrastructure (industry names)",
    themes: ["infrastructure"],
    keywords: ["construction", "engineering", "infrastructure", "aggregates", "cement", "water supply"],
  },

  // ── Defence ───────────────────────────────────────────────────────────────────────────────────────────────
  { label: "Aircraft, engines & parts", themes: ["defence"], sic: [[3720, 3729]] },
  { label: "Guided missiles, space vehicles & parts", themes: ["defence"], sic: [[3760, 3769]] },
  { label: "Search, detection, navigation & guidance systems", themes: ["defence"], sic: [[3812, 3812]] },
  { label: "Ordnance & ammunition", themes: ["defence"], sic: [[3480, 3489]] },
  {
    label: "Tanks & tank components; ship building",
    themes: ["defence"],
    sic: [
      [3795, 3795],
      [3730, 3732],
    ],
  },
  {
    label: "Aerospace, defence (industry names)",
    themes: ["defence"],
    keywords: ["aerospace", "defense", "defence", "military", "ordnance", "missile*", "aeronautical"],
  },

  // ── Automation and domestic industrial investment ─────────────────────────────────────────────────────────
  {
    label: "Metalworking machinery & machine tools",
    themes: ["industrial_investment", "automation", "reshoring"],
    sic: [[3540, 3549]],
  },
  {
    label: "Special & general industrial machinery",
    themes: ["industrial_investment", "automation"],
    sic: [[3550, 3569]],
  },
  {
    label: "Industrial instruments, measuring & controlling devices",
    themes: ["industrial_investment", "automation"],
    sic: [
      [3823, 3823],
      [3829, 3829],
    ],
  },
  {
    label: "Conveyors, hoists, industrial trucks",
    themes: ["industrial_investment", "automation"],
    sic: [[3535, 3537]],
  },
  {
    label: "Construction, mining & materials-handling machinery",
    themes: ["industrial_investment"],
    sic: [[3530, 3539]],
  },
  { label: "HVAC, refrigeration & other commercial machinery", themes: ["industrial_investment"], sic: [[3580, 3599]] },
  { label: "Miscellaneous fabricated metal products", themes: ["industrial_investment"], sic: [[3490, 3499]] },
  { label: "Wholesale industrial machinery & equipment", themes: ["industrial_investment"], sic: [[5084, 5084]] },
  {
    label: "Robotics, automation (industry names)",
    themes: ["automation"],
    keywords: ["robot*", "automation", "machine vision", "motion control"],
  },
  {
    label: "Industrial machinery (industry names)",
    themes: ["industrial_investment"],
    keywords: ["industrial machinery", "machine tools"],
  },

  // ── Reshoring ─────────────────────────────────────────────────────────────────────────────────────────────
  { label: "Primary metals (steel, aluminium, smelting, wire)", themes: ["reshoring"], sic: [[3300, 3399]] },
  { label: "Semiconductors & electronic components", themes: ["reshoring"], sic: [[3670, 3679]] },
  {
    label: "Semiconductors, steel, foundries (industry names)",
    themes: ["reshoring"],
    keywords: ["semiconductor*", "steel", "foundry", "foundries", "aluminum", "aluminium"],
  },

  // ── Selective financials ──────────────────────────────────────────────────────────────────────────────────
  { label: "Commercial banks, savings institutions", themes: ["selective_financials"], sic: [[6020, 6036]] },
  {
    label: "Property & casualty and surety insurance",
    themes: ["selective_financials"],
    sic: [
      [6331, 6331],
      [6351, 6351],
    ],
  },
  {
    label: "Banks, insurance (industry names)",
    themes: ["selective_financials"],
    keywords: ["bank", "banks", "banking", "bancorp", "insurance", "savings institution*"],
  },
];

export { THEME_RULES };

/** The industry name as " word word … ", lower-case, so a keyword matches as " keyword " (or " prefix" with *). */
function words(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
}

/** A keyword as the text to look for in `words(industry)`: " keyword " whole, " prefix" with a trailing "*". */
function needle(keyword: string): string {
  const prefix = keyword.endsWith("*");
  const body = words(prefix ? keyword.slice(0, -1) : keyword).trimEnd();
  return prefix ? body : `${body} `;
}

const NEEDLES: readonly (readonly string[])[] = THEME_RULES.map((rule) => (rule.keywords ?? []).map(needle));

/** The themes of an industry: every theme of every matching rule, deduplicated, in THEMES order. */
export function themesFor(sic: number | null, industry: string | null): ThemeId[] {
  const found = new Set<ThemeId>();
  const name = industry ? words(industry) : null;
  for (const [i, rule] of THEME_RULES.entries()) {
    const bySic = sic !== null && (rule.sic ?? []).some(([lo, hi]) => sic >= lo && sic <= hi);
    const byName = name !== null && (NEEDLES[i] ?? []).some((n) => name.includes(n));
    if (bySic || byName) for (const t of rule.themes) found.add(t);
  }
  return THEME_IDS.filter((t) => found.has(t));
}
