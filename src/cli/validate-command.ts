import { parseSnapshot } from "../data/snapshot-validate";
import { readInput } from "./files";
import type { CommandIO } from "./main";
import { parseFlags, UsageError } from "./usage";

export async function runValidate(argv: string[], io: CommandIO): Promise<number> {
  const file = parseFlags({ args: argv, options: {}, strict: true, allowPositionals: true }).positionals[0];
  if (!file) throw new UsageError("give the snapshot file to check: qualis validate FILE");
  const result = parseSnapshot(readInput(file, "snapshot"));
  if (result.ok) {
    const p = result.universe.provenance;
    io.out(
      `${file}: valid — ${result.universe.companies.length} companies, as of ${p.asOf}, source ${p.isDemo ? "DEMO" : p.source}`,
    );
    return 0;
  }
  io.err(`${file}: refused`);
  for (const pr of result.problems) io.err(`  ${pr.path || "(document)"}: ${pr.message}`);
  return 1;
}
