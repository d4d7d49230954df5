// A picture of what the Excel double received, for the browser tests' screenshots: one sheet as a grid of its
// calculated values in their number formats (fills, fonts, tables' banding, conditional formats), with its charts
// drawn as SVG where setPosition put them, from the values of their own source ranges. Column widths follow the
// widths the template set, or the content where Excel would autofit; rows are 20 px. An approximation of Excel, good
// enough to see a chart covering data, a label cut off or a chart with nothing to show.
import { columnLetters } from "../../src/taskpane/workbook/excel-names";
import type { CellDump, ChartView, ConditionalFormatView } from "../support/excel-double";
import type { Computed, Evaluation, TableView } from "./workbook-formulas";

export interface SheetPicture {
  sheet: string;
  cells: CellDump[];
  tables: TableView[];
  charts: ChartView[];
  conditionalFormats: ConditionalFormatView[];
  columnWidths: Record<string, number>;
  autofitted: string[];
  showGridlines: boolean;
}

const ROW_PX = 20;
const PALETTE = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000"];

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}
function box(a1: string): Box {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1)!;
  const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r0 = Number(m[2]) - 1;
  const c0 = col(m[1]!);
  return { r0, c0, r1: m[4] ? Number(m[4]) - 1 : r0, c1: m[3] ? col(m[3]) : c0 };
}
const inBox = (b: Box, r: number, c: number) => r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1;

/** A value in an Excel number format, for the formats the add-in writes. */
export function formatValue(v: Computed, format: string): string {
  if (v === null || v === "") return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const pct = /^0(?:\.(0+))?%$/.exec(format);
  if (pct) return `${(v * 100).toFixed(pct[1]?.length ?? 0)}%`;
  const fixed = /^(#,##)?0(?:\.(0+))?$/.exec(format);
  if (fixed) {
    const d = fixed[2]?.length ?? 0;
    return fixed[1] ? v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }) : v.toFixed(d);
  }
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(8)));
}

export function renderSheet(
  p: SheetPicture,
  calc: Evaluation,
  opts: { maxRows?: number; maxCols?: number; caption?: string } = {},
): string {
  const byPos = new Map(p.cells.map((c) => [`${c.row},${c.col}`, c]));
  const maxRow = Math.min(opts.maxRows ?? 80, Math.max(...p.cells.map((c) => c.row)) + 1);
  const maxCol = Math.min(opts.maxCols ?? 26, Math.max(...p.cells.map((c) => c.col)) + 1);
  const shown = (r: number, c: number): string => {
    const cell = byPos.get(`${r},${c}`);
    if (!cell) return "";
    const v = cell.formula !== null ? calc.value(p.sheet, cell.address) : (cell.value as Computed);
    return formatValue(v, cell.numberFormat);
  };
  const tables = p.tables.map((t) => ({ ...t, box: box(t.address) }));
  const autofit = p.autofitted.map(box);

  // Column widths: as set (points → px), else from the content where autofitted, else Excel's default.
  const widths: number[] = [];
  for (let c = 0; c < maxCol; c++) {
    const set = p.columnWidths[columnLetters(c)];
    if (set !== undefined) widths.push(Math.round((set * 4) / 3));
    else if (autofit.some((b) => c >= b.c0 && c <= b.c1)) {
      let longest = 0;
      for (let r = 0; r < Math.max(maxRow, 300); r++) {
        if (!autofit.some((b) => inBox(b, r, c))) continue;
        longest = Math.max(longest, shown(r, c).length);
      }
      widths.push(Math.min(420, Math.max(48, longest * 7.4 + 14)));
    } else widths.push(64);
  }
  const left = [0];
  widths.forEach((w, i) => left.push(left[i]! + w));
  const heights: number[] = [];
  for (let r = 0; r < maxRow; r++) {
    let h = ROW_PX;
    for (let c = 0; c < maxCol; c++) {
      const cell = byPos.get(`${r},${c}`);
      if (cell?.fontSize) h = Math.max(h, Math.round(cell.fontSize * 1.9));
    }
    heights.push(h);
  }
  const top = [0];
  heights.forEach((h, i) => top.push(top[i]! + h));

  const rows: string[] = [];
  for (let r = 0; r < maxRow; r++) {
    const tds: string[] = [];
    for (let c = 0; c < maxCol; c++) {
      const cell = byPos.get(`${r},${c}`);
      const text = shown(r, c);
      const style: string[] = [];
      const t = tables.find((x) => inBox(x.box, r, c));
      if (t && r === t.box.r0) style.push("background:#4472C4", "color:#fff", "font-weight:600");
      else if (t && (r - t.box.r0) % 2 === 1) style.push("background:#D9E1F2");
      if (cell?.fill) style.push(`background:${cell.fill}`);
      for (const cf of p.conditionalFormats) {
        if (!inBox(box(cf.address), r, c) || !cf.rule?.text) continue;
        const hit = cf.rule.operator === "BeginsWith" ? text.startsWith(cf.rule.text) : text.includes(cf.rule.text);
        if (!hit) continue;
        if (cf.format.fill) style.push(`background:${cf.format.fill}`);
        if (cf.format.fontColor) style.push(`color:${cf.format.fontColor}`);
        if (cf.format.bold) style.push("font-weight:700");
      }
      if (cell?.bold) style.push("font-weight:700");
      if (cell?.italic) style.push("font-style:italic");
      if (cell?.fontColor) style.push(`color:${cell.fontColor}`);
      if (cell?.fontSize) style.push(`font-size:${Math.round((cell.fontSize * 4) / 3)}px`);
      // Text runs over empty cells to its right, as in Excel, and is cut where the next cell holds something.
      if (text !== "" && shown(r, c + 1) !== "") style.push("overflow:hidden");
      const numeric = text !== "" && cell && cell.numberFormat !== "@" && /^-?[\d,.]+%?$/.test(text);
      if (numeric || cell?.horizontalAlignment === "Right") style.push("text-align:right");
      if (/^#(N\/A|VALUE!|REF!|NAME\?|NUM!|DIV\/0!|CALC!)/.test(text)) style.push("color:#C00000");
      tds.push(`<td style="${style.join(";")}">${esc(text)}</td>`);
    }
    rows.push(`<tr style="height:${heights[r]}px"><th>${r + 1}</th>${tds.join("")}</tr>`);
  }

  const charts = p.charts.map((ch) => {
    if (!ch.position) return "";
    const b = box(ch.position);
    const x = 40 + left[Math.min(b.c0, maxCol)]!;
    const y = 22 + top[Math.min(b.r0, maxRow)]!;
    const w = left[Math.min(b.c1 + 1, maxCol)]! - left[Math.min(b.c0, maxCol)]!;
    const h = top[Math.min(b.r1 + 1, maxRow)]! - top[Math.min(b.r0, maxRow)]!;
    return `<div class="chart" style="left:${x}px;top:${y}px;width:${w}px;height:${h}px">${chartSvg(ch, p.sheet, calc, w, h)}</div>`;
  });

  const cols = widths.map((w) => `<col style="width:${w}px">`).join("");
  const heads = widths.map((_, c) => `<th>${columnLetters(c)}</th>`).join("");
  const more = Math.max(...p.cells.map((c) => c.row)) + 1 - maxRow;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0;font:13px Calibri,Carlito,"Segoe UI",Arial,sans-serif;background:#fff;color:#000}
.caption{padding:6px 10px;background:#217346;color:#fff;font:600 13px "Segoe UI",Arial,sans-serif}
.sheet{position:relative}
table{border-collapse:collapse;table-layout:fixed;width:${40 + left[maxCol]!}px}
td{white-space:nowrap;overflow:visible;padding:0 3px;${p.showGridlines ? "border:1px solid #E1E1E1" : "border:1px solid transparent"}}
th{background:#F3F3F3;color:#555;font-weight:400;border:1px solid #D4D4D4;font-size:11px}
.chart{position:absolute;background:#fff;border:1px solid #BFBFBF;box-sizing:border-box}
.more{padding:4px 10px;color:#555;font-style:italic}
</style></head><body>
<div class="caption">${esc(opts.caption ?? p.sheet)}</div>
<div class="sheet"><table><colgroup><col style="width:40px">${cols}</colgroup><tr style="height:22px"><th></th>${heads}</tr>${rows.join("")}</table>${charts.join("")}</div>
${more > 0 ? `<div class="more">… ${more.toLocaleString("en-US")} more rows not drawn</div>` : ""}
</body></html>`;
}

/** A column or bar chart of the values its series read, with its title, value axis and legend. */
function chartSvg(ch: ChartView, sheet: string, calc: Evaluation, w: number, h: number): string {
  const categories = ch.series[0]?.categories
    ? calc.grid(sheet, ch.series[0].categories).map(([c]) => (c === null ? "" : String(c)))
    : [];
  const series = ch.series.map((s) => calc.grid(sheet, s.values).map(([v]) => (typeof v === "number" ? v : null)));
  const all = series.flat().filter((v): v is number => v !== null);
  let lo = Math.min(0, ...all);
  let hi = Math.max(0, ...all);
  if (hi === lo) hi = lo + 1;
  const step = niceStep((hi - lo) / 4);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const fmt = ch.axes.value.numberFormat ?? "General";
  const bar = ch.type.startsWith("Bar");
  const titleH = 30;
  const legendH = ch.legend.visible ? 22 : 0;
  const labelW = bar ? Math.min(170, 8 + 6.2 * Math.max(0, ...categories.map((c) => c.length))) : 0;
  const axisH = bar ? 18 : 38;
  const plot = { x: bar ? labelW : 44, y: titleH, w: w - (bar ? labelW + 14 : 58), h: h - titleH - legendH - axisH };
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w - 2}" height="${h - 2}" font-family="Segoe UI,Arial,sans-serif" font-size="10">`,
  );
  out.push(
    `<text x="${w / 2}" y="18" text-anchor="middle" font-size="12" fill="#404040">${esc(ch.title ?? "")}</text>`,
  );
  const scale = (v: number) => ((v - lo) / (hi - lo)) * (bar ? plot.w : plot.h);
  for (let t = lo; t <= hi + step / 2; t += step) {
    const label = esc(formatValue(Number(t.toFixed(10)), fmt));
    if (bar) {
      const x = plot.x + scale(t);
      out.push(
        `<line x1="${x}" y1="${plot.y}" x2="${x}" y2="${plot.y + plot.h}" stroke="#E6E6E6"/><text x="${x}" y="${plot.y + plot.h + 12}" text-anchor="middle" fill="#595959">${label}</text>`,
      );
    } else {
      const y = plot.y + plot.h - scale(t);
      out.push(
        `<line x1="${plot.x}" y1="${y}" x2="${plot.x + plot.w}" y2="${y}" stroke="#E6E6E6"/><text x="${plot.x - 4}" y="${y + 3}" text-anchor="end" fill="#595959">${label}</text>`,
      );
    }
  }
  const n = Math.max(1, categories.length);
  const band = (bar ? plot.h : plot.w) / n;
  const thick = (band * 0.7) / Math.max(1, series.length);
  const zero = scale(0);
  categories.forEach((cat, i) => {
    const slot = bar && !ch.axes.category.reversePlotOrder ? n - 1 - i : i; // Excel draws a bar chart's first category at the bottom
    const start = slot * band + band * 0.15;
    series.forEach((vals, k) => {
      const v = vals[i];
      if (v === null || v === undefined) return;
      const a = Math.min(zero, scale(v));
      const len = Math.abs(scale(v) - zero);
      const color = PALETTE[k % PALETTE.length];
      if (bar)
        out.push(
          `<rect x="${plot.x + a}" y="${plot.y + start + k * thick}" width="${Math.max(len, 0.5)}" height="${thick}" fill="${color}"/>`,
        );
      else
        out.push(
          `<rect x="${plot.x + start + k * thick}" y="${plot.y + plot.h - a - len}" width="${thick}" height="${Math.max(len, 0.5)}" fill="${color}"/>`,
        );
    });
    const label = esc(cat.length > 28 ? `${cat.slice(0, 27)}…` : cat);
    if (bar)
      out.push(
        `<text x="${plot.x - 4}" y="${plot.y + slot * band + band / 2 + 3}" text-anchor="end" fill="#404040">${label}</text>`,
      );
    else
      out.push(
        `<text x="${plot.x + slot * band + band / 2}" y="${plot.y + plot.h + 12}" text-anchor="middle" fill="#404040">${label}</text>`,
      );
  });
  if (bar)
    out.push(
      `<line x1="${plot.x + zero}" y1="${plot.y}" x2="${plot.x + zero}" y2="${plot.y + plot.h}" stroke="#8C8C8C"/>`,
    );
  else
    out.push(
      `<line x1="${plot.x}" y1="${plot.y + plot.h - zero}" x2="${plot.x + plot.w}" y2="${plot.y + plot.h - zero}" stroke="#8C8C8C"/>`,
    );
  if (ch.legend.visible) {
    let x = plot.x;
    ch.series.forEach((s, k) => {
      out.push(
        `<rect x="${x}" y="${h - 16}" width="10" height="10" fill="${PALETTE[k % PALETTE.length]}"/><text x="${x + 14}" y="${h - 7}" fill="#404040">${esc(s.name)}</text>`,
      );
      x += 24 + s.name.length * 6;
    });
  }
  out.push("</svg>");
  return out.join("");
}

function niceStep(raw: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p;
}
