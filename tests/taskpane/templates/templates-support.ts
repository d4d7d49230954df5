// What the templates' tests share: the demo and holdings-only universes, inserting a template into the Excel double,
// calculating the workbook as Excel would (../e2e/workbook-formulas), and refreshing it from a universe.
import { readFileSync } from "fs";
import path from "path";
import { create, type ExcelDouble } from "../../support/excel-double";
import { evaluateWorkbook, workbookView, type Evaluation } from "../../e2e/workbook-formulas";
import { generateDemoUniverse } from "../../../src/data/sources/demo/generator";
import { loadHoldingsCsv } from "../../../src/data/sources/holdings";
import { provenanceLine } from "../../../src/data/universe-status";
import { engineFor } from "../../../src/model/engine";
import type { Universe } from "../../../src/model/types";
import {
  insertTemplate,
  templateInput,
  type Template,
  type TemplateOptions,
  type TemplateResult,
} from "../../../src/taskpane/templates/insert";
import type { ProvenanceFacts } from "../../../src/taskpane/workbook/provenance";
import { refreshTables, type RefreshReport } from "../../../src/taskpane/workbook/refresh";
import { buildTableContent } from "../../../src/taskpane/workbook/table-content";
import { NOW } from "../fixtures";

export const LATER = new Date("2026-12-01T09:30:00Z");

let demo: Universe | null = null;
/** The demo universe (2,000 fictional companies), generated once per test file. */
export function demoUniverse(): Universe {
  return (demo ??= generateDemoUniverse());
}

/** The iShares excerpt of tests/fixtures: seven companies, no fundamentals. */
export function holdingsUniverse(): Universe {
  const file = path.join(__dirname, "../../fixtures/holdings/IWM_excerpt.csv");
  return loadHoldingsCsv(readFileSync(file, "utf8"), "IWM_excerpt.csv").universe;
}

export function factsOf(
  u: Universe,
  origin = u.provenance.isDemo ? "bundled demo universe" : "holdings file IWM_excerpt.csv",
): ProvenanceFacts {
  return { isDemo: u.provenance.isDemo, asOf: u.provenance.asOf, source: u.provenance.source, origin };
}

export interface Inserted {
  d: ExcelDouble;
  result: TemplateResult;
  /** Syncs the insert made, as the double counted them. */
  syncs: ReturnType<ExcelDouble["inspect"]["syncs"]["slice"]>;
}

export async function insert(
  template: Template,
  u: Universe,
  opts: TemplateOptions & { d?: ExcelDouble } = {},
): Promise<Inserted> {
  const d = opts.d ?? create();
  const before = d.inspect.syncs.length;
  const result = await d.Excel.run((ctx) => insertTemplate(ctx, template, templateInput(u, factsOf(u), NOW), opts));
  return { d, result, syncs: d.inspect.syncs.slice(before) };
}

/** The workbook's values as Excel would calculate them over universe `u`. */
export function calculate(d: ExcelDouble, u: Universe): Evaluation {
  return evaluateWorkbook(workbookView(d.inspect), { engine: engineFor(u), asOf: provenanceLine(u) });
}

/** Refresh all, as the pane does it, from universe `u`. */
export async function refreshFrom(d: ExcelDouble, u: Universe): Promise<{ reports: RefreshReport[]; syncs: number }> {
  const before = d.inspect.syncs.length;
  const reports = await d.Excel.run((ctx) =>
    refreshTables(ctx, (record, tickersNow) => buildTableContent(engineFor(u), record, factsOf(u), LATER, tickersNow), {
      now: LATER,
    }),
  );
  return { reports, syncs: d.inspect.syncs.length - before };
}

/** Errors among calculated values ("#N/A", "#VALUE!", …). */
export const isError = (v: unknown) => typeof v === "string" && /^#[A-Z/0!?]+/.test(v);

/** Do two A1 boxes share a cell? */
export function overlaps(a: string, b: string): boolean {
  const box = (s: string) => {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(s)!;
    const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { r0: Number(m[2]), c0: col(m[1]!), r1: Number(m[4]), c1: col(m[3]!) };
  };
  const x = box(a);
  const y = box(b);
  return x.r0 <= y.r1 && y.r0 <= x.r1 && x.c0 <= y.c1 && y.c0 <= x.c1;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
