// The adviser's client table: static values only — not one formula on the sheet — so it reads the same in a
// workbook opened without the add-in. The table is the writer's values table with its provenance block (source,
// data date, filters, time written; DEMO where it is the demo), which Refresh all rewrites with the values; above it
// a title, a disclaimer and a legend whose words stay true whatever the data. Set to print on one landscape page.
import { COLORS, block, text, type SheetPlan } from "./sheet-plan";
import { contentOf, hasFundamentals, NO_FUNDAMENTALS, tableSpec } from "./common";
import type { FreeNames, Template, TemplateInput } from "./insert";
import { PROVENANCE_ROWS } from "../workbook/provenance";

export const CLIENT_ROWS = 25;
const FIELDS = ["name", "sector", "market_cap", "quality_score", "fcf_yield", "graduation_prob", "themes"];
const TABLE_TOP = 4; // the provenance block starts on row 5; the header is on row 10

export const DISCLAIMER =
  "For information only: not investment advice, nor a recommendation to buy or sell any security. Static values as of the data date below; they do not update.";
const LEGEND =
  "Quality score: 0–100, higher is better. Graduation probability: the chance of moving up to the Russell 1000 at the next reconstitution. A blank cell: the data has no value for that company.";

export const clientTable: Template = {
  id: "client",
  plan(input: TemplateInput, names: FreeNames): SheetPlan {
    const sheetName = names.sheet("Client table");
    const tableName = names.table("Client");
    const provenanceName = names.name(`${tableName}_Provenance`);

    const quality = {
      profitable: { basis: "net_income" as const },
      sort: { field: "quality_score", descending: true },
      limit: CLIENT_ROWS,
    };
    const largest = { sort: { field: "market_cap", descending: true }, limit: CLIENT_ROWS };
    let spec = tableSpec(FIELDS, "values", quality);
    let content = contentOf(input, spec);
    let title = `Quality small caps: the ${CLIENT_ROWS} highest quality scores among profitable companies`;
    if (content.tickers.length === 0) {
      // No company is known to be profitable: the data has no fundamentals. The largest companies, then.
      spec = tableSpec(FIELDS, "values", largest);
      content = contentOf(input, spec);
      title = `Small caps: the ${CLIENT_ROWS} largest companies by market cap`;
    }
    const headerRow = TABLE_TOP + PROVENANCE_ROWS;
    const cols = content.columns.length;

    return {
      sheetName,
      tables: [{ role: "client", spec, content, top: TABLE_TOP, left: 0, tableName, provenanceName }],
      blocks: [block(0, 0, [[text(title)], [text(DISCLAIMER)], [text(LEGEND)]])],
      styles: [
        { row: 0, col: 0, rows: 1, cols: 1, style: { bold: true, fontSize: 14, fontColor: COLORS.heading } },
        { row: 1, col: 0, rows: 1, cols: 1, style: { italic: true } },
        { row: 2, col: 0, rows: 1, cols: 1, style: { italic: true, fontColor: COLORS.muted, fontSize: 9 } },
      ],
      charts: [],
      // The provenance block's first line says DEMO DATA on the demo: shown in red, however a refresh rewrites it.
      conditionalFormats: [
        {
          row: TABLE_TOP,
          col: 0,
          rows: 1,
          cols: 1,
          operator: "Contains",
          text: "DEMO",
          fontColor: COLORS.demo,
          bold: true,
        },
      ],
      columnWidths: [],
      pageLayout: {
        orientation: "Landscape",
        fitToOnePage: true,
        printArea: { row: 0, col: 0, rows: headerRow + 1 + CLIENT_ROWS, cols },
        margins: 36,
      },
      showGridlines: false,
      select: { row: 0, col: 0 },
      notes: [
        spec.criteria.profitable
          ? `Rows: ${title.split(": ")[1]}.`
          : `Rows: the ${CLIENT_ROWS} largest companies by market cap — no company in this data is known to be profitable.`,
        ...(hasFundamentals(input) ? [] : [NO_FUNDAMENTALS]),
      ],
    };
  },
};
