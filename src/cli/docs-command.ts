// `qualis docs [--readme FILE] [--check]`: rewrites the README's generated sections from the catalogue and the
// function specs (npm run docs); --check exits 1 when they are stale.
import { readFileSync, writeFileSync } from "fs";
import { parseArgs } from "util";
import type { CommandIO } from "./main";
import { updateReadme } from "./readme-docs";

export async function runDocs(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { readme: { type: "string" }, check: { type: "boolean" } }, strict: true });
  const file = values.readme ?? "README.md";
  const text = readFileSync(file, "utf8");
  const next = updateReadme(text);
  if (values.check) {
    if (next === text) {
      io.err(`${file}: generated sections are up to date`);
      return 0;
    }
    io.err(`${file}: generated sections are stale — run \`npm run docs\``);
    return 1;
  }
  if (next !== text) writeFileSync(file, next);
  io.err(next === text ? `${file}: already up to date` : `${file}: generated sections rewritten`);
  return 0;
}
