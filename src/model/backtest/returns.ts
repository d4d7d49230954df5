// Price returns between two holdings dates (docs/methodology.md, "Evidence: factor backtests"). Pure: the holdings
// rows come in already read.
//
// - A start name is matched to the end by ticker (share-class spellings alike); failing that, by company name, where
//   exactly one end name not held at the start has the same name once case, punctuation and suffixes such as Inc,
//   Corp, Class A are set aside (a ticker change: the return is still the company's).
// - A name with no end price after that is counted in `left` (it left the index: acquired, delisted, moved up or
//   out). Survivorship is stated, not hidden.
// - Splits, from the funds' Quantity column: the fund's quantity of a stock moves with the fund's own size, so each
//   name's quantity ratio (end ÷ start) is divided by the median ratio over all names with both. Where that relative
//   ratio is within 5% of a whole number k ≥ 2 (a k-for-1 split) or of 1/k (a 1-for-k reverse split) — above 10, a
//   multiple of 5 is preferred where it is as near — the quantity move is a suspected split. Holdings alone cannot
//   tell a split from a float change of the same size (an IPO's lock-up ending, a large issue), so the end price is
//   multiplied by k only where the price moved the other way by more than half the split (in log terms: the
//   adjusted return is nearer 0 than the unadjusted one). Adjusted splits and suspects left unadjusted are both
//   listed by ticker, so each can be checked.
import { normalizeTicker } from "../tickers";

export interface PricePoint {
  ticker: string;
  name: string | null;
  /** USD per share; null where missing. */
  price: number | null;
  /** Shares the fund holds; null where unknown (a price file): no split detection then. */
  quantity: number | null;
}

export interface SplitAdjustment {
  ticker: string;
  /** Shares after per share before: 2 for a 2-for-1 split, 0.1 for a 1-for-10 reverse split. */
  ratio: number;
  /** The name's quantity ratio over the fund's median ratio. */
  relativeQuantityRatio: number;
  unadjustedReturn: number;
  adjustedReturn: number;
}

export interface Rename {
  from: string;
  to: string;
  name: string;
}

export interface PriceReturns {
  /** Normalised start ticker → price return (a fraction). */
  returns: Map<string, number>;
  /** Start tickers (as written) with a start price and no end price. */
  left: string[];
  /** Start tickers with no start price (no return can be measured). */
  noStartPrice: string[];
  renamed: Rename[];
  splits: SplitAdjustment[];
  /** Suspected splits left unadjusted (the price did not move the other way by more than half the split). */
  suspects: SplitAdjustment[];
  /** The median end ÷ start quantity ratio (the fund's own growth), or null without quantities. */
  fundScale: number | null;
}

const SUFFIXES = new Set([
  "INC",
  "INCORPORATED",
  "CORP",
  "CORPORATION",
  "CO",
  "COMPANY",
  "LTD",
  "LIMITED",
  "PLC",
  "LLC",
  "LP",
  "THE",
  "CLASS",
  "CL",
  "SA",
  "NV",
  "AG",
  "SHS",
  "COMMON",
  "STOCK",
]);

/** A company name with case, punctuation, corporate suffixes and share-class letters set aside. */
export function companyKey(name: string): string {
  return name
    .toUpperCase()
    .replace(/&/g, " AND ")
    .replace(/[^A-Z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((t) => t.length > 1 && !SUFFIXES.has(t))
    .join(" ");
}

function medianOf(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const TOLERANCE = 0.05;

/** k where the relative quantity ratio is within 5% of k (k ≥ 2) or of 1/k; else null. */
export function splitRatio(relative: number): number | null {
  if (!(relative > 0)) return null;
  const up = relative >= 1;
  const x = up ? relative : 1 / relative;
  const whole = Math.round(x);
  const five = 5 * Math.round(x / 5);
  const near = (k: number) => k >= 2 && Math.abs(x / k - 1) <= TOLERANCE;
  const k = whole > 10 && near(five) ? five : near(whole) ? whole : null;
  return k === null ? null : up ? k : 1 / k;
}

export function priceReturns(start: readonly PricePoint[], end: readonly PricePoint[]): PriceReturns {
  const endBy = new Map<string, PricePoint>();
  for (const e of end) endBy.set(normalizeTicker(e.ticker), e);
  const startKeys = new Set(start.map((s) => normalizeTicker(s.ticker)));

  // Renames: unmatched start names ↔ end names not held at the start, by company name, one-to-one only.
  const renamed: Rename[] = [];
  const matched = new Map<string, PricePoint>();
  const byName = (points: PricePoint[]) => {
    const m = new Map<string, PricePoint[]>();
    for (const p of points) {
      const key = p.name ? companyKey(p.name) : "";
      if (key) m.set(key, [...(m.get(key) ?? []), p]);
    }
    return m;
  };
  const orphanStart = byName(start.filter((s) => !endBy.has(normalizeTicker(s.ticker))));
  const newEnd = byName(end.filter((e) => !startKeys.has(normalizeTicker(e.ticker))));
  for (const [key, ss] of orphanStart) {
    const es = newEnd.get(key);
    if (ss.length !== 1 || !es || es.length !== 1) continue;
    matched.set(normalizeTicker(ss[0]!.ticker), es[0]!);
    renamed.push({ from: ss[0]!.ticker, to: es[0]!.ticker, name: ss[0]!.name ?? "" });
  }

  const pairs: { s: PricePoint; e: PricePoint | undefined; key: string }[] = start.map((s) => {
    const key = normalizeTicker(s.ticker);
    return { s, key, e: endBy.get(key) ?? matched.get(key) };
  });
  const ratios = pairs
    .filter(({ s, e }) => (s.quantity ?? 0) > 0 && (e?.quantity ?? 0) > 0)
    .map(({ s, e }) => e!.quantity! / s.quantity!);
  const fundScale = medianOf(ratios);

  const returns = new Map<string, number>();
  const left: string[] = [];
  const noStartPrice: string[] = [];
  const splits: SplitAdjustment[] = [];
  const suspects: SplitAdjustment[] = [];
  for (const { s, e, key } of pairs) {
    if (!(s.price !== null && s.price > 0)) {
      noStartPrice.push(s.ticker);
      continue;
    }
    if (!e || !(e.price !== null && e.price > 0)) {
      left.push(s.ticker);
      continue;
    }
    const priceRatio = e.price / s.price;
    let ret = priceRatio - 1;
    if (fundScale && (s.quantity ?? 0) > 0 && (e.quantity ?? 0) > 0) {
      const relative = e.quantity! / s.quantity! / fundScale;
      const k = splitRatio(relative);
      if (k !== null) {
        const adjusted = priceRatio * k - 1;
        const split = {
          ticker: s.ticker,
          ratio: k,
          relativeQuantityRatio: relative,
          unadjustedReturn: ret,
          adjustedReturn: adjusted,
        };
        if (Math.abs(Math.log(priceRatio * k)) < Math.abs(Math.log(priceRatio))) {
          splits.push(split);
          ret = adjusted;
        } else suspects.push(split);
      }
    }
    returns.set(key, ret);
  }
  return { returns, left, noStartPrice, renamed, splits, suspects, fundScale };
}
