import { generateDemoUniverse } from "../data/sources/demo/generator";
import { serializeSnapshot } from "../data/snapshot-codec";
import { ensureOutPath, writeOutput } from "./files";
import type { CommandIO } from "./main";
import { parseFlags, UsageError } from "./usage";

export async function runDemo(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseFlags({
    args: argv,
    options: {
      out: { type: "string" },
      seed: { type: "string" },
      count: { type: "string" },
      "as-of": { type: "string" },
    },
    strict: true,
  });
  if (values.out) ensureOutPath(values.out);
  const opts: { seed?: number; count?: number; asOf?: string } = {};
  if (values.seed !== undefined) opts.seed = wholeNumber("--seed", values.seed);
  if (values.count !== undefined) opts.count = wholeNumber("--count", values.count);
  if (values["as-of"] !== undefined) opts.asOf = values["as-of"];
  const text = serializeSnapshot(generateDemoUniverse(opts));
  if (values.out) {
    writeOutput(values.out, text);
    io.err(`wrote ${values.out} (${text.length} bytes)`);
  } else io.out(text);
  return 0;
}

export function wholeNumber(flag: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} takes a whole number (got '${raw}')`);
  return n;
}
