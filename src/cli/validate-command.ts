import { readFileSync } from "fs";
import { parseSnapshot } from "../data/snapshot-validate";
import type { CommandIO } from "./main";

export async function runValidate(argv: string[], io: CommandIO): Promise<number> {
  const file = argv[0];
  if (!file) throw new Error("give the snapshot file to check");
  const result = parseSnapshot(readFileSync(file, "utf8"));
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
