// Runs `qualis …` in-process and captures what it prints.
import { mkdtempSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";

export const FIXTURES = path.join(__dirname, "../fixtures");
export const EXCERPT = path.join(FIXTURES, "holdings/IWM_excerpt.csv");
export const SEC_DIR = path.join(FIXTURES, "sec");
export const GENERATED_AT = "2026-04-11T06:00:00.000Z";

export async function qualis(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "qualis-snapshot-"));
}
