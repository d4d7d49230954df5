// The table builder's form, kept as the user typed it, and what it means: screening criteria and a table spec,
// or a plain-words reason why a box can't be read. Pure, so the pane's rules are tested without a browser.
import { findField } from "../model/catalogue";
import { DEFAULT_PROFIT_BASIS, type ProfitBasis } from "../model/profitability";
import type { ScreenCriteria } from "../model/screen";
import type { Sector } from "../model/sectors";
import type { ThemeId } from "../model/themes";
import { columnsFor } from "./workbook/table-content";
import type { OutputMode, TableSpec } from "./workbook/table-record";
import type { WriteTarget } from "./workbook/writer";

export interface BuilderState {
  /** Chosen catalogue fields, in the order chosen (the ticker column is always added first). */
  fields: string[];
  profitableOnly: boolean;
  basis: ProfitBasis;
  minQuality: string;
  /** Percent, 0–100, as typed. */
  minGraduationPct: string;
  themes: ThemeId[];
  sectors: Sector[];
  /** USD millions, as typed. */
  capMin: string;
  capMax: string;
  /** "" sorts by ticker. */
  sortField: string;
  sortDescending: boolean;
  limit: string;
  output: OutputMode;
  target: WriteTarget["kind"];
}

export type BuilderBox = "minQuality" | "minGraduationPct" | "capMin" | "capMax" | "limit";

/** A sensible first table: name, sector and size, largest first — whichever of these the catalogue has. */
export function initialBuilderState(): BuilderState {
  const fields = ["name", "sector", "market_cap"].filter((f) => findField(f));
  return {
    fields,
    profitableOnly: false,
    basis: DEFAULT_PROFIT_BASIS,
    minQuality: "",
    minGraduationPct: "",
    themes: [],
    sectors: [],
    capMin: "",
    capMax: "",
    sortField: findField("market_cap") ? "market_cap" : "",
    sortDescending: true,
    limit: "",
    output: "values",
    target: "newSheet",
  };
}

/** "1,500" → 1500; "" → null; anything else → NaN. */
function number(text: string): number | null {
  const t = text.trim().replace(/[,\s]/g, "").replace(/^\$/, "");
  if (t === "") return null;
  return /^-?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
}

export function criteriaFrom(s: BuilderState): {
  criteria: ScreenCriteria;
  errors: Partial<Record<BuilderBox, string>>;
} {
  const errors: Partial<Record<BuilderBox, string>> = {};
  const read = (box: BuilderBox, min: number, max: number, what: string): number | null => {
    const v = number(s[box]);
    if (v === null) return null;
    if (Number.isNaN(v) || v < min || v > max) {
      errors[box] = `Enter ${what}, or leave it empty.`;
      return null;
    }
    return v;
  };
  const minQuality = read("minQuality", 0, 100, "a score from 0 to 100");
  const gradPct = read("minGraduationPct", 0, 100, "a percentage from 0 to 100");
  const capMin = read("capMin", 0, 1e7, "a market cap in $ millions");
  const capMax = read("capMax", 0, 1e7, "a market cap in $ millions");
  if (capMin !== null && capMax !== null && capMin > capMax) errors.capMax = "The maximum is below the minimum.";
  const limit = read("limit", 1, 100000, "a whole number of rows");
  if (limit !== null && !Number.isInteger(limit)) errors.limit = "Enter a whole number of rows, or leave it empty.";
  const criteria: ScreenCriteria = {
    profitable: s.profitableOnly ? { basis: s.basis } : null,
    minQuality,
    minGraduationProb: gradPct === null ? null : gradPct / 100,
    themes: s.themes,
    sectors: s.sectors,
    marketCapMin: capMin,
    marketCapMax: errors.capMax ? null : capMax,
    sort: s.sortField && findField(s.sortField) ? { field: s.sortField, descending: s.sortDescending } : null,
    limit: errors.limit ? null : limit,
  };
  return { criteria, errors };
}

export function specFrom(s: BuilderState, criteria: ScreenCriteria): TableSpec {
  return { columns: columnsFor(s.fields).columns, criteria, output: s.output };
}
