// Range in, same shape out: every per-company function maps a ticker matrix cell by cell. A blank cell gives a
// blank; a failure stays in its own cell and the rest of the array still fills.
import type { Engine } from "../model/engine";
import type { Outcome } from "../model/outcome";
import { entityText } from "./entity-text";
import { excelError, notAvailable } from "./excel-errors";
import { currentEngine, engineNow } from "../runtime/shared-store";
import { isTickerText, TICKER_CHARACTERS } from "../model/tickers";

/** Text that may be a ticker once trimmed: in the character set (blank text is answered as blank elsewhere). */
function couldBeTicker(text: string): boolean {
  if (text.length <= MAX_TICKER_TEXT && isTickerText(text)) return true; // the common case, without trimming
  const t = text.trim();
  return t === "" || (t.length <= MAX_TICKER_TEXT && isTickerText(t));
}

export type CellValue = string | number | boolean | CustomFunctions.Error;

/**
 * A cell's ticker text, or null for a blank cell. Numbers and booleans are read as text (an unknown ticker); a data
 * type (a Stocks record) by its ticker property or its text (entity-text.ts).
 */
export function tickerText(cell: unknown): string | null {
  if (cell === null || cell === undefined) return null;
  const text = (typeof cell === "object" ? entityText(cell) : String(cell)).trim();
  return text === "" ? null : text;
}

// What each function answered for each ticker text, for the engine of the current universe: the engine's answers
// never change, so a recalculation reads them back with one map lookup per cell, as cheap as reading precomputed
// numbers. Kept per lookup (one per function) and per value of its other argument (a basis, a horizon, a field);
// dropped when the universe changes. Capped, so that a sheet of ever-new text cannot grow it without end: past the
// cap, cells are answered as they come.
const MAX_REMEMBERED = 100_000;
type Memo = Map<string, CellValue>;
/** What a function asks the engine for one ticker; `arg` is its other argument (a basis, a horizon, a field). */
export type Lookup<T, A> = (engine: Engine, ticker: string, arg: A) => Outcome<T>;
let rememberedEngine: Engine | null = null;
let remembered = new Map<unknown, Map<unknown, Memo>>();
// The memo asked for last: a formula filled down a column asks for the same one 2,000 times in a row.
let last: { lookup: unknown; arg: unknown; memo: Memo } | null = null;

function rememberedFor(engine: Engine, lookup: unknown, arg: unknown): Memo {
  if (engine !== rememberedEngine) {
    rememberedEngine = engine;
    remembered = new Map();
    last = null;
  }
  if (last && last.lookup === lookup && last.arg === arg) return last.memo;
  let byArg = remembered.get(lookup);
  if (!byArg) remembered.set(lookup, (byArg = new Map()));
  let memo = byArg.get(arg);
  if (!memo) byArg.set(arg, (memo = new Map()));
  last = { lookup, arg, memo };
  return memo;
}

/**
 * One cell's answer. Whatever goes wrong stays in its own cell as a typed error — an unexpected exception too, so
 * one bad company cannot fail a 2,000-row range — and no NaN or infinity ever reaches Excel.
 */
function answerCell<T extends string | number | boolean, A>(
  cell: unknown,
  engine: Engine,
  lookup: Lookup<T, A>,
  arg: A,
): CellValue {
  let ticker: string | null = null;
  try {
    ticker = tickerText(cell);
    if (ticker === null) return "";
    const out = lookup(engine, ticker, arg);
    if (!out.ok) return excelError(out);
    if (typeof out.value === "number" && !Number.isFinite(out.value))
      return notAvailable(`No value for '${ticker}': the result is out of range`);
    return out.value;
  } catch (e) {
    return new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidValue,
      `Internal error for '${ticker ?? "?"}': ${(e as Error)?.message ?? String(e)}. Please report it.`,
    );
  }
}

/** The answer row of a blank one-column cell, shared (Excel only reads it). */
const BLANK_ROW: CellValue[] = Object.freeze([""]) as unknown as CellValue[];

/**
 * The answer to text that cannot be a ticker (outside the ticker character set, docs/snapshot-format.md, or longer
 * than a ticker): one shared error, without asking the engine or remembering the text — a full column of junk took
 * 16–23 s and 800 MB building a message and an error object per cell.
 */
const NOT_A_TICKER_MESSAGE = `Not a ticker: a ticker is 1–16 characters of ${TICKER_CHARACTERS}`;
let notATicker: CustomFunctions.Error | null = null;
function notATickerError(): CustomFunctions.Error {
  return (notATicker ??= notAvailable(NOT_A_TICKER_MESSAGE));
}
const MAX_TICKER_TEXT = 16;

/** One cell's answer (a blank for a blank, the value, or a typed Excel error), remembered by its text. */
function answer<T extends string | number | boolean, A>(
  cell: unknown,
  engine: Engine,
  lookup: Lookup<T, A>,
  arg: A,
  memo: Memo,
): CellValue {
  const known = typeof cell === "string" ? memo.get(cell) : undefined;
  if (known !== undefined) return known;
  if (typeof cell === "string" && !couldBeTicker(cell)) return notATickerError();
  const a = answerCell(cell, engine, lookup, arg);
  if (typeof cell === "string" && memo.size < MAX_REMEMBERED) memo.set(cell, a);
  return a;
}

/**
 * Answers every cell of a ticker matrix in its shape (a lone value, from a caller outside Excel, is read as a 1×1
 * range), reading answers already given from `memo`. The hot path of a range call: plain loops, no closures, and
 * one-cell rows made whole as literals.
 */
export function mapTickers<T extends string | number | boolean, A>(
  tickers: unknown,
  engine: Engine,
  lookup: Lookup<T, A>,
  arg: A,
  memo: Memo = new Map(),
): CellValue[][] {
  const rows: unknown[] = Array.isArray(tickers) ? tickers : [[tickers]];
  // One cell (a formula filled down a column calls once per cell): the answer as a literal, nothing else.
  if (rows.length === 1 && Array.isArray(rows[0]) && rows[0].length === 1)
    return [[answer(rows[0][0], engine, lookup, arg, memo)]];
  const out = new Array<CellValue[]>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row: unknown = rows[r];
    if (!Array.isArray(row)) out[r] = [answer(row, engine, lookup, arg, memo)];
    else if (row.length === 1) {
      const cell: unknown = row[0];
      // A blank cell of a whole-column range: one shared row rather than a million new ones.
      out[r] =
        cell === "" || cell === null || cell === undefined ? BLANK_ROW : [answer(cell, engine, lookup, arg, memo)];
    } else {
      const answers: CellValue[] = [];
      for (let c = 0; c < row.length; c++) answers.push(answer(row[c], engine, lookup, arg, memo));
      out[r] = answers;
    }
  }
  return out;
}

/**
 * Answers every ticker cell from the universe's engine; a failed argument is one error cell. When the universe is
 * loaded and nothing is loading, at once, without a promise of its own (a formula filled down a column is one call
 * per cell); otherwise once the universe is ready.
 */
export function answerTickers<T extends string | number | boolean, A>(
  tickers: unknown,
  lookup: Lookup<T, A>,
  arg: A,
): CellValue[][] | Promise<CellValue[][]> {
  const now = engineNow();
  if (now) return mapTickers(tickers, now, lookup, arg, rememberedFor(now, lookup, arg));
  return currentEngine().then((e) =>
    e.ok ? mapTickers(tickers, e.engine, lookup, arg, rememberedFor(e.engine, lookup, arg)) : [[excelError(e)]],
  );
}
