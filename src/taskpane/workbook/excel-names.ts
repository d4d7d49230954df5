// Names Excel is strict about: structured references to a table column, sheet names and table names, and picking
// the next free one ("Qualis 1", "Qualis 2", …) among those a workbook already uses.

/** The this-row reference to a table column in a calculated column: [@Ticker], or [@[Market cap ($m)]]. */
export function thisRowRef(header: string): string {
  // Inside a column specifier, ' [ ] # must be escaped with a leading apostrophe; anything beyond letters, digits
  // and underscores needs the inner brackets.
  const escaped = header.replace(/['[\]#]/g, "'$&");
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(header) ? `[@${escaped}]` : `[@[${escaped}]]`;
}

/** The first of `${base}${sep}1`, `${base}${sep}2`, … not among `taken` (compared case-insensitively, as Excel does). */
export function nextFreeName(base: string, sep: string, taken: Iterable<string>): string {
  const used = new Set(Array.from(taken, (n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const candidate = `${base}${sep}${i}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** `base` itself when it is free, else the next free `${base}_2`, `${base}_3`, … */
export function freeName(base: string, taken: Iterable<string>): string {
  const used = new Set(Array.from(taken, (n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}_${i}`.toLowerCase())) return `${base}_${i}`;
}

/** Quotes a sheet name for an A1 reference: 'My sheet'!A1 (apostrophes doubled). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Column letters for a zero-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a block given zero-based top-left and size: (1, 0, 3, 2) → A2:B4. */
export function a1(row: number, col: number, rows = 1, cols = 1): string {
  const tl = `${columnLetters(col)}${row + 1}`;
  return rows === 1 && cols === 1 ? tl : `${tl}:${columnLetters(col + cols - 1)}${row + rows}`;
}
