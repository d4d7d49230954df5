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

// Maps, not plain objects, wherever a key comes from data: a sector named "constructor" or "__proto__" must be an
// unknown sector, not Object.prototype's member (docs/security.md, class 8).
const SECTOR_BY_KEY = new Map<string, Sector>([
  ...SECTORS.map((s) => [s.toLowerCase(), s] as const),
  ["communication services", "Communication"],
  ["telecommunications", "Communication"],
  ["information tech", "Information Technology"],
  ["it", "Information Technology"],
]);

/** Reads a sector name case-insensitively, with GICS and iShares spellings alike; null when it is not a GICS sector. */
export function parseSector(text: string): Sector | null {
  return SECTOR_BY_KEY.get(text.trim().toLowerCase()) ?? null;
}
