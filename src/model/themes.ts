// The structural themes of the thesis. Which industries map to them is one table, THEME_RULES in theme-rules.ts:
// edit it there (and only there).
export const THEMES = [
  { id: "industrial_investment", label: "Domestic industrial investment" },
  { id: "electrification", label: "Electrification" },
  { id: "infrastructure", label: "Infrastructure" },
  { id: "defence", label: "Defence" },
  { id: "automation", label: "Automation" },
  { id: "reshoring", label: "Reshoring" },
  { id: "selective_financials", label: "Selective financials" },
] as const;

export type ThemeId = (typeof THEMES)[number]["id"];
export const THEME_IDS: readonly ThemeId[] = THEMES.map((t) => t.id);

export function themeLabel(id: ThemeId): string {
  return THEMES.find((t) => t.id === id)?.label ?? id;
}

/** Reads a theme by id or label, case- and space-insensitively. */
export function parseTheme(text: string): ThemeId | null {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  const hit = THEMES.find((t) => t.id === key || t.label.toLowerCase().replace(/[\s-]+/g, "_") === key);
  return hit ? hit.id : null;
}
