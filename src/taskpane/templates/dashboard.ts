// The analyst's screening dashboard: the whole universe as a live table (the writer's, with its record, so Refresh
// all re-pulls it in place), summary figures and four charts above it. Every figure and every chart's data is a
// formula over the table's columns, so they follow a refresh; errors (#N/A where the data has no value) are
// skipped by COUNTIFS, SUMIFS and AGGREGATE's "ignore errors" option, so a holdings-only universe still gives a
// sheet that reads right, with a line saying what is missing.
import { SECTORS } from "../../model/sectors";
import { THEMES } from "../../model/themes";
import { a1, columnLetters } from "../workbook/excel-names";
import { contentOf, hasFundamentals, label, liveHeading, NO_FUNDAMENTALS, tableSpec } from "./common";
import type { FreeNames, Template, TemplateInput } from "./insert";
import {
  block,
  COLORS,
  columnRef,
  formula,
  num,
  text,
  type ChartPlan,
  type PlanCell,
  type SheetPlan,
} from "./sheet-plan";

const FIELDS = ["name", "sector", "market_cap", "quality_score", "is_profitable", "graduation_prob", "themes"];

/** Zero-based rows and columns of the layout. */
const SUMMARY = { row: 5, col: 0, valueCol: 3 }; // labels from A6 (running over B and C, left empty), figures in D
const CHART_ROWS = [13, 31]; // two rows of charts: rows 14–30 and 32–48
const CHART_HEIGHT = 17;
const TABLE_TOP = 49; // the universe table's header: row 50
const DATA_COL = 9; // column J: the charts' data
const BINS = { row: 7, count: 10 }; // header row 8
const SECTOR_ROW = 20; // header row 21
const TOP = { row: 34, count: 25 }; // header row 35
const THEME_ROW = 62; // header row 63

const PCT = "0.0%";

export const dashboard: Template = {
  id: "dashboard",
  plan(input: TemplateInput, names: FreeNames): SheetPlan {
    const sheetName = names.sheet("Dashboard");
    const tableName = names.table("Dashboard");
    const spec = tableSpec(FIELDS, "live", { sort: { field: "market_cap", descending: true } });
    const content = contentOf(input, spec);
    const col = (field: string) => columnRef(tableName, label(field));
    const T = {
      ticker: col("ticker"),
      name: col("name"),
      sector: col("sector"),
      cap: col("market_cap"),
      quality: col("quality_score"),
      profitable: col("is_profitable"),
      grad: col("graduation_prob"),
      themes: col("themes"),
    };
    const heading = liveHeading("Small-cap screening dashboard");
    const at = (row: number, c: number) => a1(row, c);
    const cell = (dr: number) => at(SUMMARY.row + dr, SUMMARY.valueCol);
    const constituents = cell(1);
    const withQuality = cell(4);

    // Summary: a label, two empty cells for it to run over, and the figure.
    const figure = (label: string, f: string, format: string): PlanCell[] => [
      text(label),
      null,
      null,
      formula(f, format),
    ];
    const summary = block(SUMMARY.row, SUMMARY.col, [
      [text("Summary")],
      figure("Constituents", `=COUNTA(${T.ticker})`, "#,##0"),
      figure("Unprofitable share (trailing net income)", `=IFERROR(QUALIS.UNPROFITABLE_SHARE(),"no data")`, PCT),
      figure("Median quality score", `=IFERROR(AGGREGATE(12,6,${T.quality}),"no data")`, "0.0"),
      figure("Companies with a quality score", `=COUNT(${T.quality})`, "#,##0"),
      figure("Expected graduates (sum of probabilities)", `=IFERROR(AGGREGATE(9,6,${T.grad}),"no data")`, "0.0"),
      [
        formula(
          `=IF(${withQuality}=0,"No fundamentals in this data (holdings only): quality scores and profitability are #N/A, so those charts are empty.",` +
            `IF(${withQuality}<${constituents},${constituents}-${withQuality}&" companies have no quality score (fundamentals missing): the quality charts leave them out.",""))`,
        ),
      ],
    ]);

    // Quality-score distribution: ten bands of ten points, counted with COUNTIFS (errors never match a number).
    const bins: PlanCell[][] = [[text("Quality score"), text("Companies")]];
    for (let i = 0; i < BINS.count; i++) {
      const lo = i * 10;
      const hi = lo + 10;
      const upper = i === BINS.count - 1 ? `"<=${hi}"` : `"<${hi}"`;
      bins.push([text(`${lo}–${hi}`), formula(`=COUNTIFS(${T.quality},">=${lo}",${T.quality},${upper})`, "#,##0")]);
    }

    // Unprofitable share by sector, among the companies whose profitability is known.
    const sectors: PlanCell[][] = [
      [
        text("Sector"),
        text("Unprofitable share"),
        text("Unprofitable"),
        text("Profitability known"),
        text("Companies"),
      ],
    ];
    SECTORS.forEach((s, i) => {
      const r = SECTOR_ROW + 1 + i;
      const [name, losing, known] = [at(r, DATA_COL), at(r, DATA_COL + 2), at(r, DATA_COL + 3)];
      sectors.push([
        text(s),
        formula(`=IF(${known}=0,NA(),${losing}/${known})`, PCT),
        formula(`=COUNTIFS(${T.sector},${name},${T.profitable},FALSE)`, "#,##0"),
        formula(`=${losing}+COUNTIFS(${T.sector},${name},${T.profitable},TRUE)`, "#,##0"),
        formula(`=COUNTIFS(${T.sector},${name})`, "#,##0"),
      ]);
    });

    // The 25 highest graduation probabilities, highest first. AGGREGATE(14,6,…) is LARGE ignoring errors; the row
    // is the k-th row holding that probability (so ties list each company once, in the table's order).
    // (Rank, ticker and probability first: the chart reads ticker and probability; the name last, to run over.)
    const top: PlanCell[][] = [[text("Rank"), text("Ticker"), text("Probability"), text("Row in table"), text("Name")]];
    for (let k = 1; k <= TOP.count; k++) {
      const r = TOP.row + k;
      const [rank, prob, row] = [at(r, DATA_COL), at(r, DATA_COL + 2), at(r, DATA_COL + 3)];
      const firstProb = `${columnLetters(DATA_COL + 2)}$${TOP.row + 2}`; // the first rank's probability, row fixed
      top.push([
        num(k, "0"),
        formula(`=IFERROR(INDEX(${T.ticker},${row}),"")`),
        formula(`=IFERROR(AGGREGATE(14,6,${T.grad},${rank}),NA())`, PCT),
        formula(
          `=IF(ISNUMBER(${prob}),AGGREGATE(15,6,(ROW(${T.grad})-ROW(${tableName}[#Headers]))/(${T.grad}=${prob}),COUNTIF(${firstProb}:${prob},${prob})),NA())`,
          "0",
        ),
        formula(`=IFERROR(INDEX(${T.name},${row}),"")`),
      ]);
    }

    // Theme exposure: a company's themes are one comma-separated text, so a theme is matched with wildcards.
    const themes: PlanCell[][] = [
      [text("Theme"), text("% of companies"), text("% of market cap"), text("Companies"), text("Market cap ($m)")],
    ];
    THEMES.forEach((t, i) => {
      const r = THEME_ROW + 1 + i;
      const [count, cap] = [at(r, DATA_COL + 3), at(r, DATA_COL + 4)];
      const like = `"*"&${at(r, DATA_COL)}&"*"`;
      themes.push([
        text(t.label),
        formula(`=IF(${constituents}=0,NA(),${count}/${constituents})`, PCT),
        formula(`=IFERROR(${cap}/SUMIFS(${T.cap},${T.cap},">=0"),NA())`, PCT),
        formula(`=COUNTIFS(${T.themes},${like})`, "#,##0"),
        formula(`=SUMIFS(${T.cap},${T.themes},${like},${T.cap},">=0")`, "#,##0"),
      ]);
    });
    const themeCounts = `${at(THEME_ROW + 1, DATA_COL + 3)}:${at(THEME_ROW + THEMES.length, DATA_COL + 3)}`;
    const themeNote = [
      formula(
        `=IF(SUM(${themeCounts})=0,"No company carries a theme in this data (themes come from industry codes, which a holdings file lacks).","")`,
      ),
    ];

    const chart = (
      name: string,
      title: string,
      row: number,
      rows: number,
      cols: number,
      slot: number,
      extra: Partial<ChartPlan> = {},
    ): ChartPlan => {
      const top = CHART_ROWS[Math.floor(slot / 2)]!;
      const [from, to] = slot % 2 === 0 ? ["A", "C"] : ["D", "H"];
      return {
        name,
        type: "ColumnClustered",
        source: { row, col: DATA_COL, rows, cols },
        title,
        position: { from: `${from}${top + 1}`, to: `${to}${top + CHART_HEIGHT}` },
        legend: false,
        ...extra,
      };
    };

    return {
      sheetName,
      tables: [{ role: "universe", spec, content, top: TABLE_TOP, left: 0, tableName, provenanceName: null }],
      blocks: [
        ...heading.blocks,
        block(3, 0, [
          [
            text(
              `The universe table below (${tableName}) is live: Refresh all re-pulls it, and every figure and chart here follows it.`,
            ),
          ],
        ]),
        summary,
        block(5, DATA_COL, [[text(`Chart data: formulas over ${tableName}, so they follow Refresh all`)]]),
        block(BINS.row, DATA_COL, bins),
        block(SECTOR_ROW, DATA_COL, sectors),
        block(TOP.row, DATA_COL, top),
        block(THEME_ROW, DATA_COL, themes),
        block(THEME_ROW + THEMES.length + 1, DATA_COL, [themeNote]),
      ],
      styles: [
        ...heading.styles,
        { row: 3, col: 0, rows: 1, cols: 1, style: { italic: true, fontColor: COLORS.muted } },
        { row: SUMMARY.row, col: SUMMARY.col, rows: 1, cols: 1, style: { bold: true, fontColor: COLORS.heading } },
        { row: SUMMARY.row + 1, col: SUMMARY.valueCol, rows: 5, cols: 1, style: { bold: true, align: "Right" } },
        { row: SUMMARY.row + 6, col: SUMMARY.col, rows: 1, cols: 1, style: { italic: true, fontColor: COLORS.demo } },
        { row: 5, col: DATA_COL, rows: 1, cols: 1, style: { bold: true, fontColor: COLORS.heading } },
        ...[BINS.row, SECTOR_ROW, TOP.row, THEME_ROW].map((row) => ({
          row,
          col: DATA_COL,
          rows: 1,
          cols: 5,
          style: { bold: true },
        })),
        {
          row: THEME_ROW + THEMES.length + 1,
          col: DATA_COL,
          rows: 1,
          cols: 1,
          style: { italic: true, fontColor: COLORS.demo },
        },
      ],
      charts: [
        chart(
          "Quality score distribution",
          "Quality score distribution (companies per band)",
          BINS.row,
          BINS.count + 1,
          2,
          0,
        ),
        chart(
          "Unprofitable share by sector",
          "Unprofitable share by sector (trailing net income)",
          SECTOR_ROW,
          SECTORS.length + 1,
          2,
          1,
          {
            type: "BarClustered",
            valueFormat: "0%",
            topDown: true,
          },
        ),
        chart(
          "Top 25 graduation candidates",
          "Top 25 graduation candidates (probability of moving up at the next reconstitution)",
          TOP.row,
          TOP.count + 1,
          3,
          3,
          {
            source: { row: TOP.row, col: DATA_COL + 1, rows: TOP.count + 1, cols: 2 },
            type: "BarClustered",
            valueFormat: "0%",
            topDown: true,
          },
        ),
        chart(
          "Theme exposure",
          "Theme exposure: share of companies and of market cap",
          THEME_ROW,
          THEMES.length + 1,
          3,
          2,
          {
            type: "BarClustered",
            valueFormat: "0%",
            legend: true,
            topDown: true,
          },
        ),
      ],
      conditionalFormats: [],
      columnWidths: [{ col: DATA_COL, points: 170 }, ...[1, 2, 3, 4].map((i) => ({ col: DATA_COL + i, points: 110 }))],
      pageLayout: null,
      showGridlines: false,
      select: { row: 0, col: 0 },
      notes: hasFundamentals(input) ? [] : [NO_FUNDAMENTALS],
    };
  },
};
