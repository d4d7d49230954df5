// The Evidence sheet: has the quality score paid? For the quality score, each pillar, IS_PROFITABLE and the graduation
// probability, the companies of the loaded data are grouped by the field (quintiles; TRUE/FALSE in two) and each
// group's price return to a later holdings file is shown, with a chart, one plain sentence, and a provenance block
// (dates, names counted, names that left, renames and splits). The figures are the CLI's (`qualis backtest factor`,
// docs/methodology.md "Evidence: factor backtests"): static values, computed once. The demo has no second date.
import { scrubUrls } from "../../model/display-url";
import {
  evidenceSentence,
  factorEvidence,
  universePrices,
  type FactorEvidence,
  type PriceSide,
} from "../../data/factor-evidence";
import { findField } from "../../model/catalogue";
import { PILLARS } from "../../model/pillars";
import { WriteRefused } from "../workbook/excel-failures";
import { hasFundamentals, NO_FUNDAMENTALS } from "./common";
import type { FreeNames, Template, TemplateInput } from "./insert";
import { block, COLORS, num, text, type Block, type ChartPlan, type PlanCell, type StyledBox } from "./sheet-plan";

export const EVIDENCE_FIELDS = [
  "quality_score",
  ...PILLARS.map((p) => `${p.id}_score`),
  "is_profitable",
  "graduation_prob",
] as const;

export const EVIDENCE_GROUPS = 5;
export const DEMO_HAS_NO_SECOND_DATE =
  "The demo universe has no second date to measure returns to: load a real holdings CSV (Change data source), then pick a later holdings file of the same fund.";

const RETURN_FORMAT = "0.0%";
const CHART_ROWS = 15; // a chart under its table, over columns A–F
const PROVENANCE_TOP = 3;
const LIST_AT_MOST = 40;

const list = (xs: string[]) =>
  xs.length === 0
    ? "none"
    : `${xs.slice(0, LIST_AT_MOST).join(", ")}${xs.length > LIST_AT_MOST ? `, … (${xs.length - LIST_AT_MOST} more)` : ""}`;
const splitText = (s: { ticker: string; ratio: number }) =>
  `${s.ticker} ${s.ratio >= 1 ? `${s.ratio}-for-1` : `1-for-${Math.round(1 / s.ratio)}`}`;

/** The figures behind the sheet (tests read them; the sheet shows them). */
export function evidenceFor(input: TemplateInput, end: PriceSide): FactorEvidence[] {
  const start = universePrices(input.engine.universe);
  return EVIDENCE_FIELDS.map((f) => factorEvidence(input.engine.universe, start, end, f, EVIDENCE_GROUPS));
}

function groupLabel(binary: boolean, g: number, k: number): string {
  if (binary) return g === 1 ? "FALSE" : "TRUE";
  return g === 1 ? "1 (lowest)" : g === k ? `${k} (highest)` : String(g);
}

const value = (x: number | null, format: string): PlanCell => (x === null ? null : num(x, format));

function section(e: FactorEvidence, top: number, chartName: string, hasData: boolean) {
  const def = findField(e.field)!;
  // A probability's range can run from 1e-144 to 0.99: "0.0%" would show 0.0% for most of it.
  const rangeFormat = def.numberFormat.endsWith("%") ? "General" : def.numberFormat;
  const binary = def.kind === "boolean";
  const k = e.result.groups.length;
  const rows: PlanCell[][] = [
    [text(`${e.label}`)],
    [
      text(
        hasData
          ? evidenceSentence(e)
          : `${e.label}: no company in this data has a value, so there is nothing to compare.`,
      ),
    ],
    [text("Group"), text("Mean return"), text("Median return"), text("Names"), text("From"), text("To")],
    ...e.result.groups.map((g) => [
      text(groupLabel(binary, g.group, k)),
      value(g.mean_return, RETURN_FORMAT),
      value(g.median_return, RETURN_FORMAT),
      num(g.n, "0"),
      binary ? text(g.n ? groupLabel(true, g.group, 2) : "") : value(g.min, rangeFormat),
      binary ? text(g.n ? groupLabel(true, g.group, 2) : "") : value(g.max, rangeFormat),
    ]),
    [
      text("Top − bottom"),
      value(e.result.spread_mean, RETURN_FORMAT),
      value(e.result.spread_median, RETURN_FORMAT),
      text("Rank IC"),
      value(e.result.rank_ic, "0.00"),
    ],
  ];
  const styles: StyledBox[] = [
    { row: top, col: 0, rows: 1, cols: 1, style: { bold: true, fontSize: 13, fontColor: COLORS.heading } },
    { row: top + 1, col: 0, rows: 1, cols: 1, style: { italic: true } },
    { row: top + 2, col: 0, rows: 1, cols: 6, style: { bold: true, fill: "#DDEBF7" } },
    { row: top + 3 + k, col: 0, rows: 1, cols: 6, style: { bold: true } },
  ];
  const held = e.result.groups.filter((g) => g.n > 0).length;
  const chartTop = top + k + 5; // zero-based: under the spread row and a blank one
  const charts: ChartPlan[] =
    held >= 2
      ? [
          {
            name: chartName,
            type: "ColumnClustered",
            source: { row: top + 2, col: 0, rows: k + 1, cols: 3 },
            title: `${e.label}: price return by group`,
            position: { from: `A${chartTop + 1}`, to: `F${chartTop + CHART_ROWS}` },
            valueFormat: "0%",
            legend: true,
          },
        ]
      : [];
  /** Rows the section takes, with a blank one after it (and after its chart). */
  const height = k + 5 + (charts.length ? CHART_ROWS + 1 : 0);
  return { block: block(top, 0, rows), styles, charts, height };
}

export function evidenceTemplate(end: PriceSide): Template {
  return {
    id: "evidence",
    plan(input: TemplateInput, names: FreeNames) {
      const u = input.engine.universe;
      if (u.provenance.isDemo) throw new WriteRefused(DEMO_HAS_NO_SECOND_DATE);
      if (end.asOf && end.asOf <= u.provenance.asOf)
        throw new WriteRefused(
          `${end.source} is as of ${end.asOf}, not after the loaded data (${u.provenance.asOf}): pick a later holdings file.`,
        );
      const evidence = evidenceFor(input, end);
      const sheetName = names.sheet("Evidence");
      const first = evidence[0]!;
      const withReturn = first.result.n + first.noValue;
      const from = u.provenance.asOf;
      const to = end.asOf ?? "?";
      const provenance: PlanCell[][] = [
        [text("From"), text(`${from} — ${scrubUrls(u.provenance.source)}`)],
        [text("To"), text(`${to} — ${end.source}`)],
        [text("Names with a return"), num(withReturn, "#,##0")],
        [text("Names that left (no end price; not counted)"), text(`${first.left.length}: ${list(first.left)}`)],
        [text("Names without a start price"), num(first.noStartPrice, "#,##0")],
        [text("Renamed tickers matched by company name"), text(list(first.renamed.map((r) => `${r.from} → ${r.to}`)))],
        [text("Splits adjusted (from the holdings' quantities)"), text(list(first.splits.map(splitText)))],
        [text("Split-like quantity moves left unadjusted"), text(list(first.suspects.map(splitText)))],
        [
          text("Groups"),
          text(
            `${EVIDENCE_GROUPS} of equal count by the field's value on ${from}, group 1 the lowest (equal values kept together); TRUE/FALSE fields in two`,
          ),
        ],
      ];
      const blocks: Block[] = [
        block(0, 0, [
          [text(`Evidence: price returns by group, ${from} → ${to}`)],
          [
            text(
              "Price returns only, no dividends. Names that left the index are counted, not hidden. One period proves little either way. Static values: insert again for other dates.",
            ),
          ],
        ]),
        block(PROVENANCE_TOP, 0, provenance),
      ];
      const styles: StyledBox[] = [
        { row: 0, col: 0, rows: 1, cols: 1, style: { bold: true, fontSize: 16, fontColor: COLORS.heading } },
        { row: 1, col: 0, rows: 1, cols: 1, style: { italic: true, fontColor: COLORS.muted } },
        { row: PROVENANCE_TOP, col: 0, rows: provenance.length, cols: 1, style: { fontColor: COLORS.muted } },
      ];
      const charts: ChartPlan[] = [];
      const fundamentals = hasFundamentals(input);
      let top = PROVENANCE_TOP + provenance.length + 2;
      for (const e of evidence) {
        const s = section(e, top, names.name(`Evidence_${e.field}`), e.result.n > 0);
        blocks.push(s.block);
        styles.push(...s.styles);
        charts.push(...s.charts);
        top += s.height;
      }
      blocks.push(
        block(top, 0, [
          [
            text(
              "Method: docs/methodology.md, “Evidence: factor backtests”. The same figures from a terminal: qualis backtest factor --snapshot S --from START.csv --to END.csv --field F.",
            ),
          ],
        ]),
      );
      styles.push({ row: top, col: 0, rows: 1, cols: 1, style: { italic: true, fontColor: COLORS.muted } });
      return {
        sheetName,
        tables: [],
        blocks,
        styles,
        charts,
        conditionalFormats: [],
        columnWidths: [{ col: 0, points: 230 }, ...[1, 2, 3, 4, 5].map((col) => ({ col, points: 80 }))],
        pageLayout: null,
        showGridlines: false,
        select: { row: 0, col: 0 },
        notes: [
          `Price returns from ${from} to ${to} for ${withReturn.toLocaleString("en-US")} names; ${first.left.length} left the index and are not counted.`,
          ...(fundamentals ? [] : [NO_FUNDAMENTALS]),
        ],
      };
    },
  };
}
