// The inputs of a factor backtest (docs/methodology.md, "Evidence: factor backtests") and the one function the CLI
// and the task pane both call. Pure, browser-safe: text in. Start and end prices come from iShares holdings exports
// of the same fund (read by parse-holdings, with their Quantity column for splits) or, for the end, from a price file
// of (ticker, date, close) rows.
import Papa from "papaparse";
import { factorBacktest, type FactorObservation, type FactorResult } from "../model/backtest/factor";
import { priceReturns, type PricePoint, type Rename, type SplitAdjustment } from "../model/backtest/returns";
import { findField } from "../model/catalogue";
import { engineFor } from "../model/engine";
import { normalizeTicker } from "../model/tickers";
import type { Universe } from "../model/types";
import { parseHoldingsDate, type ParsedHoldings } from "./sources/holdings/parse-holdings";

export interface PriceSide {
  /** YYYY-MM-DD; null where the file does not say. */
  asOf: string | null;
  points: PricePoint[];
  /** What the prices were read from, for the provenance ("IWM_holdings_2026-04-10.csv"). */
  source: string;
}

export function holdingsPrices(parsed: ParsedHoldings, source: string): PriceSide {
  return {
    asOf: parsed.asOf,
    source,
    points: parsed.holdings.map((h) => ({ ticker: h.ticker, name: h.name, price: h.price, quantity: h.quantity })),
  };
}

/**
 * Start prices from a loaded universe (the pane's: it keeps no holdings file). A holding's float-adjusted weight is
 * its market value's share of the fund, quantity × price ÷ the fund's equity value, so weight ÷ price is its
 * quantity up to one factor common to every name — which the split rule's division by the median ratio removes.
 */
export function universePrices(universe: Universe): PriceSide {
  return {
    asOf: universe.provenance.asOf,
    source: universe.provenance.source,
    points: universe.companies.map((c) => ({
      ticker: c.ticker,
      name: c.name,
      price: c.price,
      quantity: c.weight !== null && c.price !== null && c.price > 0 && c.weight > 0 ? c.weight / c.price : null,
    })),
  };
}

/** Thrown where a price file cannot be read; the message names the row and the reason. */
export class PriceFileError extends Error {}

/**
 * A price file: a header with columns ticker, date and close (any case, any order; "price" is taken for "close"),
 * then one row per (ticker, date). The end date is the file's latest date; each ticker's end price is its close on
 * that date (a ticker without one there has no end price). Its prices are taken as split-adjusted: no quantities.
 */
export function parsePriceFile(text: string, source: string): PriceSide {
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, "").trim(), { skipEmptyLines: "greedy" });
  const [head, ...rows] = parsed.data;
  const names = (head ?? []).map((h) => h.trim().toLowerCase());
  const col = { ticker: names.indexOf("ticker"), date: names.indexOf("date"), close: names.indexOf("close") };
  if (col.close < 0) col.close = names.indexOf("price");
  const missing = Object.entries(col).filter(([, i]) => i < 0);
  if (missing.length > 0)
    throw new PriceFileError(
      `${source}: line 1 has no ${missing.map(([k]) => `'${k}'`).join(", ")} column (a price file needs ticker, date, close)`,
    );
  const byDate = new Map<string, Map<string, number>>();
  rows.forEach((r, i) => {
    const line = i + 2;
    const ticker = (r[col.ticker] ?? "").trim();
    const date = parseHoldingsDate(r[col.date] ?? "");
    const close = Number((r[col.close] ?? "").replace(/[,$\s]/g, ""));
    if (!ticker) throw new PriceFileError(`${source}, line ${line}: no ticker`);
    if (!date) throw new PriceFileError(`${source}, line ${line}: date '${r[col.date] ?? ""}' is not a date`);
    if (!(Number.isFinite(close) && close > 0))
      throw new PriceFileError(`${source}, line ${line}: close '${r[col.close] ?? ""}' is not a positive number`);
    if (!byDate.has(date)) byDate.set(date, new Map());
    byDate.get(date)!.set(ticker, close);
  });
  if (byDate.size === 0) throw new PriceFileError(`${source}: no price rows`);
  const asOf = [...byDate.keys()].sort().pop()!;
  const points = [...byDate.get(asOf)!].map(([ticker, price]) => ({ ticker, name: null, price, quantity: null }));
  return { asOf, source, points };
}

export interface FactorEvidence {
  field: string;
  label: string;
  from: string | null;
  to: string | null;
  fromSource: string;
  toSource: string;
  result: FactorResult;
  /** Snapshot names with a start price and no end price. */
  left: string[];
  renamed: Rename[];
  splits: SplitAdjustment[];
  /** Quantity moves like a split that were not adjusted (model/backtest/returns.ts says why). */
  suspects: SplitAdjustment[];
  /** Snapshot names with a return but no value of the field (left out of the groups). */
  noValue: number;
  /** Snapshot names the start file does not hold or prices at 0 (no return can be measured). */
  noStartPrice: number;
}

/** The field's catalogue definition, or an error naming the problem (an unknown or text field). */
export function backtestField(name: string) {
  const def = findField(name);
  if (!def) throw new Error(`unknown field '${name}' (see docs/fields.md for the catalogue)`);
  if (def.kind === "text") throw new Error(`'${name}' is text: choose a numeric or TRUE/FALSE field`);
  return def;
}

export function factorEvidence(
  universe: Universe,
  start: PriceSide,
  end: PriceSide,
  fieldName: string,
  groups = 5,
): FactorEvidence {
  const def = backtestField(fieldName);
  const engine = engineFor(universe);
  const held = new Map(start.points.map((p) => [normalizeTicker(p.ticker), p]));
  // Returns are measured for the whole start file, so the fund's median quantity growth is the fund's, then kept for
  // the snapshot's names.
  const r = priceReturns(start.points, end.points);
  const inSnapshot = new Set(universe.companies.map((c) => normalizeTicker(c.ticker)));
  const obs: FactorObservation[] = [];
  let noValue = 0;
  let noStartPrice = 0;
  for (const c of universe.companies) {
    const key = normalizeTicker(c.ticker);
    const ret = r.returns.get(key);
    if (ret === undefined) {
      if (!held.get(key)?.price) noStartPrice++;
      continue;
    }
    const v = engine.fieldOf(c, def);
    if (!v.ok || (typeof v.value !== "number" && typeof v.value !== "boolean")) noValue++;
    else obs.push({ ticker: c.ticker, value: v.value, ret });
  }
  const mine = (t: string) => inSnapshot.has(normalizeTicker(t));
  return {
    field: def.name,
    label: def.label,
    from: start.asOf,
    to: end.asOf,
    fromSource: start.source,
    toSource: end.source,
    result: factorBacktest(obs, groups, def.kind === "boolean"),
    left: r.left.filter(mine),
    renamed: r.renamed.filter((x) => mine(x.from)),
    splits: r.splits.filter((x) => mine(x.ticker)),
    suspects: r.suspects.filter((x) => mine(x.ticker)),
    noValue,
    noStartPrice,
  };
}

const pct = (x: number | null) => (x === null ? "n/a" : `${x >= 0 ? "+" : ""}${(100 * x).toFixed(1)}%`);
const pts = (x: number | null) => (x === null ? "n/a" : `${x >= 0 ? "+" : ""}${(100 * x).toFixed(1)} points`);

/** One plain sentence of what the figures show, for the CLI and the Evidence sheet. */
export function evidenceSentence(e: FactorEvidence): string {
  const held = e.result.groups.filter((g) => g.n > 0);
  if (held.length < 2) return `${e.label}: too few names with a value and a return to compare groups (${e.result.n}).`;
  const top = held[held.length - 1]!;
  const bottom = held[0]!;
  const binary = findField(e.field)?.kind === "boolean";
  const [hi, lo] = binary ? ["TRUE", "FALSE"] : [`the top group (${top.group})`, `the bottom group (${bottom.group})`];
  const ic = e.result.rank_ic;
  const verdict =
    ic === null
      ? ""
      : Math.abs(ic) < 0.05
        ? "; little relation between the field and the return"
        : ic > 0
          ? "; higher values went with higher returns"
          : "; higher values went with lower returns";
  return (
    `${e.label}: from ${e.from ?? "?"} to ${e.to ?? "?"} the median price return of ${hi} was ${pct(top.median_return)} ` +
    `against ${pct(bottom.median_return)} for ${lo} (${pts(e.result.spread_median)}); rank correlation ` +
    `${ic === null ? "n/a" : ic.toFixed(2)}${verdict}. Price only, no dividends; ${e.left.length} names that left are not counted.`
  );
}

export { pct as formatReturn };
