// The holdings reader (parseHoldingsCsv, loadHoldingsCsv and the pane's importHoldingsCsv) over generated files: any
// text at all, and iShares-shaped exports whose every cell may be hostile — any Unicode, formula-like text, numbers
// written every way (and some that overflow), missing and reordered columns, bad dates, long names, quotes, CRLF,
// an Excel re-save. Never a throw other than HoldingsFormatError; whatever the reader accepts, the snapshot schema
// accepts too (so the store never refuses a file the reader said was fine); nothing is dropped silently.
import fc from "fast-check";
import { HoldingsFormatError, loadHoldingsCsv, parseHoldingsCsv } from "../../src/data/sources/holdings";
import { parseHoldingsDate, parseHoldingsNumber } from "../../src/data/sources/holdings/parse-holdings";
import { encodeSnapshot } from "../../src/data/snapshot-codec";
import { summarizeProblems, validateSnapshot } from "../../src/data/snapshot-validate";
import { SECTORS } from "../../src/model/sectors";
import { normalizeTicker } from "../../src/model/tickers";
import { importHoldingsCsv } from "../../src/taskpane/holdings-source";
import { excelResave } from "../fixtures/holdings/excel-resave";
import { anyText } from "./arbitraries";
import { show } from "./contract";
import { check, printCounts, tally } from "./runs";

jest.setTimeout(20 * 60_000);

afterAll(() => printCounts("holdings"));

const COLUMNS = [
  "Ticker",
  "Name",
  "Sector",
  "Asset Class",
  "Market Value",
  "Weight (%)",
  "Notional Value",
  "Quantity",
  "Price",
  "Location",
  "Exchange",
  "Currency",
  "FX Rate",
  "Market Currency",
  "Accrual Date",
];

const fmt = (n: number) => n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A number as an export or a user's spreadsheet might write it — and some that are not numbers, or overflow. */
const numberText = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 0, max: 1e10, noNaN: true }).map(fmt) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "-",
      "",
      "--",
      "n/a",
      "(1,234.00)",
      "$3.10",
      "0.00",
      "0",
      "1e400",
      "-1e400",
      `1${"0".repeat(400)}`,
      "1e-400",
      ".5",
      "+7",
      "1,2,3",
      "∞",
      "NaN",
      "Infinity",
    ),
  },
  { weight: 1, arbitrary: anyText(8) },
);

/** Text cells, formula-like ones included (a name or ticker crafted to run in Excel). */
const FORMULA_LIKE = [
  '=HYPERLINK("http://evil.example","x")',
  "@SUM(1,2)",
  "+cmd|' /C calc'!A0",
  "-2+3",
  "=1+1",
  "'=quoted",
];
const tickerText = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Z]{1,5}([. /-][A-Z])?$/) },
  { weight: 1, arbitrary: fc.constantFrom("-", "", "USD", ...FORMULA_LIKE, "BRK.B", "brk b", "A".repeat(40)) },
  { weight: 1, arbitrary: anyText(20) },
);
const nameText = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Z][A-Z &.,'-]{0,40}$/) },
  { weight: 1, arbitrary: fc.constantFrom(...FORMULA_LIKE) },
  { weight: 1, arbitrary: anyText(260) },
);

const row = fc.record({
  Ticker: tickerText,
  Name: nameText,
  Sector: fc.oneof(
    fc.constantFrom(...SECTORS, "Cash and/or Derivatives", "Other", "Communication Services", "information technology"),
    anyText(12),
  ),
  "Asset Class": fc.oneof(
    { weight: 6, arbitrary: fc.constant("Equity") },
    { weight: 2, arbitrary: fc.constantFrom("Cash", "Money Market", "Futures", "equity", "EQUITY ") },
    { weight: 1, arbitrary: anyText(8) },
  ),
  "Market Value": numberText,
  "Weight (%)": numberText,
  "Notional Value": numberText,
  Quantity: numberText,
  Price: numberText,
  Location: fc.constantFrom("United States", "-", ""),
  Exchange: fc.oneof(
    fc.constantFrom("NASDAQ", "New York Stock Exchange Inc.", "Nyse Mkt Llc", "-", "NO MARKET (E.G. UNLISTED)"),
    anyText(10),
  ),
  Currency: fc.constantFrom("USD", "-"),
  "FX Rate": fc.constant("1.00"),
  "Market Currency": fc.constant("USD"),
  "Accrual Date": fc.constant("-"),
});

/** A CSV field: quoted as the export quotes (doubling inner quotes), or bare — which breaks on commas and quotes. */
const csvField = (s: string, quote: boolean) => (quote ? `"${s.replace(/"/g, '""')}"` : s);

const FUNDS = [
  "iShares Russell 2000 ETF",
  "iShares Russell 1000 ETF",
  "iShares Russell 3000 ETF",
  "iShares Core S&P Small-Cap ETF",
];
const DATES = [
  "Apr 10, 2026",
  "April 10, 2026",
  "10-Apr-26",
  "4/10/2026",
  "2026-04-10",
  "Feb 30, 2026",
  "Apr 10, 0026",
  "Apr 10, 9999",
  "13/45/2026",
  "",
  "-",
];

/** The column header's line in the files made here (after the fund name, three header pairs and a blank line). */
const HEADER_LINE = 6;

const exportFile = fc
  .record({
    bom: fc.boolean(),
    fund: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...FUNDS) },
      { weight: 1, arbitrary: anyText(150) },
      { weight: 1, arbitrary: fc.constant("iShares ".repeat(40)) },
    ),
    asOf: fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...DATES.slice(0, 5)) },
      { weight: 2, arbitrary: fc.constantFrom(...DATES.slice(5)) },
      { weight: 1, arbitrary: anyText(12) },
    ),
    columns: fc.oneof(
      { weight: 4, arbitrary: fc.constant(COLUMNS) },
      { weight: 1, arbitrary: fc.shuffledSubarray(COLUMNS, { minLength: 5 }) },
    ),
    rows: fc.array(row, { minLength: 0, maxLength: 30 }),
    quoteAll: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    shortRow: fc.option(fc.nat(), { nil: undefined }),
    crlf: fc.boolean(),
    resave: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    footer: fc.constantFrom(
      "",
      '\u00a0\n"The content contained herein is owned or licensed by BlackRock.\nHoldings subject to change."',
      "Footer text without a blank line",
    ),
  })
  .map((f) => {
    const lines = [
      `${f.bom ? "\ufeff" : ""}${f.fund}`,
      `Fund Holdings as of,${csvField(f.asOf, true)}`,
      'Inception Date,"May 22, 2000"',
      'Shares Outstanding,"280,200,000.00"',
      "\u00a0",
      f.columns.join(","),
      ...f.rows.map((r, i) => {
        const cells = f.columns.map((c) => csvField(r[c as keyof typeof r], f.quoteAll));
        return (
          f.shortRow !== undefined && i === f.shortRow % Math.max(1, f.rows.length) ? cells.slice(0, 3) : cells
        ).join(",");
      }),
      f.footer,
    ];
    const text = lines.join(f.crlf ? "\r\n" : "\n");
    return { text: f.resave ? excelResave(text) : text, rows: f.rows.length };
  });

/** parseHoldingsCsv either reads the file or says plainly it is not an iShares export — nothing else. */
function readOrRefuse<T>(read: () => T): { ok: true; value: T } | { ok: false; message: string } {
  try {
    return { ok: true, value: read() };
  } catch (e) {
    if (!(e instanceof HoldingsFormatError))
      throw new Error(`threw ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`);
    if (!e.message.trim()) throw new Error("a HoldingsFormatError without a message");
    return { ok: false, message: e.message };
  }
}

test("parseHoldingsCsv: any text", async () => {
  const target = "parseHoldingsCsv(any text)";
  await check(
    target,
    fc.property(
      fc.oneof(
        anyText(300),
        exportFile.map((f) => f.text.slice(0, 400)),
        fc.constantFrom("", "\ufeff", "Ticker,Asset Class\n", '"'),
      ),
      (text) => {
        tally(target);
        const r = readOrRefuse(() => parseHoldingsCsv(text));
        if (r.ok && r.value.holdings.length + r.value.skipped.length > r.value.rowsRead)
          throw new Error(`more rows kept and skipped than read in ${show(text)}`);
      },
    ),
  );
});

test("loadHoldingsCsv and the pane's import: iShares-shaped files with hostile cells", async () => {
  const target = "loadHoldingsCsv(generated export)";
  await check(
    target,
    fc.asyncProperty(
      exportFile,
      fc.constantFrom("IWM.csv", "=cmd|' /C calc'!A0.csv", `${"long name ".repeat(30)}.csv`),
      async (file, fileName) => {
        tally(target);
        const r = readOrRefuse(() => loadHoldingsCsv(file.text, fileName));
        if (r.ok) {
          const { universe, report } = r.value;
          // The store validates every universe it is given: the reader must never hand it one it refuses.
          const v = validateSnapshot(encodeSnapshot(universe));
          if (!v.ok)
            throw new Error(`the reader accepted a file the snapshot schema refuses: ${summarizeProblems(v.problems)}`);
          const keys = universe.companies.map((c) => normalizeTicker(c.ticker));
          if (new Set(keys).size !== keys.length) throw new Error("duplicate tickers kept");
          // Nothing dropped silently: every row of the table is a company, a skipped row, or a row reported as a problem.
          const parsed = parseHoldingsCsv(file.text);
          const kept = new Set(parsed.holdings.map((h) => h.line));
          const inTable = (line: number) =>
            line > HEADER_LINE && (report.footer.fromLine === null || line < report.footer.fromLine);
          const skipped = new Set(report.skipped.map((r) => r.line));
          const problemRows = new Set(
            report.problems
              .filter((p) => inTable(p.line) && !kept.has(p.line) && !skipped.has(p.line))
              .map((p) => p.line),
          );
          const refused = new Set(
            report.problems.filter((p) => kept.has(p.line) && p.message.endsWith("; not read")).map((p) => p.line),
          );
          if (
            parsed.holdings.length + report.skipped.length + problemRows.size !== report.rowsRead ||
            report.companies !== kept.size - refused.size
          ) {
            throw new Error(
              `rows unaccounted for: ${report.rowsRead} read, ${parsed.holdings.length} holdings (${refused.size} refused), ${report.skipped.length} skipped, ${problemRows.size} rows with problems`,
            );
          }
        }
        const pane = await importHoldingsCsv(file.text, fileName);
        if (pane.ok !== r.ok) throw new Error("the pane's import and the reader disagree");
        if (!pane.ok && !pane.message.trim()) throw new Error("the pane's refusal has no message");
      },
    ),
  );
});

test("dates and numbers as written: the value written, or none — never another one", async () => {
  const target = "parseHoldingsDate/Number(as written)";
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  await check(
    target,
    fc.property(
      fc.integer({ min: 1, max: 9999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 }),
      fc.nat(4),
      fc.double({ noNaN: true }),
      (y, m, d, style, x) => {
        tally(target);
        const yyyy = String(y).padStart(4, "0");
        const written = [
          `${MONTHS[m - 1]} ${d}, ${yyyy}`,
          `${d}-${MONTHS[m - 1]}-${yyyy}`,
          `${m}/${d}/${yyyy}`,
          `${yyyy}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
          `${d} ${MONTHS[m - 1]} ${yyyy}`,
        ][style]!;
        const real = new Date(0);
        real.setUTCFullYear(y, m - 1, d);
        const exists = real.getUTCDate() === d;
        const got = parseHoldingsDate(written);
        const want = `${yyyy}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        if (got !== (exists ? want : null))
          throw new Error(`'${written}' read as ${got}, expected ${exists ? want : null}`);
        const n = parseHoldingsNumber(String(x));
        if (Number.isFinite(x) ? n !== x && !(n === 0 && x === 0) : !Number.isNaN(n))
          throw new Error(`'${x}' read as ${n}`);
      },
    ),
  );
});
