// The portfolio manager's allocation model. The names are chosen once, when the sheet is inserted: the 20 highest
// quality scores among companies profitable on trailing net income (the largest index weights when the data has no
// fundamentals). From then on they are the PM's: the table has fixed membership, so Refresh all updates its data
// and never adds or drops a name, and the PM's target weights — a column of the table that the add-in does not own —
// stay with their rows. Active weights, limit flags, checks and the sector and theme tilts against the index are
// formulas; the index itself is a second live table on the sheet, so the tilts follow a refresh too.
import { SECTORS } from "../../model/sectors";
import { THEMES } from "../../model/themes";
import { a1 } from "../workbook/excel-names";
import { contentOf, day, hasFundamentals, label, liveHeading, NO_FUNDAMENTALS, tableSpec } from "./common";
import type { FreeNames, Template, TemplateInput } from "./insert";
import {
  block,
  COLORS,
  columnRef,
  formula,
  num,
  text,
  type ChartPlan,
  type ConditionalPlan,
  type PlanCell,
  type SheetPlan,
} from "./sheet-plan";

export const ALLOCATION_NAMES = 20;

const HOLDING_FIELDS = [
  "name",
  "sector",
  "quality_score",
  "is_profitable",
  "graduation_prob",
  "fcf_yield",
  "weight",
  "themes",
];
const INDEX_FIELDS = ["sector", "weight", "themes"];
export const TARGET = "Target weight";
export const ACTIVE = "Active weight";
export const LIMIT_CHECK = "Limit check";

const INPUTS = { row: 6, col: 0, valueCol: 2 }; // labels from A7 (running over B, left empty), values in C
const CHECKS_ROW = 10;
const TABLE_TOP = 23; // row 24
const TILT_COL = 13; // column N
const SECTOR_ROW = TABLE_TOP;
const THEME_ROW = TABLE_TOP + SECTORS.length + 3;
const INDEX_COL = 18; // column S
const WEIGHT = "0.00%";

export const allocation: Template = {
  id: "allocation",
  plan(input: TemplateInput, names: FreeNames): SheetPlan {
    const sheetName = names.sheet("Allocation");
    const tableName = names.table("Allocation");
    const indexName = names.name(`${tableName}_Index`);

    // The names: high quality among the profitable; without fundamentals, the largest index weights.
    const fundamentals = hasFundamentals(input);
    const criteria = fundamentals
      ? {
          profitable: { basis: "net_income" as const },
          sort: { field: "quality_score", descending: true },
          limit: ALLOCATION_NAMES,
        }
      : { sort: { field: "weight", descending: true }, limit: ALLOCATION_NAMES };
    const chosenHow = fundamentals
      ? `the ${ALLOCATION_NAMES} highest quality scores among companies profitable on trailing net income`
      : `the ${ALLOCATION_NAMES} largest index weights (this data has no fundamentals to rank quality by)`;
    const spec = tableSpec(HOLDING_FIELDS, "live", criteria, "fixed");
    const content = contentOf(input, spec);
    const indexSpec = tableSpec(INDEX_FIELDS, "live", { sort: { field: "weight", descending: true } });
    const indexContent = contentOf(input, indexSpec);
    const n = content.tickers.length;

    const A = (field: string) => columnRef(tableName, label(field));
    const I = (field: string) => columnRef(indexName, label(field));
    const target = columnRef(tableName, TARGET);
    const active = columnRef(tableName, ACTIVE);
    const at = (row: number, col: number) => a1(row, col);
    const abs = (row: number, col: number) => a1(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    const maxPosition = abs(INPUTS.row + 1, INPUTS.valueCol);
    const maxActive = abs(INPUTS.row + 2, INPUTS.valueCol);
    const check = (dr: number) => at(CHECKS_ROW + dr, INPUTS.valueCol);

    // Equal weights to start with (so the checks start at OK); a position limit that equal weights respect.
    const equal = n > 0 ? 1 / n : 0;
    const positionLimit = Math.max(0.1, Math.ceil(equal * 20 - 1e-9) / 20);

    const headers = [
      label("ticker"),
      label("name"),
      label("sector"),
      label("quality_score"),
      label("is_profitable"),
      label("graduation_prob"),
      label("fcf_yield"),
      label("weight"),
      TARGET,
      ACTIVE,
      LIMIT_CHECK,
      label("themes"),
    ];
    const thisRow = (h: string) => `[@[${h}]]`;
    const inputStyle = { fill: COLORS.inputFill, fontColor: COLORS.inputFont, bold: true };

    const line = (label: string, cell: PlanCell): PlanCell[] => [text(label), null, cell];
    const inputs = block(INPUTS.row, INPUTS.col, [
      [text("Inputs (the yellow cells are yours)")],
      line("Max position weight", num(positionLimit, "0.0%")),
      line("Max active weight (±)", num(0.05, "0.0%")),
    ]);
    const checks = block(CHECKS_ROW, INPUTS.col, [
      [text("Checks")],
      line("Target weights total", formula(`=SUM(${target})`, "0.00%")),
      line("Weights sum to 100%", formula(`=IF(ABS(${check(1)}-1)<=0.0001,"OK","CHECK")`)),
      line("Rows flagged (limit check)", formula(`=COUNTIF(${columnRef(tableName, LIMIT_CHECK)},"<>OK")`, "0")),
      line("All checks", formula(`=IF(AND(${check(2)}="OK",${check(3)}=0),"OK","CHECK")`)),
      line(
        "Active share vs the index",
        // ½ Σ|active| over every index name: the held names' |active| plus the weights of the index names not held.
        formula(
          `=0.5*(SUMIFS(${active},${active},">0")-SUMIFS(${active},${active},"<0")+SUMIFS(${I("weight")},${I("weight")},">=0")-SUMIFS(${A("weight")},${A("weight")},">=0"))`,
          "0.0%",
        ),
      ),
      line(
        "Weighted quality score",
        formula(`=IFERROR(SUMPRODUCT(${target},${A("quality_score")})/${check(1)},"n/a")`, "0.0"),
      ),
    ]);

    // Sector and theme tilts: the portfolio's weight against the index's, from both tables.
    const tilt = (
      row: number,
      heading: string,
      labels: readonly string[],
      match: (table: string, cell: string) => string,
    ): PlanCell[][] => [
      [text(heading), text("Tilt vs index"), text("Portfolio"), text("Index")],
      ...labels.map((l, i) => {
        const r = row + 1 + i;
        const cell = at(r, TILT_COL);
        const [portfolio, index] = [at(r, TILT_COL + 2), at(r, TILT_COL + 3)];
        return [
          text(l),
          formula(`=${portfolio}-${index}`, "0.0%"),
          formula(`=SUMIFS(${target},${match(tableName, cell)})`, "0.0%"),
          formula(`=SUMIFS(${I("weight")},${match(indexName, cell)},${I("weight")},">=0")`, "0.0%"),
        ];
      }),
    ];
    const sectorTilt = tilt(SECTOR_ROW, "Sector", SECTORS, (t, cell) => `${columnRef(t, label("sector"))},${cell}`);
    const themeTilt = tilt(
      THEME_ROW,
      "Theme",
      THEMES.map((x) => x.label),
      (t, cell) => `${columnRef(t, label("themes"))},"*"&${cell}&"*"`,
    );

    const tiltChart = (
      name: string,
      title: string,
      row: number,
      rows: number,
      from: string,
      to: string,
    ): ChartPlan => ({
      name,
      type: "BarClustered",
      source: { row, col: TILT_COL, rows, cols: 2 },
      title,
      position: { from, to },
      valueFormat: "0%",
      legend: false,
      topDown: true,
    });

    const flagColumn = { row: TABLE_TOP + 1, col: headers.indexOf(LIMIT_CHECK), rows: Math.max(1, n), cols: 1 };
    const checkCells = { row: CHECKS_ROW + 2, col: INPUTS.valueCol, rows: 3, cols: 1 };
    const good = { fill: COLORS.goodFill, fontColor: COLORS.goodFont };
    const bad = { fill: COLORS.badFill, fontColor: COLORS.badFont };
    const conditionalFormats: ConditionalPlan[] = [
      { ...flagColumn, operator: "BeginsWith", text: "OK", ...good },
      { ...flagColumn, operator: "BeginsWith", text: "BREACH", ...bad },
      { ...flagColumn, operator: "BeginsWith", text: "CHECK", ...bad },
      { ...checkCells, operator: "BeginsWith", text: "OK", ...good },
      { ...checkCells, operator: "BeginsWith", text: "CHECK", ...bad, bold: true },
    ];

    const heading = liveHeading("Allocation model");
    return {
      sheetName,
      tables: [
        {
          role: "holdings",
          spec,
          content,
          top: TABLE_TOP,
          left: 0,
          tableName,
          provenanceName: null,
          headers,
          userColumns: [
            { header: TARGET, numberFormat: WEIGHT, values: content.tickers.map(() => equal), style: inputStyle },
            { header: ACTIVE, numberFormat: WEIGHT, formula: `=${thisRow(TARGET)}-${thisRow(label("weight"))}` },
            {
              header: LIMIT_CHECK,
              numberFormat: "General",
              formula: `=IFERROR(IF(${thisRow(TARGET)}>${maxPosition},"BREACH: over max",IF(ABS(${thisRow(ACTIVE)})>${maxActive},"BREACH: active","OK")),"CHECK: no index weight")`,
            },
          ],
        },
        {
          role: "index",
          spec: indexSpec,
          content: indexContent,
          top: TABLE_TOP,
          left: INDEX_COL,
          tableName: indexName,
          provenanceName: null,
        },
      ],
      blocks: [
        ...heading.blocks,
        block(3, 0, [
          [
            text(
              `Names chosen on ${day(input.now)}: ${chosenHow}. They are yours now: add a row with a ticker (its data fills in) or delete one, and type your weights in the yellow cells. Refresh all updates the data and keeps your names and weights.`,
            ),
          ],
          [
            formula(
              `=IF(COUNT(${A("quality_score")})=0,"No fundamentals in this data: quality, profitability and FCF yield are #N/A.","")`,
            ),
          ],
        ]),
        inputs,
        checks,
        block(SECTOR_ROW, TILT_COL, sectorTilt),
        block(THEME_ROW, TILT_COL, themeTilt),
        block(THEME_ROW + THEMES.length + 1, TILT_COL, [
          [
            formula(
              `=IF(SUM(${at(THEME_ROW + 1, TILT_COL + 3)}:${at(THEME_ROW + THEMES.length, TILT_COL + 3)})=0,"No company carries a theme in this data (themes come from industry codes, which a holdings file lacks).","A company can carry several themes, so theme weights need not sum to 100%.")`,
            ),
          ],
        ]),
        block(TABLE_TOP - 2, INDEX_COL, [
          [
            text(
              `The index (${indexName}): the benchmark of the active weights and tilts. Refresh all keeps it current.`,
            ),
          ],
        ]),
      ],
      styles: [
        ...heading.styles,
        { row: 3, col: 0, rows: 1, cols: 1, style: { italic: true, fontColor: COLORS.muted } },
        { row: 4, col: 0, rows: 1, cols: 1, style: { italic: true, fontColor: COLORS.demo } },
        { row: INPUTS.row, col: INPUTS.col, rows: 1, cols: 1, style: { bold: true, fontColor: COLORS.heading } },
        { row: INPUTS.row + 1, col: INPUTS.valueCol, rows: 2, cols: 1, style: inputStyle },
        { row: CHECKS_ROW, col: INPUTS.col, rows: 1, cols: 1, style: { bold: true, fontColor: COLORS.heading } },
        { row: CHECKS_ROW + 1, col: INPUTS.valueCol, rows: 6, cols: 1, style: { bold: true, align: "Right" } },
        { row: SECTOR_ROW, col: TILT_COL, rows: 1, cols: 4, style: { bold: true } },
        { row: THEME_ROW, col: TILT_COL, rows: 1, cols: 4, style: { bold: true } },
        {
          row: THEME_ROW + THEMES.length + 1,
          col: TILT_COL,
          rows: 1,
          cols: 1,
          style: { italic: true, fontColor: COLORS.muted },
        },
        { row: TABLE_TOP - 2, col: INDEX_COL, rows: 1, cols: 1, style: { italic: true, fontColor: COLORS.muted } },
      ],
      charts: [
        tiltChart(
          "Sector tilt",
          "Sector tilt vs the index (portfolio − index weight)",
          SECTOR_ROW,
          SECTORS.length + 1,
          "E7",
          "H22",
        ),
        tiltChart(
          "Theme tilt",
          "Theme tilt vs the index (portfolio − index weight)",
          THEME_ROW,
          THEMES.length + 1,
          "I7",
          "L22",
        ),
      ],
      conditionalFormats,
      columnWidths: [{ col: TILT_COL, points: 170 }, ...[1, 2, 3].map((i) => ({ col: TILT_COL + i, points: 80 }))],
      pageLayout: null,
      showGridlines: true,
      select: { row: TABLE_TOP + 1, col: headers.indexOf(TARGET) },
      notes: [`Names: ${chosenHow}.`, ...(fundamentals ? [] : [NO_FUNDAMENTALS])],
    };
  },
};
