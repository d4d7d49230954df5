// Tickers are matched case- and space-insensitively, with share-class spellings alike: BRK.B = BRK-B = BRK B = brk/b.
// Most tickers are already in that form (ABCD, BRK.B): they are recognised without building new strings, which
// matters where every cell of a 2,000-row range call is looked up.
const NORMAL = /^[A-Z0-9]+(?:\.[A-Z0-9]+)*$/;

export function normalizeTicker(raw: string): string {
  if (NORMAL.test(raw)) return raw;
  return raw
    .trim()
    .toUpperCase()
    .replace(/[\s./_-]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
}
