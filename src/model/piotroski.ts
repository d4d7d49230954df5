// Piotroski F-score (Piotroski 2000, "Value Investing: The Use of Historical Financial Statement Information to
// Separate Winners from Losers from Value Stocks"): nine binary signals on the two most recent fiscal years, t (the
// last) and t−1, with year-end balances of t−2 as t−1's beginning-of-year values. F = the number of signals that
// hold, 0–9. A signal whose inputs are missing is not a failure: F is scored over the signals that can be computed,
// F = 9 × held / computable, so a company is not punished for a gap in its filings; it needs at least
// MIN_PIOTROSKI_SIGNALS computable signals (fewer say too little) and two consecutive fiscal years. With all nine
// computable it is Piotroski's count. The missing signals are listed (SCORE_BREAKDOWN shows them).
//
// Two documented substitutions for what a snapshot carries: total debt stands for long-term debt (ΔLEVER), and the
// share count stands for common-equity issuance (EQ_OFFER).
import { ratio } from "./metrics";
import type { Fundamentals } from "./fundamentals";
import type { Company } from "./types";

export interface SignalDef {
  id: string;
  label: string;
  /** The definition, for SCORE_BREAKDOWN, the help page and docs/methodology.md. */
  definition: string;
}

export const PIOTROSKI_SIGNALS = [
  {
    id: "roa",
    label: "F1 ROA > 0",
    definition: "Net income of t / total assets at the end of t−1 (beginning-of-year assets) is above 0.",
  },
  { id: "cfo", label: "F2 Operating cash flow > 0", definition: "Operating cash flow of t is above 0." },
  {
    id: "delta_roa",
    label: "F3 ΔROA > 0",
    definition:
      "ROA of t (on beginning-of-year assets) is above ROA of t−1 (net income of t−1 / total assets at the end of t−2).",
  },
  {
    id: "accrual",
    label: "F4 Accruals: CFO > net income",
    definition:
      "Operating cash flow of t exceeds net income of t (both scaled by beginning-of-year assets, so CFO/assets > ROA).",
  },
  {
    id: "delta_lever",
    label: "F5 Leverage did not rise",
    definition:
      "Total debt / average total assets of t is at most that of t−1 (average of year-end assets of t and t−1, resp. t−1 and t−2); debt-free in both years passes.",
  },
  {
    id: "delta_liquid",
    label: "F6 Current ratio rose",
    definition: "Current assets / current liabilities at the end of t is above that at the end of t−1.",
  },
  {
    id: "eq_offer",
    label: "F7 No new shares",
    definition: "Shares outstanding at the end of t are not more than at the end of t−1.",
  },
  {
    id: "delta_margin",
    label: "F8 Gross margin rose",
    definition: "Gross profit / revenue of t is above that of t−1.",
  },
  {
    id: "delta_turn",
    label: "F9 Asset turnover rose",
    definition:
      "Revenue of t / total assets at the end of t−1 is above revenue of t−1 / total assets at the end of t−2.",
  },
] as const satisfies readonly SignalDef[];

export type SignalId = (typeof PIOTROSKI_SIGNALS)[number]["id"];
/** true / false, or null where an input is missing. */
export type SignalValues = Record<SignalId, boolean | null>;

/** F is scored only where at least this many of the nine signals can be computed. */
export const MIN_PIOTROSKI_SIGNALS = 5;

export interface PiotroskiResult {
  /** 9 × held / available, 0–9; null where fewer than MIN_PIOTROSKI_SIGNALS signals can be computed. */
  score: number | null;
  /** The number of signals that hold. */
  held: number;
  /** How many of the nine could be computed. */
  available: number;
  /** The signals whose inputs are missing, in order. */
  missing: SignalId[];
  signals: SignalValues;
  /** The fiscal years used: t and t−1. */
  years: [number, number];
}

type V = number | null;
const gt = (a: V, b: V): boolean | null => (a === null || b === null ? null : a > b);

function leverage(debt: V, assetsEnd: V, assetsStart: V): V {
  if (assetsEnd === null || assetsStart === null) return null;
  return ratio(debt, (assetsEnd + assetsStart) / 2);
}

/** The nine signals from three consecutive fiscal years' values (t, t−1, and t−2 or null). */
export function piotroskiSignals(t: Fundamentals, p: Fundamentals, pp: Fundamentals | null): SignalValues {
  const roaT = ratio(t.netIncome, p.totalAssets);
  const roaP = pp ? ratio(p.netIncome, pp.totalAssets) : null;
  const levT = leverage(t.totalDebt, t.totalAssets, p.totalAssets);
  const levP = pp ? leverage(p.totalDebt, p.totalAssets, pp.totalAssets) : null;
  const turnT = ratio(t.revenue, p.totalAssets);
  const turnP = pp ? ratio(p.revenue, pp.totalAssets) : null;
  return {
    roa: gt(roaT, 0),
    cfo: gt(t.operatingCashFlow, 0),
    delta_roa: gt(roaT, roaP),
    accrual: gt(t.operatingCashFlow, t.netIncome),
    delta_lever: levT === null || levP === null ? null : levT <= levP,
    delta_liquid: gt(ratio(t.currentAssets, t.currentLiabilities), ratio(p.currentAssets, p.currentLiabilities)),
    eq_offer:
      t.sharesOutstanding === null || p.sharesOutstanding === null ? null : t.sharesOutstanding <= p.sharesOutstanding,
    delta_margin: gt(ratio(t.grossProfit, t.revenue), ratio(p.grossProfit, p.revenue)),
    delta_turn: gt(turnT, turnP),
  };
}

export function piotroski(c: Company): PiotroskiResult | null {
  const [t, p, pp] = c.years;
  // Consecutive fiscal years only: a gap in the history would compare years two apart.
  if (!t || !p || p.fiscalYear !== t.fiscalYear - 1) return null;
  const before = pp && pp.fiscalYear === p.fiscalYear - 1 ? pp.values : null;
  const signals = piotroskiSignals(t.values, p.values, before);
  const values = Object.values(signals);
  const held = values.filter((v) => v === true).length;
  const available = values.filter((v) => v !== null).length;
  return {
    score: available >= MIN_PIOTROSKI_SIGNALS ? (9 * held) / available : null,
    held,
    available,
    missing: PIOTROSKI_SIGNALS.filter((x) => signals[x.id] === null).map((x) => x.id),
    signals,
    years: [t.fiscalYear, p.fiscalYear],
  };
}
