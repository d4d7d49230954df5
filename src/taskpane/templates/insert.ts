// Inserting a template: one request reads the names the workbook uses; the template plans its sheet with free
// ones; every change is then a step of one workbook plan, which the plan executor (../workbook/plan-executor.ts)
// writes in as few requests as the 5 MB limit allows (usually one, with calculation suspended), and a last one stores
// the records of its tables (their ids are known once Excel has made them). So a template over the demo universe
// takes three round trips, however many tables, blocks and charts it has.
import { engineFor } from "../../model/engine";
import { a1, freeName, nextFreeName, quoteSheet } from "../workbook/excel-names";
import { WriteRefused } from "../workbook/excel-failures";
import { ACTION_OVERHEAD_BYTES, jsonBytes } from "../workbook/payload";
import { WorkbookWrite, type PlanStep, type WriteOptions } from "../workbook/plan-executor";
import type { ProvenanceFacts } from "../workbook/provenance";
import { newRecordKey, type TableRecord } from "../workbook/table-record";
import {
  fillAll,
  frameBytes,
  loadNamesInUse,
  queueTableFinish,
  queueTableFrame,
  tableGeometry,
  tableRowSteps,
  tableRecord,
  type TableGeometry,
  type TablePlacement,
} from "../workbook/writer";
import type { Block, CellStyle, PlannedTable, SheetPlan } from "./sheet-plan";
import type { Universe } from "../../model/types";
import type { Engine } from "../../model/engine";

export interface TemplateInput {
  engine: Engine;
  facts: ProvenanceFacts;
  now: Date;
}

export function templateInput(universe: Universe, facts: ProvenanceFacts, now: Date): TemplateInput {
  return { engine: engineFor(universe), facts, now };
}

/** Names the workbook leaves free: each one handed out is taken from then on. */
export class FreeNames {
  private readonly sheets: string[];
  private readonly names: string[];
  constructor(sheets: string[], names: string[]) {
    this.sheets = [...sheets];
    this.names = [...names];
  }
  /** "Dashboard 1", "Dashboard 2", … */
  sheet(base: string): string {
    const n = nextFreeName(base, " ", this.sheets);
    this.sheets.push(n);
    return n;
  }
  /** "Dashboard_1", … for a table or a defined name (one namespace in Excel). */
  table(base: string): string {
    const n = nextFreeName(base, "_", this.names);
    this.names.push(n);
    return n;
  }
  /** `base` itself when free, else base_2, … */
  name(base: string): string {
    const n = freeName(base, this.names);
    this.names.push(n);
    return n;
  }
}

export interface Template {
  id: string;
  /** Plans the sheet over the engine's universe, with names the workbook leaves free. */
  plan(input: TemplateInput, names: FreeNames): SheetPlan;
}

export interface TemplateResult {
  sheetName: string;
  tables: { role: string; name: string; address: string; rows: number; record: TableRecord }[];
  charts: { name: string; type: string; source: string }[];
  /** context.sync() calls made. */
  syncs: number;
  /** Estimated bytes of each request. */
  requestBytes: number[];
  notes: string[];
}

export interface TemplateOptions extends WriteOptions {
  newKey?: () => string;
}

export async function insertTemplate(
  ctx: Excel.RequestContext,
  template: Template,
  input: TemplateInput,
  opts: TemplateOptions = {},
): Promise<TemplateResult> {
  const write = new WorkbookWrite(ctx, opts);
  const inUse = loadNamesInUse(ctx);
  await write.read();
  const plan = template.plan(input, new FreeNames(inUse.sheets(), inUse.taken()));
  for (const t of plan.tables) {
    if (t.content.tickers.length === 0)
      throw new WriteRefused(`The ${t.role} table would have no rows: no company in the data loaded now fits it.`);
  }

  // Every change as a step with its estimated size, in order; packed into requests under the budget.
  let sheet: Excel.Worksheet | null = null;
  const placed: { t: PlannedTable; g: TableGeometry; table: Excel.Table | null; key: string }[] = [];
  const steps: PlanStep[] = [];
  steps.push({
    bytes: ACTION_OVERHEAD_BYTES + jsonBytes(plan.sheetName),
    run: () => void (sheet = ctx.workbook.worksheets.add(plan.sheetName)),
  });
  for (const t of plan.tables) {
    const placement = placementOf(t);
    const p = {
      t,
      g: tableGeometry(t.content, placement),
      table: null as Excel.Table | null,
      key: (opts.newKey ?? newRecordKey)(),
    };
    placed.push(p);
    steps.push({
      bytes: frameBytes(t.content, t.spec, placement),
      run: () => void (p.table = queueTableFrame(ctx, sheet!, t.content, placement, p.g)),
    });
  }
  for (const p of placed)
    steps.push(
      ...tableRowSteps(() => sheet!, p.t.content, p.g, write.budget).map(({ bytes, run }) => ({ bytes, run })),
    );
  for (const p of placed) {
    // The user's columns first, so that the columns are fitted to what they hold too.
    for (const u of p.t.userColumns ?? []) {
      const col = p.t.left + headersOf(p.t).indexOf(u.header);
      steps.push({
        bytes: 3 * ACTION_OVERHEAD_BYTES + jsonBytes(u),
        run: () => {
          const range = sheet!.getRangeByIndexes(p.g.bodyTop, col, p.g.n, 1);
          fillAll(range, "numberFormat", u.numberFormat);
          if (u.formula) fillAll(range, "formulas", u.formula);
          else if (u.values) range.values = u.values.map((v) => [v]);
          if (u.style) applyStyle(range, u.style);
        },
      });
    }
    steps.push({
      bytes: 4 * ACTION_OVERHEAD_BYTES + jsonBytes(p.t.content.columns.map((c) => c.formula)),
      run: () => queueTableFinish(p.table!, sheet!, p.t.content, p.g),
    });
  }
  for (const b of plan.blocks) {
    const { formats, formulas } = blockArrays(b);
    steps.push({
      bytes: 2 * ACTION_OVERHEAD_BYTES + jsonBytes(formats) + jsonBytes(formulas),
      run: () => {
        const range = sheet!.getRangeByIndexes(b.row, b.col, b.cells.length, b.cells[0]!.length);
        range.numberFormat = formats; // before the values: text goes into Text cells
        // A block of constants goes in as values: only a block with a formula is written through `formulas`.
        if (b.cells.some((row) => row.some((c) => c !== null && "formula" in c)))
          range.formulas = formulas as (string | number)[][];
        else range.values = formulas as (string | number)[][];
      },
    });
  }
  for (const s of plan.styles)
    steps.push({
      bytes: 6 * ACTION_OVERHEAD_BYTES,
      run: () => applyStyle(sheet!.getRangeByIndexes(s.row, s.col, s.rows, s.cols), s.style),
    });
  for (const w of plan.columnWidths)
    steps.push({
      bytes: ACTION_OVERHEAD_BYTES,
      run: () => void (sheet!.getRangeByIndexes(0, w.col, 1, 1).format.columnWidth = w.points),
    });
  for (const c of plan.charts) {
    steps.push({
      bytes: 10 * ACTION_OVERHEAD_BYTES + jsonBytes(c),
      run: () => {
        const chart = sheet!.charts.add(
          c.type,
          sheet!.getRangeByIndexes(c.source.row, c.source.col, c.source.rows, c.source.cols),
          "Columns",
        );
        chart.name = c.name;
        chart.title.text = c.title;
        chart.legend.visible = c.legend;
        if (c.legend) chart.legend.position = "Bottom";
        if (c.valueFormat) chart.axes.valueAxis.numberFormat = c.valueFormat;
        if (c.topDown) chart.axes.categoryAxis.reversePlotOrder = true;
        chart.setPosition(c.position.from, c.position.to);
      },
    });
  }
  for (const f of plan.conditionalFormats) {
    steps.push({
      bytes: 6 * ACTION_OVERHEAD_BYTES + jsonBytes(f),
      run: () => {
        const cf = sheet!.getRangeByIndexes(f.row, f.col, f.rows, f.cols).conditionalFormats.add("ContainsText");
        if (f.fill) cf.textComparison.format.fill.color = f.fill;
        cf.textComparison.format.font.color = f.fontColor;
        if (f.bold) cf.textComparison.format.font.bold = true;
        cf.textComparison.rule = { operator: f.operator, text: f.text };
      },
    });
  }
  steps.push({
    bytes: 12 * ACTION_OVERHEAD_BYTES,
    run: () => {
      const s = sheet!;
      if (!plan.showGridlines) s.showGridlines = false;
      const pl = plan.pageLayout;
      if (pl) {
        s.pageLayout.orientation = pl.orientation;
        if (pl.fitToOnePage) s.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
        s.pageLayout.setPrintArea(
          s.getRangeByIndexes(pl.printArea.row, pl.printArea.col, pl.printArea.rows, pl.printArea.cols),
        );
        s.pageLayout.centerHorizontally = true;
        s.pageLayout.leftMargin = pl.margins;
        s.pageLayout.rightMargin = pl.margins;
        s.pageLayout.topMargin = pl.margins;
        s.pageLayout.bottomMargin = pl.margins;
      }
      s.activate();
      s.getRangeByIndexes(plan.select.row, plan.select.col, 1, 1).select();
    },
  });

  const records: TableRecord[] = [];
  const requestBytes = await write.write({
    steps,
    afterFirst: {
      bytes: placed.length * (ACTION_OVERHEAD_BYTES + 512),
      run: () =>
        placed.forEach((p) => {
          const record = tableRecord(
            p.t.spec,
            p.t.content,
            {
              key: p.key,
              tableId: p.table!.id,
              sheetName: plan.sheetName,
              tableName: p.t.tableName,
              provenanceName: p.t.provenanceName,
            },
            input.now,
          );
          records.push(record);
          ctx.workbook.settings.add(p.key, record);
        }),
    },
    label: `Writing ${plan.sheetName}…`,
    rollBack: () => rollBack(ctx, plan),
  });

  return {
    sheetName: plan.sheetName,
    tables: placed.map((p, i) => ({
      role: p.t.role,
      name: p.t.tableName,
      address: `${quoteSheet(plan.sheetName)}!${a1(p.g.headerRow, p.t.left, p.g.n + 1, p.g.width)}`,
      rows: p.g.n,
      record: records[i]!,
    })),
    charts: plan.charts.map((c) => ({
      name: c.name,
      type: c.type,
      source: `${quoteSheet(plan.sheetName)}!${a1(c.source.row, c.source.col, c.source.rows, c.source.cols)}`,
    })),
    syncs: write.syncs,
    requestBytes,
    notes: plan.notes,
  };
}

function headersOf(t: PlannedTable): string[] {
  return t.headers ?? [...t.content.columns.map((c) => c.header), ...(t.userColumns ?? []).map((u) => u.header)];
}

function placementOf(t: PlannedTable): TablePlacement {
  return { top: t.top, left: t.left, tableName: t.tableName, provenanceName: t.provenanceName, headers: headersOf(t) };
}

/** A block as the two arrays Excel takes: number formats (Text for text), then the cells (values or formulas). */
export function blockArrays(b: Block): { formats: (string | null)[][]; formulas: (string | number | null)[][] } {
  return {
    formats: b.cells.map((row) => row.map((c) => (c === null ? null : "text" in c ? "@" : (c.format ?? "General")))),
    formulas: b.cells.map((row) =>
      row.map((c) => (c === null ? null : "text" in c ? c.text : "number" in c ? c.number : c.formula)),
    ),
  };
}

function applyStyle(range: Excel.Range, s: CellStyle): void {
  if (s.bold !== undefined) range.format.font.bold = s.bold;
  if (s.italic !== undefined) range.format.font.italic = s.italic;
  if (s.fontColor) range.format.font.color = s.fontColor;
  if (s.fontSize) range.format.font.size = s.fontSize;
  if (s.fill) range.format.fill.color = s.fill;
  if (s.wrap !== undefined) range.format.wrapText = s.wrap;
  if (s.align) range.format.horizontalAlignment = s.align;
}

/** Undoes an insert that failed part-way: the new sheet goes, with the names of its provenance blocks. */
async function rollBack(ctx: Excel.RequestContext, plan: SheetPlan): Promise<void> {
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(plan.sheetName);
  const names = plan.tables.flatMap((t) =>
    t.provenanceName ? [ctx.workbook.names.getItemOrNullObject(t.provenanceName)] : [],
  );
  await ctx.sync();
  for (const n of names) if (!n.isNullObject) n.delete();
  if (!sheet.isNullObject) sheet.delete();
  await ctx.sync();
}
