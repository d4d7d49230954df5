// Tickers are matched case- and space-insensitively, with share-class spellings alike: BRK.B = BRK-B = BRK B = brk/b.
// Most tickers are already in that form (ABCD, BRK.B): they are recognised without building new strings, which
// matters where every cell of a 2,000-row range call is looked up.
import { codePointName, hasHiddenCharacters, showHidden } from "./text";

/**
 * The ticker character set (docs/snapshot-format.md#companies): ASCII letters and digits, and the share-class
 * separators `.` `-` `/` `_` and space, with at least one letter or digit. A zero-width space, a soft hyphen or a
 * Cyrillic letter would otherwise make a look-alike of another company's ticker that is a different key.
 */
const TICKER_TEXT = /^[A-Za-z0-9 ./_-]+$/;
const HAS_ALNUM = /[A-Za-z0-9]/;
export const TICKER_CHARACTERS = "A–Z, a–z, 0–9 and the separators . - / _ and space";

/** True for text in the ticker character set (no message built: range calls ask this of every cell). */
export function isTickerText(raw: string): boolean {
  return TICKER_TEXT.test(raw) && HAS_ALNUM.test(raw);
}

/** Null for a ticker in the character set; else the reason, naming the first character outside it. */
export function tickerProblem(raw: string): string | null {
  if (TICKER_TEXT.test(raw) && HAS_ALNUM.test(raw)) return null;
  const bad = [...raw].find((ch) => !TICKER_TEXT.test(ch));
  const what =
    bad === undefined
      ? "no letter or digit"
      : hasHiddenCharacters(bad)
        ? `the hidden character ${codePointName(bad)}`
        : `the character '${bad}' (${codePointName(bad)})`;
  return `ticker '${showHidden(raw)}' has ${what}; tickers use ${TICKER_CHARACTERS}`;
}

const NORMAL = /^[A-Z0-9]+(?:\.[A-Z0-9]+)*$/;

export function normalizeTicker(raw: string): string {
  if (NORMAL.test(raw)) return raw;
  return raw
    .trim()
    .toUpperCase()
    .replace(/[\s./_-]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
}
