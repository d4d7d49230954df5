// Item 5 of the bench: what writing a 2,000-row, 20-column table costs in requests to Excel — counted, not timed —
// through the real writer against the two stand-ins its tests use: the in-memory Excel double
// (tests/support/excel-double.js, which measures each request's JSON itself) and office-addin-mock
// (tests/support/office-mock-excel.ts).
import { create } from "../../tests/support/excel-double";
import { mockExcel } from "../../tests/support/office-mock-excel";
import { engineFor } from "../../src/model/engine";
import type { Universe } from "../../src/model/types";
import { buildTableContent, columnsFor } from "../../src/taskpane/workbook/table-content";
import type { OutputMode, TableSpec } from "../../src/taskpane/workbook/table-record";
import { insertTable } from "../../src/taskpane/workbook/writer";

/** Nineteen catalogue fields beside the ticker: identity, size, margins, cash flow, balance sheet, scores. */
export const TABLE_FIELDS = [
  "name",
  "sector",
  "market_cap",
  "price",
  "weight",
  "volatility",
  "graduation_prob",
  "gross_margin",
  "operating_margin",
  "net_margin",
  "roa",
  "fcf",
  "fcf_margin",
  "fcf_yield",
  "net_debt_to_ebitda",
  "interest_coverage",
  "altman_z",
  "piotroski_f_score",
  "quality_score",
];

export interface WriteCount {
  output: OutputMode;
  rows: number;
  columns: number;
  /** context.sync() calls, as the Excel double and office-addin-mock counted them. */
  syncs: { double: number; mock: number };
  /** Largest and total request payload, bytes, as the Excel double measured them. */
  largestRequest: number;
  totalBytes: number;
  /** Largest request as office-addin-mock's wiring charged it (values set, JSON bytes). */
  largestMockRequest: number;
}

const NOW = new Date("2026-11-25T12:00:00Z");

export async function tableWrite(universe: Universe, output: OutputMode): Promise<WriteCount> {
  const { columns } = columnsFor(TABLE_FIELDS);
  const spec: TableSpec = { columns, criteria: {}, output };
  const facts = {
    isDemo: true,
    asOf: universe.provenance.asOf,
    source: universe.provenance.source,
    origin: "bundled demo universe",
  };
  const content = buildTableContent(engineFor(universe), spec, facts, NOW);

  const d = create();
  await d.Excel.run((ctx) => insertTable(ctx, spec, content, { kind: "newSheet" }, { now: NOW }));
  const sizes = d.inspect.syncs.map((s) => s.requestBytes);
  if (d.inspect.tables()[0]?.rows !== content.tickers.length)
    throw new Error("the Excel double did not receive every row");

  const mock = mockExcel();
  await insertTable(mock.ctx, spec, content, { kind: "newSheet" }, { now: NOW });

  return {
    output,
    rows: content.tickers.length,
    columns: content.columns.length,
    syncs: { double: sizes.length, mock: mock.requests.length },
    largestRequest: Math.max(...sizes),
    totalBytes: sizes.reduce((a, b) => a + b, 0),
    largestMockRequest: Math.max(...mock.requests.map((r) => r.bytes)),
  };
}
