// Reads an iShares holdings export (IWM, IWB, IWV … any iShares equity fund) as it comes from the website or after
// Excel has re-saved it. Pure: text in, {fund, asOf, holdings, skipped, problems} out — no Node APIs, so the task
// pane runs it on a file the user picks. CSV splitting is papaparse's (quoted fields, embedded newlines, the
// multi-line legal footer); everything iShares-specific is here.
//
// The layout, as exported (see ../shared/fixtures/README.md):
//   line 1     the fund's name ("iShares Russell 2000 ETF"), after a UTF-8 byte-order mark
//   lines 2–8  "label,value" pairs: "Fund Holdings as of","Apr 10, 2026"; Inception Date; Shares Outstanding; …
//   line 9     a non-breaking space (not an empty line)
//   line 10    the 15-column header: Ticker, Name, Sector, Asset Class, Market Value, Weight (%), Notional Value,
//              Quantity, Price, Location, Exchange, Currency, FX Rate, Market Currency, Accrual Date
//   then       one row per holding, every value quoted, numbers with thousands separators, "-" for missing;
//              non-equity rows (cash, money market, futures: Asset Class ≠ Equity); "-" tickers (unlisted rights)
//   then       a blank (non-breaking-space) line and a legal footer of free text (one quoted multi-line field).
// After Excel re-saves it: numbers unquoted and without separators, dates like 10-Apr-26, short rows padded with
// trailing commas, CRLF line ends, maybe no byte-order mark. Both read the same.
//
// Nothing is dropped silently: every row of the table is a holding, a `skipped` row (non-equity, "-" ticker,
// not a company — CVR, escrow, rights, price 0 —, duplicate ticker — with its line and reason) or a `problem` (a row that could not be read — with its line and
// reason). Columns are found by their header names, so a reordered export reads too.
import Papa from "papaparse";
import { parseSector, type Sector } from "../../../model/sectors";
import { cleanDisplayText } from "../../../model/text";
import { AS_OF_YEARS } from "../../snapshot-schema";
import { normalizeTicker, tickerProblem } from "../../../model/tickers";

export interface HoldingRow {
  /** Line of the file the row starts on (1-based, counting the fund-name line as 1). */
  line: number;
  ticker: string;
  name: string;
  /** The sector as written, and as a GICS sector (null where it is not one: reported in `problems`). */
  sectorText: string;
  sector: Sector | null;
  assetClass: string;
  /** USD. */
  marketValue: number | null;
  /** Percent of the fund, as written (two decimals in the export). */
  weight: number | null;
  notionalValue: number | null;
  quantity: number | null;
  /** USD per share; null where missing or 0 (a suspended or written-off line). */
  price: number | null;
  location: string | null;
  /** Exchange in one spelling across export vintages ("New York Stock Exchange Inc." and "NYSE" → "NYSE"). */
  exchange: string | null;
  /** Exchange as written. */
  exchangeText: string | null;
  currency: string | null;
}

export type SkipReason = "non-equity" | "no ticker" | "not a company" | "duplicate ticker";

/**
 * Equity lines that are not a listed company's shares: contingent value rights ("… INC CVR", "… - CVR"), escrow
 * remnants, subscription rights ("MPTI RT", "… RIGHTS EXPIRY …") and lines priced at 0 (written-off remnants of
 * acquired or bankrupt companies). Left in, they became constituents with caps of a few dollars. "CVR ENERGY INC"
 * is a company: CVR counts only as the last word.
 */
export function notACompany(ticker: string, name: string, price: number | null): string | null {
  if (/(^|[\s-])CVRS?$/i.test(name.trim())) return "a contingent value right (CVR)";
  if (/\bESCROW\b/i.test(name)) return "an escrow line";
  if (/\sRTS?$/i.test(ticker.trim()) || /\bRIGHTS?\s+EXP/i.test(name)) return "subscription rights";
  if (price === 0) return "priced at 0 (a written-off remnant)";
  return null;
}

export interface SkippedRow {
  line: number;
  reason: SkipReason;
  ticker: string;
  name: string;
  /** Plain words: "Asset Class 'Cash'", "ticker '-' (unlisted)", "same ticker as line 1873". */
  detail: string;
}

export interface HoldingsProblem {
  /** 0 for the file as a whole. */
  line: number;
  message: string;
}

export interface FundInfo {
  /** As written on line 1, e.g. "iShares Russell 2000 ETF". */
  name: string;
}

export interface ParsedHoldings {
  fund: FundInfo;
  /** "Fund Holdings as of", YYYY-MM-DD; null where missing or unreadable (then also a problem). */
  asOf: string | null;
  /** Every "label,value" pair of the header block, label → value as written. */
  header: ReadonlyMap<string, string>;
  /** Data rows of the holdings table (equity or not), not counting the column header, blanks or footer. */
  rowsRead: number;
  /** Rows whose Asset Class is Equity (kept, or skipped for a "-" or duplicate ticker). */
  equityRows: number;
  /** USD: the market value of all equity rows, the base of the float-adjusted weights. */
  equityMarketValue: number;
  holdings: HoldingRow[];
  skipped: SkippedRow[];
  problems: HoldingsProblem[];
  /** Rows of free text after the table (the legal footer: one quoted multi-line row), from `footerFromLine`. */
  footerLines: number;
  footerFromLine: number | null;
}

/** Thrown where the text is not an iShares holdings export at all (no column header). */
export class HoldingsFormatError extends Error {}

// ── Columns ──────────────────────────────────────────────────────────────────────────────────────────────────

const COLUMNS = {
  ticker: "ticker",
  name: "name",
  sector: "sector",
  assetClass: "asset class",
  marketValue: "market value",
  weight: "weight (%)",
  notionalValue: "notional value",
  quantity: "quantity",
  price: "price",
  location: "location",
  exchange: "exchange",
  currency: "currency",
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = ["ticker", "name", "sector", "assetClass", "marketValue", "weight", "price"];

// ── Values ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Whitespace, non-breaking spaces, and what a lost non-breaking space decodes to (U+FFFD). */
const BLANK = /^[\s\u00a0\ufeff\ufffd]*$/;

function clean(s: string | undefined): string {
  return (s ?? "").replace(/^[\s\u00a0\ufeff]+|[\s\u00a0]+$/g, "");
}

function isMissing(s: string): boolean {
  return s === "" || s === "-" || s === "--" || s === "\u2013";
}

/** "1,234.50", "1234.5", "(12.00)", "$3.10" → number; "-" or "" → null; anything else (or beyond a double) → NaN (a problem). */
export function parseHoldingsNumber(raw: string): number | null {
  const s = clean(raw);
  if (isMissing(s)) return null;
  const neg = /^\(.*\)$/.test(s);
  const body = (neg ? s.slice(1, -1) : s).replace(/[,\s\u00a0$]/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(body)) return Number.NaN;
  const n = Number(body);
  if (!Number.isFinite(n)) return Number.NaN; // "1e400": no finite number, so not one a snapshot can hold
  return neg ? -n : n;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function isoDate(y: number, m: number, d: number): string | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d); // not Date.UTC, which reads years 0–99 as 1900–1999
  if (date.getUTCMonth() !== m - 1 || y > 9999) return null;
  return date.toISOString().slice(0, 10);
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * A date as iShares or Excel writes it: "Apr 10, 2026", "April 10, 2026", "10-Apr-26", "10-Apr-2026",
 * "10 Apr 2026", "4/10/2026" (US order: month first), "2026-04-10". Null where it is none of these.
 */
export function parseHoldingsDate(raw: string): string | null {
  const s = clean(raw);
  let m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(s);
  if (m) return isoDate(Number(m[3]), monthOf(m[1]!), Number(m[2]));
  m = /^(\d{1,2})[- ]([A-Za-z]{3,9})[- ](\d{2}|\d{4})$/.exec(s);
  if (m) return isoDate(fullYear(m[3]!), monthOf(m[2]!), Number(m[1]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s);
  if (m) return isoDate(fullYear(m[3]!), Number(m[1]), Number(m[2]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

const EXCHANGES: readonly [RegExp, string][] = [
  [/^(new york stock exchange( inc\.?)?|nyse)$/i, "NYSE"],
  [/^(nyse mkt( llc)?|nyse american|nyse amex)$/i, "NYSE American"],
  [/^nyse arca$/i, "NYSE Arca"],
  [/^nasdaq/i, "NASDAQ"],
  [/^cboe bzx|^bats/i, "Cboe BZX"],
  [/^non-nms quotation service|^otc/i, "OTC"],
  [/^no market/i, "Unlisted"],
];

/** One spelling per exchange across export vintages; other names are kept as written. */
export function normalizeExchange(raw: string): string | null {
  const s = clean(raw);
  if (isMissing(s)) return null;
  for (const [re, name] of EXCHANGES) if (re.test(s)) return name;
  return s;
}

// ── Reading ──────────────────────────────────────────────────────────────────────────────────────────────────

interface RawRow {
  line: number;
  fields: string[];
}

/**
 * The CSV as rows with the line each starts on. CRLF and CR line ends are read as LF first. Every leading byte-order
 * mark goes (a file saved twice by a BOM-adding tool has two): papaparse drops one itself, which would put its
 * positions one behind ours and every line number after it.
 */
function splitRows(text: string): RawRow[] {
  const body = text.replace(/^\ufeff+/, "").replace(/\r\n?/g, "\n");
  const rows: RawRow[] = [];
  let line = 1;
  let consumed = 0;
  Papa.parse<string[]>(body, {
    delimiter: ",",
    newline: "\n",
    skipEmptyLines: false,
    step: (result) => {
      rows.push({ line, fields: result.data });
      const end = result.meta.cursor;
      for (let i = consumed; i < end; i++) if (body.charCodeAt(i) === 10) line++;
      consumed = end;
    },
  });
  return rows;
}

/** The place of a holding that a larger listing of the same ticker replaced (dropped once, at the end). */
const REPLACED = Object.freeze({}) as HoldingRow;

/** The row's fields without the empty ones Excel pads short rows with. */
function trimTrailing(fields: string[]): string[] {
  let n = fields.length;
  while (n > 0 && BLANK.test(fields[n - 1]!)) n--;
  return fields.slice(0, n);
}

function isBlankRow(fields: string[]): boolean {
  return fields.every((f) => BLANK.test(f));
}

export function parseHoldingsCsv(text: string): ParsedHoldings {
  const rows = splitRows(text);
  const headerAt = rows.findIndex((r) => {
    const f = r.fields.map((x) => clean(x).toLowerCase());
    return f[0] === "ticker" && f.includes("asset class");
  });
  if (headerAt < 0) {
    throw new HoldingsFormatError(
      "Not an iShares holdings file: no column header row starting with 'Ticker' and naming 'Asset Class' was found.",
    );
  }

  // Header block: line 1 is the fund's name, then "label,value" pairs.
  const problems: HoldingsProblem[] = [];
  const fundName = cleanDisplayText(clean(rows[0] && headerAt > 0 ? trimTrailing(rows[0].fields)[0] : ""));
  if (!fundName) problems.push({ line: 1, message: "no fund name on line 1" });
  // A Map: the labels are the file's, and a label such as "__proto__" is just a label (docs/security.md, class 8).
  const header = new Map<string, string>();
  for (const r of rows.slice(1, headerAt)) {
    const f = trimTrailing(r.fields).map(clean);
    if (f.length >= 2 && f[0]) header.set(f[0], f[1]!);
  }
  const asOfKey = [...header.keys()].find((k) => /holdings as of/i.test(k));
  let asOf: string | null = null;
  if (!asOfKey) problems.push({ line: 0, message: "no 'Fund Holdings as of' line in the header block" });
  else {
    asOf = parseHoldingsDate(header.get(asOfKey)!);
    const line = () => rows.find((r) => clean(r.fields[0]) === asOfKey)?.line ?? 0;
    const year = asOf === null ? 0 : Number(asOf.slice(0, 4));
    if (!asOf) problems.push({ line: line(), message: `unreadable as-of date '${header.get(asOfKey)}'` });
    else if (year < AS_OF_YEARS.min || year > AS_OF_YEARS.max) {
      // The snapshot's sane range (docs/snapshot-format.md): a year like 9999 is a typo, not data.
      problems.push({
        line: line(),
        message: `as-of date '${header.get(asOfKey)}' is outside the years ${AS_OF_YEARS.min}–${AS_OF_YEARS.max}`,
      });
      asOf = null;
    }
  }

  // Columns by name.
  const names = rows[headerAt]!.fields.map((x) => clean(x).toLowerCase());
  const col = {} as Record<Column, number>;
  for (const [key, label] of Object.entries(COLUMNS) as [Column, string][]) col[key] = names.indexOf(label);
  const missing = REQUIRED.filter((k) => col[k] < 0);
  if (missing.length > 0) {
    throw new HoldingsFormatError(
      `Not an iShares equity holdings file: the column header (line ${rows[headerAt]!.line}) has no ${missing.map((k) => `'${COLUMNS[k]}'`).join(", ")} column.`,
    );
  }
  const width = trimTrailing(rows[headerAt]!.fields).length;
  const label = (k: Column) => clean(rows[headerAt]!.fields[col[k]]);

  let holdings: HoldingRow[] = [];
  const skipped: SkippedRow[] = [];
  const keptAt = new Map<string, number>();
  let rowsRead = 0;
  let equityRows = 0;
  let equityMarketValue = 0;
  let footerFromLine: number | null = null;
  let footerLines = 0;

  for (const r of rows.slice(headerAt + 1)) {
    if (footerFromLine !== null) {
      if (isBlankRow(r.fields)) continue;
      footerLines++;
      // The footer is free text; a row that looks like a holding there is reported, never taken or lost.
      const f = trimTrailing(r.fields);
      if (f.length > 3)
        problems.push({
          line: r.line,
          message: "a row like a holding after the end of the table (after the blank line); not read",
        });
      continue;
    }
    if (isBlankRow(r.fields)) {
      if (rowsRead > 0) footerFromLine = r.line;
      continue;
    }
    const f = trimTrailing(r.fields);
    if (f.length === 1) {
      // Free text straight after the table, without the usual blank line: the footer.
      footerFromLine = r.line;
      footerLines++;
      continue;
    }
    rowsRead++;
    if (f.length > width) {
      problems.push({ line: r.line, message: `${f.length} values where the header has ${width} columns` });
      continue;
    }
    const get = (k: Column) => (col[k] >= 0 ? clean(f[col[k]]) : "");
    const assetClass = get("assetClass");
    const ticker = get("ticker");
    const name = cleanDisplayText(get("name"));
    if (REQUIRED.some((k) => col[k] >= f.length)) {
      problems.push({ line: r.line, message: `only ${f.length} values where the header has ${width} columns` });
      continue;
    }
    if (assetClass.toLowerCase() !== "equity") {
      skipped.push({
        line: r.line,
        reason: "non-equity",
        ticker,
        name,
        detail: `Asset Class '${assetClass || "(empty)"}'`,
      });
      continue;
    }
    equityRows++;
    const mv = parseHoldingsNumber(get("marketValue"));
    if (mv !== null && Number.isFinite(mv)) equityMarketValue += mv;
    if (isMissing(ticker)) {
      skipped.push({
        line: r.line,
        reason: "no ticker",
        ticker,
        name,
        detail: `ticker '${ticker || "(empty)"}' (not listed)`,
      });
      continue;
    }
    const notTicker = tickerProblem(ticker);
    if (notTicker) {
      problems.push({ line: r.line, message: `${notTicker}; not read` });
      continue;
    }
    const nums = { marketValue: 0, weight: 0, notionalValue: 0, quantity: 0, price: 0 } as Record<
      "marketValue" | "weight" | "notionalValue" | "quantity" | "price",
      number | null
    >;
    const bad: string[] = [];
    for (const k of Object.keys(nums) as (keyof typeof nums)[]) {
      const raw = get(k);
      const n = parseHoldingsNumber(raw);
      if (n !== null && Number.isNaN(n)) bad.push(`${label(k)} '${raw}' is not a number`);
      nums[k] = n;
    }
    if (bad.length > 0) {
      problems.push({ line: r.line, message: `${ticker}: ${bad.join("; ")}` });
      continue;
    }
    const why = notACompany(ticker, name, nums.price);
    if (why !== null) {
      skipped.push({ line: r.line, reason: "not a company", ticker, name, detail: why });
      continue;
    }
    const key = normalizeTicker(ticker);
    const kept = keptAt.get(key);
    if (kept !== undefined) {
      // Two rows, one ticker (a stock and its CVR): the larger position stays, the other is reported.
      const other = holdings[kept]!;
      const detail = (line: number) => `same ticker as line ${line}; the larger position is kept`;
      if ((nums.marketValue ?? 0) <= (other.marketValue ?? 0)) {
        skipped.push({ line: r.line, reason: "duplicate ticker", ticker, name, detail: detail(other.line) });
        continue;
      }
      skipped.push({
        line: other.line,
        reason: "duplicate ticker",
        ticker: other.ticker,
        name: other.name,
        detail: detail(r.line),
      });
      // Marked, not spliced: removing from the middle and renumbering every later index made a file that lists
      // each ticker twice quadratic (40,000 rows took 34 s); the marks are dropped once at the end.
      holdings[kept] = REPLACED;
    }
    keptAt.set(key, holdings.length);
    const sectorText = get("sector");
    const sector = parseSector(sectorText);
    if (!sector)
      problems.push({
        line: r.line,
        message: `${ticker}: sector '${sectorText}' is not a GICS sector; kept without a sector`,
      });
    const exchangeText = get("exchange") || null;
    holdings.push({
      line: r.line,
      ticker,
      name,
      sectorText,
      sector,
      assetClass,
      marketValue: nums.marketValue,
      weight: nums.weight,
      notionalValue: nums.notionalValue,
      quantity: nums.quantity,
      price: nums.price !== null && nums.price > 0 ? nums.price : null,
      location: isMissing(get("location")) ? null : get("location"),
      exchange: exchangeText ? normalizeExchange(exchangeText) : null,
      exchangeText: exchangeText && !isMissing(exchangeText) ? exchangeText : null,
      currency: isMissing(get("currency")) ? null : get("currency"),
    });
  }
  if (holdings.includes(REPLACED)) holdings = holdings.filter((h) => h !== REPLACED);
  skipped.sort((a, b) => a.line - b.line);
  if (rowsRead === 0) problems.push({ line: rows[headerAt]!.line, message: "the holdings table is empty" });

  return {
    fund: { name: fundName },
    asOf,
    header,
    rowsRead,
    equityRows,
    equityMarketValue,
    holdings,
    skipped,
    problems,
    footerLines,
    footerFromLine,
  };
}
