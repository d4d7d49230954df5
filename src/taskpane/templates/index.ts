// The templates the pane offers, one per user the user guide names (docs/user-guide.md), and the button's action.
import type { LoadedUniverse } from "../../data/universe-store";
import { provenanceFacts, type ExcelRun } from "../pane-actions";
import type { WriteProgress } from "../workbook/writer";
import { allocation, ALLOCATION_NAMES } from "./allocation";
import { clientTable, CLIENT_ROWS } from "./client-table";
import { dashboard } from "./dashboard";
import { insertTemplate, templateInput, type Template, type TemplateResult } from "./insert";
import { evidenceTemplate } from "./evidence";
import { holdingsPrices } from "../../data/factor-evidence";
import { HoldingsFormatError, parseHoldingsCsv } from "../../data/sources/holdings/parse-holdings";
import { WriteRefused } from "../workbook/excel-failures";

/** Charts, conditional formats and pageLayout's fit-to-page zoom need Excel API 1.9 (showGridlines 1.8). */
export const TEMPLATE_API_VERSION = "1.9";

/** Why templates can't be inserted in this Excel (too old for charts and page layout); null when they can. */
export function templatesUnsupported(): string | null {
  const req = (
    globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (set: string, v: string) => boolean } } } }
  ).Office?.context?.requirements;
  if (typeof req?.isSetSupported === "function" && !req.isSetSupported("ExcelApi", TEMPLATE_API_VERSION)) {
    return `This version of Excel is too old for templates (they need Excel API ${TEMPLATE_API_VERSION}, for charts and page layout): update Office, or use Excel on the web.`;
  }
  return null;
}

export type TemplateId = "dashboard" | "allocation" | "client";

export interface TemplateInfo {
  id: TemplateId;
  title: string;
  /** Who it is for (docs/user-guide.md). */
  audience: string;
  description: string;
  template: Template;
}

export const TEMPLATES: readonly TemplateInfo[] = [
  {
    id: "dashboard",
    title: "Screening dashboard",
    audience: "Analysts",
    description:
      "The universe as a live table, with summary figures and four charts: quality-score distribution, unprofitable share by sector, the top 25 graduation candidates and theme exposure.",
    template: dashboard,
  },
  {
    id: "allocation",
    title: "Allocation model",
    audience: "Portfolio managers",
    description: `${ALLOCATION_NAMES} high-quality profitable names with your target weights, active weights against the index, limit checks and sector and theme tilt charts. Refresh all keeps your names and weights.`,
    template: allocation,
  },
  {
    id: "client",
    title: "Client table",
    audience: "Advisers",
    description: `The ${CLIENT_ROWS} highest quality scores among profitable companies as static values, with the provenance block and a disclaimer, set to print on one landscape page.`,
    template: clientTable,
  },
];

export function insertTemplateInto(
  run: ExcelRun,
  loaded: LoadedUniverse,
  id: TemplateId,
  onProgress: (p: WriteProgress) => void,
): Promise<TemplateResult> {
  const info = TEMPLATES.find((t) => t.id === id);
  if (!info) throw new Error(`No template '${id}'`);
  const input = templateInput(loaded.universe, provenanceFacts(loaded), new Date());
  return run((ctx) => insertTemplate(ctx, info.template, input, { onProgress }));
}

/**
 * The Evidence sheet: price returns from the loaded data's date to a later holdings file the user picked. A file that
 * is not a holdings export is refused before Excel is touched.
 */
export function insertEvidenceInto(
  run: ExcelRun,
  loaded: LoadedUniverse,
  endText: string,
  endFileName: string,
  onProgress: (p: WriteProgress) => void,
): Promise<TemplateResult> {
  let end;
  try {
    end = holdingsPrices(parseHoldingsCsv(endText), endFileName);
  } catch (e) {
    if (e instanceof HoldingsFormatError) throw new WriteRefused(`${endFileName}: ${e.message}`);
    throw e;
  }
  const input = templateInput(loaded.universe, provenanceFacts(loaded), new Date());
  return run((ctx) => insertTemplate(ctx, evidenceTemplate(end), input, { onProgress }));
}

export type { TemplateResult };
