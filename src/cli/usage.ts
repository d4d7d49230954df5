// Exit codes of `qualis` (docs/cli.md#exit-codes): 0 done, 2 a usage error (an unknown or missing flag, a flag
// without its value, a value of the wrong form), 1 the work itself failed (a file that cannot be read, data refused).
import { parseArgs, type ParseArgsConfig } from "util";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A mistake in how the command was called: exit 2, with the command's usage. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/**
 * util.parseArgs, called the same way, with its errors turned into UsageErrors in plain words: Node's own say
 * "Unknown option '--x'. To specify a positional argument starting with a '-', place it at the end…".
 */
export function parseFlags<T extends ParseArgsConfig>(config: T) {
  const options = config.options ?? {};
  try {
    return parseArgs(config);
  } catch (e) {
    const err = e as Error & { code?: string };
    if (!err.code?.startsWith("ERR_PARSE_ARGS_")) throw e;
    const flag = /'(-[^']*)'/.exec(err.message)?.[1];
    if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`unknown option ${flag ?? ""}`.trim());
    if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      const name = /--([\w-]+)/.exec(err.message)?.[1];
      const takesValue = name !== undefined && options[name]?.type === "string";
      throw new UsageError(takesValue ? `--${name} needs a value` : `--${name ?? "?"} takes no value`);
    }
    if (err.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL")
      throw new UsageError(`unexpected argument ${/'([^']*)'/.exec(err.message)?.[1] ?? ""}`.trim());
    throw new UsageError(err.message);
  }
}

/** Throws a UsageError naming every required flag that is missing. */
export function requireFlags<T extends Record<string, unknown>, K extends keyof T & string>(
  values: T,
  names: K[],
): asserts values is T & { [P in K]-?: NonNullable<T[P]> } {
  const missing = names.filter((n) => values[n] === undefined || values[n] === "");
  if (missing.length > 0)
    throw new UsageError(`${missing.map((n) => `--${n}`).join(" and ")} ${missing.length > 1 ? "are" : "is"} required`);
}
