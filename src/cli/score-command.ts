// `qualis score [--snapshot FILE] [--out FILE.csv] [--labels]`: one CSV row per constituent — ticker, quality_score,
// is_profitable, graduation_prob, then every other catalogue field by its name (or, with --labels, its label and
// unit: score-output.ts) — computed by the same Engine and the same catalogue the cells call, never a second
// implementation. A missing value is an empty cell.
import { scrubUrls } from "../model/display-url";
import Papa from "papaparse";
import { generateDemoUniverse } from "../data/sources/demo/generator";
import { parseSnapshot, summarizeProblems } from "../data/snapshot-validate";
import { FIELD_CATALOGUE, findField, type FieldDef } from "../model/catalogue";
import { engineFor, type Engine } from "../model/engine";
import { hasFundamentals } from "../model/periods";
import type { Universe } from "../model/types";
import { ensureOutPath, readInput, writeOutput } from "./files";
import type { CommandIO } from "./main";
import {
  defuseCell,
  defuseText,
  emptyColumns,
  emptyColumnsNote,
  excelDigits,
  labelledHeader,
  labelledValue,
} from "./score-output";
import { parseFlags } from "./usage";

/** The leading columns, then the rest of the catalogue in its order. */
export const LEADING_COLUMNS = ["ticker", "quality_score", "is_profitable", "graduation_prob"] as const;

export function scoreColumns(): FieldDef[] {
  const lead = LEADING_COLUMNS.map((n) => findField(n)!);
  return [...lead, ...FIELD_CATALOGUE.filter((f) => !lead.includes(f))];
}

export function scoreRows(engine: Engine): (string | number | boolean)[][] {
  const columns = scoreColumns();
  return engine.universe.companies.map((c) =>
    columns.map((def) => {
      const v = engine.fieldOf(c, def);
      if (!v.ok) return "";
      return typeof v.value === "number" ? excelDigits(v.value) : v.value;
    }),
  );
}

/**
 * The CSV text (catalogue names, or with `labels` the pane's labels and units); text that starts like a formula is
 * defused (a leading ', score-output.ts defuseCell) so a spreadsheet never runs it.
 */
export function scoreCsv(universe: Universe, opts: { labels?: boolean } = {}): string {
  return csvOf(scoreColumns(), scoreRows(engineFor(universe)), opts.labels ?? false);
}

function csvOf(columns: FieldDef[], rows: (string | number | boolean)[][], labels: boolean): string {
  const fields = columns.map((f) => (labels ? labelledHeader(f) : f.name));
  const data = rows.map((r) => r.map((v, i) => defuseCell(labels ? labelledValue(columns[i]!, v) : v)));
  // Escaping is ours (defuseCell), cell by cell: papaparse's escapeFormulae misses text with a line break.
  return Papa.unparse({ fields: fields.map(defuseText), data }, { newline: "\n" });
}

export function loadUniverseFile(file: string): Universe {
  const result = parseSnapshot(readInput(file, "snapshot", "--snapshot"));
  if (!result.ok) throw new Error(`${file} refused: ${summarizeProblems(result.problems)}`);
  return result.universe;
}

export async function runScore(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseFlags({
    args: argv,
    options: { snapshot: { type: "string" }, out: { type: "string" }, labels: { type: "boolean" } },
    strict: true,
  });
  if (values.out) ensureOutPath(values.out);
  const universe = values.snapshot ? loadUniverseFile(values.snapshot) : generateDemoUniverse();
  const columns = scoreColumns();
  const rows = scoreRows(engineFor(universe));
  // Said first, before the CSV: which columns nothing in this snapshot can fill, and how to fill them.
  const fundamentals = universe.companies.some(hasFundamentals);
  for (const line of emptyColumnsNote(emptyColumns(columns, rows), columns.length, fundamentals)) io.err(line);
  const csv = csvOf(columns, rows, values.labels ?? false);
  const label = universe.provenance.isDemo ? "DEMO universe" : scrubUrls(universe.provenance.source);
  if (values.out) {
    writeOutput(values.out, `${csv}\n`);
    io.err(
      `wrote ${values.out}: ${universe.companies.length} companies, ${scoreColumns().length} columns (${label}, as of ${universe.provenance.asOf})`,
    );
  } else io.out(csv);
  return 0;
}
