// The catalogue's identity fields (see ../catalogue.ts).
import { success } from "../outcome";

import { themeLabel } from "../themes";
import { type FieldDef, present, text, MEMBERSHIP_LABEL } from "./define";

export const IDENTITY_FIELDS: readonly FieldDef[] = [
  text("ticker", "Ticker", "Exchange ticker as the snapshot lists it.", (c) => success(c.ticker)),
  text("name", "Name", "Company name.", (c) => success(c.name)),
  text("sector", "Sector", "GICS sector (iShares spelling).", (c) => present(c, c.sector, "sector")),
  text("industry", "Industry", "Industry description (the SEC's SIC title or similar).", (c) =>
    present(c, c.industry, "industry"),
  ),
  {
    name: "sic",
    label: "SIC code",
    group: "identity",
    kind: "number",
    unit: "code",
    description: "Standard Industrial Classification code (SEC).",
    numberFormat: "0",
    value: (c) => present(c, c.sic, "SIC code"),
  },
  text("cik", "CIK", "SEC Central Index Key, without leading zeros.", (c) => present(c, c.cik, "CIK")),
  text(
    "themes",
    "Themes",
    "Structural themes the company's industry maps to, comma-separated (empty when none); the mapping is the theme table in model/theme-rules.ts.",
    (c) => success(c.themes.map(themeLabel).join(", ")),
  ),
  text("membership", "Index membership", "Current index membership: Russell 2000, Russell 1000 or none.", (c) =>
    success(MEMBERSHIP_LABEL[c.membership]),
  ),
];
