// Tickers are matched case- and space-insensitively, with share-class spellings alike: BRK.B = BRK-B = BRK B = brk/b.
export function normalizeTicker(raw: string): string {
  return raw
    .trim()
    .toUpperCase()
    .replace(/[\s./_-]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
}
