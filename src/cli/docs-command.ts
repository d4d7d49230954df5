// `qualis docs [--readme FILE] [--check]`: rewrites the generated blocks of docs/ (methodology.md, functions.md,
// fields.md) from the catalogue and the function specs (npm run docs), or those of one FILE; --check exits 1 when
// any is stale. The blocks themselves are src/reference/docs-blocks.ts.
import { writeFileSync } from "fs";
import { blocksIn, DOCS_FILES, updateBlocks } from "../reference/docs-blocks";
import { readInput } from "./files";
import type { CommandIO } from "./main";
import { parseFlags } from "./usage";

export async function runDocs(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseFlags({
    args: argv,
    options: { readme: { type: "string" }, check: { type: "boolean" } },
    strict: true,
  });
  const targets: [string, readonly string[] | null][] = values.readme
    ? [[values.readme, null]]
    : Object.entries(DOCS_FILES);
  let stale = 0;
  for (const [file, blocks] of targets) {
    const text = readInput(file, "text", values.readme ? "--readme" : undefined);
    const names = blocks ?? blocksIn(text);
    if (names.length === 0)
      throw new Error(
        `${file} has no generated blocks (<!-- BEGIN GENERATED name: npx qualis docs --> … <!-- END GENERATED name -->)`,
      );
    const next = updateBlocks(text, names);
    if (values.check) {
      if (next !== text) stale++;
      io.err(
        next === text
          ? `${file}: generated sections are up to date`
          : `${file}: generated sections are stale — run \`npm run docs\``,
      );
      continue;
    }
    if (next !== text) writeFileSync(file, next);
    io.err(next === text ? `${file}: already up to date` : `${file}: generated sections rewritten`);
  }
  return stale > 0 ? 1 : 0;
}
