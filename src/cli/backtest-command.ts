// `qualis backtest <kind>`: scores the engine's forecasts and fields against what happened. Each kind lives in
// src/cli/backtest/<kind>.ts; this module only dispatches.
import { FACTOR_USAGE, runBacktestFactor } from "./backtest/factor";
import { GRADUATION_BACKTEST_USAGE, runGraduationBacktest } from "./backtest/graduation";
import type { CommandIO } from "./main";

export const BACKTEST_USAGE = `qualis backtest <kind> [options]
Kinds:
${GRADUATION_BACKTEST_USAGE}

${FACTOR_USAGE}`;

export async function runBacktest(argv: string[], io: CommandIO): Promise<number> {
  const [kind, ...rest] = argv;
  switch (kind) {
    case "graduation":
      return runGraduationBacktest(rest, io);
    case "factor":
      return runBacktestFactor(rest, io);
    case undefined:
    case "help":
    case "--help":
      io.out(BACKTEST_USAGE);
      return kind === undefined ? 2 : 0;
    default:
      io.err(`qualis backtest: unknown kind '${kind}'.\n${BACKTEST_USAGE}`);
      return 2;
  }
}
