// `qualis <command>`: the add-in's engine from a terminal. Each command lives in its own module.
import { runBacktest } from "./backtest-command";
import { runDemo } from "./demo-command";
import { runDocs } from "./docs-command";
import { runScore } from "./score-command";
import { runSnapshot, SNAPSHOT_USAGE } from "./snapshot-command";
import { EXIT_FAILED, EXIT_USAGE, UsageError } from "./usage";
import { runValidate } from "./validate-command";
import { terminalSafe } from "../model/text";

export type CommandIO = { out: (line: string) => void; err: (line: string) => void };

const consoleIO: CommandIO = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

const USAGE = `Usage: qualis <command> [options]

Commands:
  demo [--out FILE] [--seed N] [--count N] [--as-of YYYY-MM-DD]
        Write the deterministic demo universe as a snapshot (default: stdout).
  validate FILE
        Check a snapshot file against the schema; print every problem with its JSON path.
  score [--snapshot FILE] [--out FILE.csv] [--labels]
        Score every constituent (default: the demo universe) to CSV: ticker, quality_score, is_profitable,
        graduation_prob, then every catalogue field. Default: stdout. --labels: the pane's labels with units as
        headers, "%" columns as percentages (without it: catalogue names and fractions, for scripts).
  docs [--readme FILE] [--check]
        Regenerate the generated sections of docs/methodology.md, docs/functions.md and docs/fields.md (or of
        FILE) from the catalogue; --check only says whether they are up to date (exit 1 when stale).
  snapshot build --holdings FILE --out FILE [--r1000-holdings FILE]
                 [--sec-dir DIR | --sec-bulk companyfacts.zip [--submissions-bulk submissions.zip] --ticker-map FILE
                  | --fetch --user-agent "NAME EMAIL"]
        Build a real snapshot from an iShares holdings export and SEC EDGAR data (\`qualis snapshot\` lists every option).
  backtest graduation --snapshot FILE --after R1000_FILE [--still R2000_FILE] [--json OUT]
        Score a snapshot's graduation probabilities against who moved up: AUC, precision at k, expected vs actual,
        Brier score, calibration (\`qualis backtest\` lists every option).
  backtest factor --snapshot S --from START.csv (--to END.csv | --prices FILE) --field F [--groups 5] [--json OUT]
        Group companies by a field and report each group's price return between two dates (\`qualis backtest\`).

Exit codes: 0 done, 1 the work failed (a file not found or refused, a failed download), 2 a usage error (an unknown
or missing option, a value of the wrong form).
`;

/**
 * Every line any command prints passes here: no control, bidirectional or invisible character from the data reaches
 * a terminal or a redirected file (each is shown as <U+XXXX>); tabs and line breaks stay (docs/security.md).
 */
export function safeIO(io: CommandIO): CommandIO {
  return { out: (l) => io.out(terminalSafe(l)), err: (l) => io.err(terminalSafe(l)) };
}

export async function main(argv: string[], rawIO: CommandIO = consoleIO): Promise<number> {
  const io = safeIO(rawIO);
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "demo":
        return await runDemo(rest, io);
      case "validate":
        return await runValidate(rest, io);
      case "score":
        return await runScore(rest, io);
      case "docs":
        return await runDocs(rest, io);
      case "snapshot":
        return await runSnapshot(rest, io);
      case "backtest":
        return await runBacktest(rest, io);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.err(`qualis: unknown command '${command}'.\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    io.err(`qualis ${command}: ${(e as Error).message}`);
    if (e instanceof UsageError) {
      io.err(command === "snapshot" ? SNAPSHOT_USAGE : USAGE);
      return EXIT_USAGE;
    }
    return EXIT_FAILED;
  }
}
