// GICS sectors as iShares spells them (its "Communication" is GICS "Communication Services").
export const SECTORS = [
  "Communication",
  "Consumer Discretionary",
  "Consumer Staples",
  "Energy",
  "Financials",
  "Health Care",
  "Industrials",
  "Information Technology",
  "Materials",
  "Real Estate",
  "Utilities",
] as const;

export type Sector = (typeof SECTORS)[number];

/** Financials and real estate have no meaningful FCF or EBITDA: the quality score ranks them on their own path. */
export function isFinancialSector(sector: Sector | null): boolean {
  return sector === "Financials" || sector === "Real Estate";
}

const SECTOR_ALIASES: Record<string, Sector> = {
  "communication services": "Communication",
  telecommunications: "Communication",
  "information tech": "Information Technology",
  it: "Information Technology",
};

/** Reads a sector name case-insensitively, with GICS and iShares spellings alike; null when it is not a GICS sector. */
export function parseSector(text: string): Sector | null {
  const key = text.trim().toLowerCase();
  const hit = SECTORS.find((s) => s.toLowerCase() === key);
  return hit ?? SECTOR_ALIASES[key] ?? null;
}
