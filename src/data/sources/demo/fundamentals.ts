// The fundamentals simulation: 24 quarters of revenue, margins, cash flows and balance sheets per demo company, from
// which the trailing twelve months and five fiscal years are summed. Money in USD millions, shares in millions.
import type { Fundamentals } from "../../../model/fundamentals";
import type { FinancialPeriod, FiscalYear } from "../../../model/types";
import { latestFiscalEndQuarter, Q, type QuarterCalendar } from "./calendar";
import { DEMO_OFF_CALENDAR_SHARE, DEMO_SHORT_HISTORY_SHARE } from "./calibration";
import type { Draft } from "./drafts";
import { abs, clamp, exp, max, min, money, NOT_CLASSIFIED, PI, pow, roundTo, sign, sin } from "./numbers";
import type { Rng } from "./rng";

interface Simulated {
  ttm: FinancialPeriod;
  years: FiscalYear[];
}

/** Fields a company never reports, decided once for all its periods. */
interface Gaps {
  interestExpense: boolean;
  retainedEarnings: boolean;
  currentItems: boolean;
  capex: boolean;
  operatingCashFlow: boolean;
  da: boolean;
}

/** The business cycle a company's revenue and margins share (flat where the company is not cyclical). */
interface Cycle {
  amplitude: number;
  period: number;
  phase: number;
  on: boolean;
}

const cycleAt = (c: Cycle, q: number): number => (c.on ? sin((2 * PI * q) / c.period + c.phase) : 0);
/** Years from the middle of the TTM period to the middle of quarter q. */
const yearsFromTtm = (q: number): number => (q - (Q - 2.5)) / 4;
const ttmSum = (xs: readonly number[]): number => xs[Q - 4]! + xs[Q - 3]! + xs[Q - 2]! + xs[Q - 1]!;

/** Each quarter's trailing four quarters, annualised (the first quarters from what there is). */
function trailingAnnual(xs: readonly number[]): number[] {
  const out: number[] = [];
  let run = 0;
  for (let q = 0; q < xs.length; q++) {
    run += xs[q]!;
    if (q >= 4) run -= xs[q - 4]!;
    out.push((run * 4) / min(q + 1, 4));
  }
  return out;
}

function scaleToTtm(xs: number[], ttm: number): number[] {
  const s = ttm / ttmSum(xs);
  return xs.map((x) => x * s);
}

/** Quarterly revenue whose last four quarters sum to `revenueTtm`: persistent growth, noise, the cycle. */
function revenuePath(d: Draft, rng: Rng, cycle: Cycle, revenueTtm: number): number[] {
  const pr = d.profile;
  let gMean = pr.growth;
  switch (d.archetype) {
    case "compounder":
      gMean = max(0.06, pr.growth + 0.05);
      break;
    case "steady":
      gMean = pr.growth * 0.5;
      break;
    case "cyclical":
    case "turnaround":
      gMean = pr.growth * 0.6;
      break;
    case "decliner":
      gMean = pr.growth * 0.3 - 0.04;
      break;
    case "chronic":
      gMean = pr.growth * 1.3 + 0.03;
      break;
    case "burner":
      gMean = 0.3;
      break;
  }
  gMean += rng.normal(0, 0.04);
  const growthShock = cycle.on ? 0.05 : 0.03;
  const noise = d.archetype === "burner" ? 0.3 : 0.025;
  const raw: number[] = [];
  let level = 0;
  let g = gMean + rng.normal(0, 0.05);
  for (let q = 0; q < Q; q++) {
    if (q > 0) {
      g = gMean + 0.85 * (g - gMean) + rng.normal(0, growthShock);
      level += g / 4 + rng.normal(0, noise);
    }
    raw.push(exp(level + cycle.amplitude * cycleAt(cycle, q)));
  }
  return scaleToTtm(raw, revenueTtm);
}

/**
 * Quarterly net income from a margin path: the TTM margin (profit or loss as drawn), a trend that tells the
 * archetype's story (a turnaround improves, a decliner deteriorates), persistent noise and the cycle. The path is
 * shifted so that the TTM margin comes out exactly, which keeps the calibrated loss counts exact.
 */
function netIncomePath(d: Draft, rng: Rng, cycle: Cycle, R: readonly number[], revenueTtm: number): number[] {
  const pr = d.profile;
  const arch = d.archetype;
  let mT: number;
  if (!d.loss) {
    const level = arch === "compounder" ? 1.3 : arch === "turnaround" ? 0.5 : 1;
    mT = clamp(pr.margin * level * rng.lognormal(1, 0.5), 0.006, pr.kind === "reit" ? 0.6 : 0.4);
  } else {
    const level = arch === "decliner" ? 0.5 : 1;
    mT = -clamp(pr.lossMargin * level * rng.lognormal(1, 0.7), 0.006, 3);
  }
  // At least USD 150k either way, so that rounding never turns a profit or a loss into zero.
  if (abs(mT * revenueTtm) < 0.15) mT = (sign(mT) * 0.15) / revenueTtm;
  const scale = clamp((pr.margin + pr.lossMargin) / 0.14, 0.5, 1.5);
  // Margin change per year. A turnaround was losing money about three years ago; a decliner was making a typical
  // profit then; a chronic loss-maker's losses narrow, or stay.
  let trend = 0;
  if (arch === "compounder") trend = rng.uniform(0, 0.01);
  else if (arch === "turnaround") trend = ((mT + 0.6 * pr.lossMargin) / 3) * rng.uniform(0.6, 1.3);
  else if (arch === "decliner") trend = (-(0.8 * pr.margin - mT) / 3) * rng.uniform(0.6, 1.3);
  else if (arch === "chronic") trend = rng.uniform(0, 0.04) * scale;
  const sd = arch === "chronic" ? 0.01 + 0.12 * abs(mT) : 0.004 + 0.08 * abs(mT);
  const marginCycle = (arch === "cyclical" ? rng.uniform(0.6, 1.3) : 0.3) * abs(mT);
  const shape: number[] = [];
  let e = rng.normal(0, sd);
  for (let q = 0; q < Q; q++) {
    e = 0.6 * e + rng.normal(0, sd);
    shape.push(trend * yearsFromTtm(q) + e + marginCycle * cycleAt(cycle, q));
  }
  const offset =
    -(shape[Q - 4]! * R[Q - 4]! + shape[Q - 3]! * R[Q - 3]! + shape[Q - 2]! * R[Q - 2]! + shape[Q - 1]! * R[Q - 1]!) /
    revenueTtm;
  // No quarter above a 60% net margin (80% for a REIT): the cycle must not make a tanker company all profit.
  const ceiling = pr.kind === "reit" ? 0.8 : 0.6;
  return R.map((r, q) => min(ceiling, mT + shape[q]! + offset) * r);
}

/** A pre-revenue company's quarterly cash burn (positive), growing or shrinking, summing to `burn` over the TTM. */
function burnPath(rng: Rng, burn: number): number[] {
  const gB = rng.uniform(-0.05, 0.3);
  const raw: number[] = [];
  for (let q = 0; q < Q; q++) raw.push(exp(-gB * ((Q - 1 - q) / 4)) * rng.lognormal(1, 0.12));
  return scaleToTtm(raw, burn);
}

interface BalanceSheets {
  assets: number[];
  cash: number[];
  debt: number[];
  equity: number[];
  /** NaN where the balance sheet is not classified (financials, REITs). */
  currentAssets: number[];
  currentLiabilities: number[];
  /** Interest rate on debt, and for banks the cost of deposits. */
  rate: number;
  depositCost: number;
}

/** Quarter-end balance sheets sized from trailing revenue (or, for a burner, from its cash runway). */
function balanceSheets(
  d: Draft,
  rng: Rng,
  annualR: readonly number[],
  annualBurn: readonly number[] | null,
): BalanceSheets {
  const pr = d.profile;
  const kind = pr.kind;
  const arch = d.archetype;
  const turnover = pr.turnover * rng.lognormal(1, 0.3);
  const cashRatio = clamp(pr.cash * rng.lognormal(1, 0.5) * (arch === "chronic" ? 1.6 : 1), 0.005, 0.8);
  const debtFree = rng.chance(min(0.9, pr.noDebt * (arch === "chronic" || annualBurn ? 1.5 : 1)));
  const debtRatio = debtFree ? 0 : clamp(pr.debt * rng.lognormal(1, 0.4), 0.01, 0.8);
  const wcRatio = pr.workingCapital * rng.lognormal(1, 0.3);
  const clRatio = pr.currentLiabilities * rng.lognormal(1, 0.3);
  const otherRatio = pr.otherLiabilities * rng.lognormal(1, 0.4);
  const equityRatio =
    kind === "bank"
      ? rng.uniform(0.08, 0.13)
      : kind === "insurer"
        ? rng.uniform(0.18, 0.35)
        : kind === "lender"
          ? rng.uniform(0.12, 0.3)
          : rng.uniform(0.3, 0.7);
  const out: BalanceSheets = {
    assets: [],
    cash: [],
    debt: [],
    equity: [],
    currentAssets: [],
    currentLiabilities: [],
    rate: rng.uniform(0.045, 0.09),
    depositCost: rng.uniform(0.016, 0.03),
  };
  const burnerAssets = rng.uniform(1.08, 1.4);
  const burnerCl = rng.uniform(0.15, 0.35);
  let runway = rng.uniform(1.5, 4);
  for (let q = 0; q < Q; q++) {
    let a: number, c: number, dbt: number, eq: number;
    let ca = NOT_CLASSIFIED;
    let cl = NOT_CLASSIFIED;
    if (annualBurn) {
      if (q > 0) runway -= 0.25;
      if (runway < rng.uniform(0.7, 1.2)) runway = rng.uniform(2, 4); // a capital raise
      const b = annualBurn[q]!;
      c = runway * b;
      a = c * burnerAssets * exp(rng.normal(0, 0.03));
      dbt = min(debtRatio, 0.2) * a;
      ca = c + (a - c) * 0.4;
      cl = burnerCl * b;
      eq = a - dbt - cl - 0.04 * a;
    } else {
      const r = annualR[q]!;
      a = (r / turnover) * exp(rng.normal(0, 0.03));
      if (kind === "bank") {
        c = a * clamp(cashRatio, 0.02, 0.1);
        dbt = a * clamp(debtRatio, 0, 0.1);
        eq = a * equityRatio * exp(rng.normal(0, 0.02));
      } else if (kind === "insurer" || kind === "lender" || kind === "feeFinancial") {
        c = a * cashRatio * exp(rng.normal(0, 0.1));
        const dr = kind === "lender" ? clamp(debtRatio, 0.4, 0.85 - equityRatio) : min(debtRatio, 0.9 - equityRatio);
        dbt = a * dr * exp(rng.normal(0, 0.05));
        eq = a * equityRatio * exp(rng.normal(0, 0.03));
      } else if (kind === "reit") {
        c = a * clamp(cashRatio, 0.005, 0.06);
        dbt = a * clamp(debtRatio, 0.25, 0.65) * exp(rng.normal(0, 0.03));
        eq = a - dbt - otherRatio * a;
      } else {
        c = min(0.85 * a, a * cashRatio * exp(rng.normal(0, 0.15)));
        dbt = a * debtRatio * exp(rng.normal(0, 0.08));
        ca = min(c + wcRatio * r, 0.97 * a);
        cl = min(clRatio * r + 0.05 * dbt, 0.6 * a);
        eq = a - dbt - (cl - 0.05 * dbt) - otherRatio * a;
        if (eq < -0.25 * a) {
          // Highly levered loss-makers: cap the deficit at a quarter of assets.
          dbt = max(0, dbt - (-0.25 * a - eq));
          eq = a - dbt - (cl - 0.05 * dbt) - otherRatio * a;
        }
      }
    }
    out.assets.push(a);
    out.cash.push(c);
    out.debt.push(dbt);
    out.equity.push(eq);
    out.currentAssets.push(ca);
    out.currentLiabilities.push(cl);
  }
  return out;
}

interface Statements {
  interest: number[];
  operatingIncome: number[];
  da: number[];
  operatingCashFlow: number[];
  capex: number[];
}

/** Interest, operating income (net income grossed up for tax, plus net interest), D&A, cash flow, capex. */
function statements(
  d: Draft,
  rng: Rng,
  R: readonly number[],
  NI: readonly number[],
  burn: readonly number[] | null,
  annualR: readonly number[],
  bs: BalanceSheets,
): Statements {
  const pr = d.profile;
  const kind = pr.kind;
  const bankLike = kind === "bank" || kind === "lender";
  const daRatio = pr.da * rng.lognormal(1, 0.25);
  const sbc = pr.sbc * rng.lognormal(1, 0.3);
  const wcRatio = pr.workingCapital * rng.lognormal(1, 0.3);
  const ocfRatio = rng.uniform(0.7, 0.9);
  const capexRatio = pr.capex * rng.lognormal(1, 0.2);
  const out: Statements = { interest: [], operatingIncome: [], da: [], operatingCashFlow: [], capex: [] };
  let yearFactor = 1;
  for (let q = 0; q < Q; q++) {
    const r = R[q]!;
    const ni = NI[q]!;
    const interest =
      kind === "bank" ? (0.8 * bs.assets[q]! * bs.depositCost + bs.debt[q]! * 0.05) / 4 : (bs.debt[q]! * bs.rate) / 4;
    const interestIncome = bankLike ? 0 : (bs.cash[q]! * 0.035) / 4;
    const pretax = ni > 0 ? ni / (1 - pr.tax) : ni;
    const da = burn ? 0.03 * burn[q]! : daRatio * r;
    let ocf: number;
    if (burn) ocf = ni * ocfRatio + burn[q]! * rng.normal(0, 0.05);
    else if (kind === "bank") ocf = ni * (1.15 + rng.normal(0, 0.25));
    else if (kind === "insurer") ocf = ni * 1.2 + r * rng.normal(0.04, 0.05);
    else if (kind === "lender") ocf = ni + da + r * rng.normal(0.02, 0.1);
    else {
      const dWc = q >= 4 ? (wcRatio * (annualR[q]! - annualR[q - 4]!)) / 4 : 0;
      ocf = ni + da + sbc * r - dWc + r * rng.normal(0, 0.02);
    }
    if (q % 4 === 0) yearFactor = rng.lognormal(1, 0.15); // capex is lumpy from year to year
    out.interest.push(interest);
    out.operatingIncome.push(bankLike ? pretax : pretax + interest - interestIncome);
    out.da.push(da);
    out.operatingCashFlow.push(ocf);
    out.capex.push(max(0.03, (burn ? 0.03 * burn[q]! : capexRatio * r) * yearFactor));
  }
  return out;
}

/** Gross profit where the company reports it; its margin always clears the operating margin. */
function grossProfitPath(d: Draft, rng: Rng, R: readonly number[], OI: readonly number[]): number[] | null {
  const pr = d.profile;
  if (pr.gm === null || rng.chance(pr.gmMissing)) return null;
  let maxOpMargin = -Infinity;
  for (let q = 0; q < Q; q++) maxOpMargin = max(maxOpMargin, OI[q]! / R[q]!);
  const gm = min(0.95, max(pr.gm * rng.lognormal(1, 0.2), maxOpMargin + rng.uniform(0.04, 0.12)));
  return R.map((r) => (gm + rng.normal(0, 0.008)) * r);
}

/** Retained earnings: an opening balance that fits the company's past, then net income less dividends. */
function retainedEarningsPath(d: Draft, rng: Rng, NI: readonly number[], bs: BalanceSheets): number[] {
  const pr = d.profile;
  const arch = d.archetype;
  const payer =
    pr.kind === "reit" ||
    ((arch === "steady" || arch === "compounder" || arch === "cyclical") && rng.chance(pr.payers));
  const payout = pr.payout * rng.lognormal(1, 0.2);
  // Cumulative net income less dividends from zero, then an opening balance that fits the company's past.
  let run = 0;
  const path = NI.map((ni) => (run += ni - (payer ? payout * max(ni, 0) : 0)));
  const firstYear = abs(NI[0]! + NI[1]! + NI[2]! + NI[3]!);
  const equityNow = max(0, bs.equity[Q - 1]!);
  let opening: number;
  if (pr.kind === "reit")
    opening = -bs.assets[Q - 1]! * rng.uniform(0.03, 0.3) - run; // distributions in excess of earnings
  else if (arch === "burner" || arch === "chronic")
    opening = -firstYear * rng.uniform(1.5, 6); // accumulated deficit
  else if (arch === "turnaround") opening = -firstYear * rng.uniform(0.5, 3);
  else if (arch === "decliner") opening = max(0, bs.equity[0]!) * rng.uniform(0.2, 0.8);
  else opening = equityNow * rng.uniform(0.3, 1.2) - run; // mature: retained earnings of the order of equity
  return path.map((x) => x + opening);
}

export function simulate(d: Draft, shares: number, rng: Rng, cal: QuarterCalendar): Simulated {
  const pr = d.profile;
  const kind = pr.kind;
  const arch = d.archetype;
  const burner = arch === "burner";
  const cycleOn = arch === "cyclical" || (pr.cyclical && !burner);
  const cycle: Cycle = {
    on: cycleOn,
    period: rng.uniform(12, 22),
    phase: rng.uniform(0, 2 * PI),
    amplitude: arch === "cyclical" ? rng.uniform(0.1, 0.25) : rng.uniform(0.04, 0.12),
  };

  // Revenue: trailing level from price/sales (or, for a pre-revenue burner, tiny collaboration revenue or none).
  const burn = burner ? max(6, d.cap * rng.uniform(0.06, 0.3)) : 0;
  const hasRevenue = !burner || rng.chance(0.55);
  const revenueTtm = burner
    ? burn * min(0.6, rng.lognormal(0.08, 0.9))
    : d.cap / (pr.ps * (pr.growth >= 0.1 && arch === "chronic" ? 1.3 : 1) * rng.lognormal(1, 0.45));
  const R = revenuePath(d, rng, cycle, revenueTtm);
  const burnQ = burner ? burnPath(rng, burn) : null;
  const NI = burnQ ? burnQ.map((b) => -b) : netIncomePath(d, rng, cycle, R, revenueTtm);

  const annualR = trailingAnnual(R);
  const bs = balanceSheets(d, rng, annualR, burnQ ? trailingAnnual(burnQ) : null);
  const st = statements(d, rng, R, NI, burnQ, annualR, bs);
  const GP = burner || !hasRevenue ? null : grossProfitPath(d, rng, R, st.operatingIncome);
  const RE = retainedEarningsPath(d, rng, NI, bs);

  // Share count: dilution for cash burners and growth companies, buybacks for mature payers.
  const dilution = burner
    ? rng.uniform(0.08, 0.3)
    : arch === "chronic"
      ? rng.uniform(0.03, 0.15)
      : arch === "turnaround" || arch === "decliner"
        ? rng.uniform(0, 0.06)
        : rng.uniform(-0.03, 0.02);

  const financialBalance = kind !== "operating";
  const gaps: Gaps = {
    interestExpense: rng.chance(0.04),
    retainedEarnings: rng.chance(0.015),
    currentItems: !financialBalance && rng.chance(0.015),
    capex: rng.chance(0.01),
    operatingCashFlow: rng.chance(0.005),
    da: rng.chance(0.02),
  };
  const noEbitda = kind === "bank" || kind === "insurer" || gaps.da;
  const noCurrent = financialBalance || gaps.currentItems;

  const period = (e: number): Fundamentals => {
    const flow = (xs: readonly number[]) => money(xs[e - 3]! + xs[e - 2]! + xs[e - 1]! + xs[e]!);
    return {
      revenue: hasRevenue ? flow(R) : null,
      grossProfit: GP ? flow(GP) : null,
      operatingIncome: flow(st.operatingIncome),
      netIncome: flow(NI),
      operatingCashFlow: gaps.operatingCashFlow ? null : flow(st.operatingCashFlow),
      capex: gaps.capex ? null : max(0.1, flow(st.capex)),
      totalAssets: money(bs.assets[e]!),
      currentAssets: noCurrent ? null : money(bs.currentAssets[e]!),
      currentLiabilities: noCurrent ? null : money(bs.currentLiabilities[e]!),
      totalDebt: money(bs.debt[e]!),
      cash: money(bs.cash[e]!),
      equity: money(bs.equity[e]!),
      interestExpense: gaps.interestExpense ? null : flow(st.interest),
      ebitda: noEbitda ? null : money(flow(st.operatingIncome) + flow(st.da)),
      retainedEarnings: gaps.retainedEarnings ? null : money(RE[e]!),
      sharesOutstanding: roundTo(shares * pow(1 + dilution, (e - (Q - 1)) / 4), 3),
    };
  };

  const fyMonth = rng.chance(DEMO_OFF_CALENDAR_SHARE) && kind !== "bank" ? (rng.chance(0.5) ? 6 : 9) : 12;
  const lastFy = latestFiscalEndQuarter(cal, fyMonth);
  const nYears = rng.chance(DEMO_SHORT_HISTORY_SHARE) ? (rng.chance(0.5) ? 3 : 4) : 5;
  const years: FiscalYear[] = [];
  for (let j = 0; j < nYears; j++) {
    const e = lastFy - 4 * j;
    const end = cal.quarterEnds[e]!;
    years.push({ fiscalYear: Number(end.slice(0, 4)), end, values: period(e) });
  }
  // A few companies miss one value in their oldest year (a tag they began to use later).
  if (rng.chance(0.03)) {
    const oldest = years[years.length - 1]!;
    const field = rng.pick(["interestExpense", "grossProfit", "cash", "operatingCashFlow", "currentAssets"] as const);
    oldest.values[field] = null;
  }
  return { ttm: { end: cal.ttmEnd, values: period(Q - 1) }, years };
}
