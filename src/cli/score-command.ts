// `qualis score [--snapshot FILE] [--out FILE.csv]`: one CSV row per constituent — ticker, quality_score,
// is_profitable, graduation_prob, then every other catalogue field by its name — computed by the same Engine and the
// same catalogue the cells call, never a second implementation. A missing value is an empty cell.
import { readFileSync, writeFileSync } from "fs";
import Papa from "papaparse";
import { parseArgs } from "util";
import { generateDemoUniverse } from "../data/sources/demo/generator";
import { parseSnapshot, summarizeProblems } from "../data/snapshot-validate";
import { FIELD_CATALOGUE, findField, type FieldDef } from "../model/catalogue";
import { engineFor, type Engine } from "../model/engine";
import type { Universe } from "../model/types";
import type { CommandIO } from "./main";

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
      // 15 significant digits, as Excel keeps them: 30 − 12.3 is written 17.7, not 17.700000000000003.
      return typeof v.value === "number" ? Number(v.value.toPrecision(15)) : v.value;
    }),
  );
}

/** The CSV text; text that starts like a formula is defused (a leading ') so a spreadsheet never runs it. */
export function scoreCsv(universe: Universe): string {
  const engine = engineFor(universe);
  return Papa.unparse(
    { fields: scoreColumns().map((f) => f.name), data: scoreRows(engine) },
    { escapeFormulae: true, newline: "\n" },
  );
}

export function loadUniverseFile(file: string): Universe {
  const result = parseSnapshot(readFileSync(file, "utf8"));
  if (!result.ok) throw new Error(`${file} refused: ${summarizeProblems(result.problems)}`);
  return result.universe;
}

export async function runScore(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { snapshot: { type: "string" }, out: { type: "string" } },
    strict: true,
  });
  const universe = values.snapshot ? loadUniverseFile(values.snapshot) : generateDemoUniverse();
  const csv = scoreCsv(universe);
  const label = universe.provenance.isDemo ? "DEMO universe" : universe.provenance.source;
  if (values.out) {
    writeFileSync(values.out, `${csv}\n`);
    io.err(
      `wrote ${values.out}: ${universe.companies.length} companies, ${scoreColumns().length} columns (${label}, as of ${universe.provenance.asOf})`,
    );
  } else io.out(csv);
  return 0;
}
