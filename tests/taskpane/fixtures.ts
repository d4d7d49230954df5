// Universes and table contents for the task pane's tests: small hand-made ones where each value matters, and a
// synthetic 2,000 × 20 content for the size and request-count tests (independent of how many fields the catalogue
// has today).
import { engineFor } from "../../src/model/engine";
import type { Company } from "../../src/model/types";
import { buildTableContent, columnsFor, type TableContent } from "../../src/taskpane/workbook/table-content";
import type { ProvenanceFacts } from "../../src/taskpane/workbook/provenance";
import type { OutputMode, TableSpec } from "../../src/taskpane/workbook/table-record";
import type { ScreenCriteria } from "../../src/model/screen";
import { company, universe } from "../support/universe-builders";

export const NOW = new Date("2026-11-25T14:03:00Z");

export const FACTS: ProvenanceFacts = {
  isDemo: false,
  asOf: "2026-04-30",
  source: "test universe",
  origin: "https://data.example.com/snap.json",
};
export const DEMO_FACTS: ProvenanceFacts = {
  isDemo: true,
  asOf: "2026-10-30",
  source: "demo",
  origin: "bundled demo universe",
};

/** Companies AAA… with market caps 100, 200, …; some named like formulas. */
export function companies(tickers: string[], over: (t: string, i: number) => Partial<Company> = () => ({})): Company[] {
  return tickers.map((t, i) => company(t, { marketCap: (i + 1) * 100, name: `${t} Corp`, ...over(t, i) }));
}

export function spec(fields: string[], output: OutputMode, criteria: ScreenCriteria = {}): TableSpec {
  return { columns: columnsFor(fields).columns, criteria, output };
}

export function contentFor(cs: Company[], s: TableSpec, facts = FACTS): TableContent {
  return buildTableContent(engineFor(universe(cs)), s, facts, NOW);
}

/** 2,000 rows × 20 columns shaped like a real table: ticker, name, sector, then 17 numbers. */
export function bigContent(output: OutputMode, rows = 2000, numberCols = 17): TableContent {
  const columns = [
    { field: "ticker", header: "Ticker", numberFormat: "@", formula: null },
    {
      field: "name",
      header: "Name",
      numberFormat: output === "live" ? "General" : "@",
      formula: output === "live" ? '=QUALIS.FIELD([@Ticker],"name")' : null,
    },
    {
      field: "sector",
      header: "Sector",
      numberFormat: output === "live" ? "General" : "@",
      formula: output === "live" ? '=QUALIS.FIELD([@Ticker],"sector")' : null,
    },
    ...Array.from({ length: numberCols }, (_, j) => ({
      field: `metric_${j + 1}`,
      header: `Metric ${j + 1} (x)`,
      numberFormat: "#,##0.00",
      formula: output === "live" ? `=QUALIS.FIELD([@Ticker],"metric_${j + 1}")` : null,
    })),
  ];
  const tickers = Array.from({ length: rows }, (_, i) => `T${String(i).padStart(4, "0")}`);
  const values = tickers.map((t, i) => [
    t,
    `${t} Industrial Holdings Corporation`,
    "Industrials",
    ...Array.from({ length: numberCols }, (_, j) =>
      j % 5 === 4 ? null : Math.round(((i + 1) * 1234.5678 + j * 97.31) * 1e6) / 1e6 - 500,
    ),
  ]);
  return {
    output,
    columns,
    tickers,
    values,
    provenance:
      output === "values" ? ["Qualis Small Caps · test", "Source: test", "Filters: none", "Written: now"] : null,
    unknownFields: [],
  };
}

export function bigSpec(output: OutputMode): TableSpec {
  const c = bigContent(output, 1);
  return { columns: c.columns.map(({ field, header }) => ({ field, header })), criteria: {}, output };
}
