// `qualis backtest <kind>`: backtests of the model against what happened. Each kind lives in src/cli/backtest/.
import type { CommandIO } from "./main";
import { FACTOR_USAGE, runBacktestFactor } from "./backtest/factor";

export const BACKTEST_USAGE = `qualis backtest <kind> [options]
${FACTOR_USAGE}`;

export async function runBacktest(argv: string[], io: CommandIO): Promise<number> {
  const [kind, ...rest] = argv;
  switch (kind) {
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
