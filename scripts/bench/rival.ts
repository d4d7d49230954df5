// Item 4 of the bench: the quality score as an analyst would build it without the add-in — native spreadsheet
// formulas over the same metric values — calculated by HyperFormula, against the engine on the same companies.
//
// The sheet is fed the engine's own metric values (the ranked keys, direction not yet applied), so what is compared
// is the cross-sectional work: percentile ranks per metric column, pillar averages, weighted score. One sheet per
// scoring path (financials and real estate are ranked among their own group). HyperFormula 3.5 has no PERCENTRANK
// (nor RANK), so each percentile is written with COUNTIF, which is how PERCENTRANK.INC is defined:
//   PERCENTRANK.INC(col, x)  = TRUNC(COUNTIF(col, "<"&x) / (COUNT(col) − 1), 3)   ties share their lowest rank,
//                                                                                 result cut to 3 digits
//   the engine (percentile.ts) = (COUNTIF(col, "<"&x) + (COUNTIF(col, x) − 1) / 2) / (COUNT(col) − 1)
//                                                                                 ties share their average rank
// "Lower is better" is 1 − the rank in both. The timed sheet is the PERCENTRANK.INC one; the engine's rule is built
// once more, untimed, to show that the rest of the arithmetic agrees.
import { HyperFormula, type ConfigParams, type RawCellContent } from "hyperformula";
import { PATH_PILLARS, scoreUniverse, type QualityDetail } from "../../src/model/quality";
import { MIN_PILLARS, type ScorePath } from "../../src/model/pillars";
import type { Company } from "../../src/model/types";
import { pair, type Pair, type PairOptions } from "./timing";

export type RankRule = "percentrank" | "engine";

/** Stands for the ±∞ rank keys (net cash; no interest expense): beyond every real value, as a cell can hold. */
const INFINITE = 1e300;

function column(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * One scoring path's sheet: tickers, metric keys, the Piotroski pillar's F/9, then the formulas — on every row, or
 * on every `every`-th row only (a sample: each percentile still ranks against the whole column).
 */
function pathSheet(
  path: ScorePath,
  details: readonly QualityDetail[],
  rule: RankRule,
  every: number,
): RawCellContent[][] {
  const pillars = PATH_PILLARS[path];
  const metrics = pillars.flatMap((p) => p.metrics);
  const hasPiotroski = pillars.some((p) => p.id === "piotroski");
  const n = details.length;
  const last = n + 1;
  const keyCol = (m: number) => 1 + m;
  const fCol = 1 + metrics.length;
  const pctCol = (m: number) => fCol + 1 + m;
  const pillarCol = (p: number) => fCol + 1 + metrics.length + p;

  const header: RawCellContent[] = [
    "ticker",
    ...metrics.map((m) => m.field),
    "piotroski_f9",
    ...metrics.map((m) => `pct_${m.field}`),
    ...pillars.map((p) => p.id),
    "score",
  ];
  const rows: RawCellContent[][] = [header];
  details.forEach((d, i) => {
    const r = i + 2;
    const row: RawCellContent[] = [d.company.ticker];
    const keys = d.pillars.flatMap((p) => p.metrics.map((m) => m.key));
    for (const k of keys) row.push(k === null ? null : Number.isFinite(k) ? k : Math.sign(k) * INFINITE);
    row.push(hasPiotroski && d.piotroski?.score != null ? d.piotroski.score / 9 : null);
    rows.push(row);
    if (i % every !== 0) return;
    metrics.forEach((m, j) => {
      const x = `${column(keyCol(j))}${r}`;
      const col = `${column(keyCol(j))}$2:${column(keyCol(j))}$${last}`;
      const rank =
        rule === "percentrank"
          ? `TRUNC(COUNTIF(${col},"<"&${x})/(COUNT(${col})-1),3)`
          : `(COUNTIF(${col},"<"&${x})+(COUNTIF(${col},${x})-1)/2)/(COUNT(${col})-1)`;
      row.push(`=IF(ISNUMBER(${x}),${m.direction === "higher" ? rank : `1-${rank}`},"")`);
    });
    let first = 0;
    pillars.forEach((p) => {
      if (p.id === "piotroski") row.push(`=IF(ISNUMBER(${column(fCol)}${r}),${column(fCol)}${r},"")`);
      else
        row.push(
          `=IFERROR(AVERAGE(${column(pctCol(first))}${r}:${column(pctCol(first + p.metrics.length - 1))}${r}),"")`,
        );
      first += p.metrics.length;
    });
    const cells = pillars.map((_, p) => `${column(pillarCol(p))}${r}`);
    const weighted = pillars.map((p, k) => `IF(ISNUMBER(${cells[k]}),${p.weight}*${cells[k]},0)`).join("+");
    const present = pillars.map((p, k) => `IF(ISNUMBER(${cells[k]}),${p.weight},0)`).join("+");
    row.push(`=IF(COUNT(${cells[0]}:${cells.at(-1)})<${MIN_PILLARS},"",100*(${weighted})/(${present}))`);
  });
  return rows;
}

export interface RivalInput {
  /** The engine's detail per company, grouped by scoring path, in universe order. */
  byPath: Record<ScorePath, QualityDetail[]>;
  companies: readonly Company[];
}

export function rivalInput(companies: readonly Company[]): RivalInput {
  const details = scoreUniverse(companies);
  const byPath: Record<ScorePath, QualityDetail[]> = { operating: [], financial: [] };
  for (const c of companies) {
    const d = details.get(c)!;
    byPath[d.path].push(d);
  }
  return { byPath, companies };
}

function build(input: RivalInput, rule: RankRule, every = 1, config: Partial<ConfigParams> = {}): HyperFormula {
  return HyperFormula.buildFromSheets(
    {
      operating: pathSheet("operating", input.byPath.operating, rule, every),
      financial: pathSheet("financial", input.byPath.financial, rule, every),
    },
    { licenseKey: "gpl-v3", ...config },
  );
}

export interface Agreement {
  /** Companies compared (those whose rows carry the formulas). */
  compared: number;
  /** Where one side has a score and the other has not. */
  presenceMismatches: number;
  /** Largest |sheet − engine| over companies both score, in score points (0–100). */
  maxAbsDiff: number;
  /** Companies whose scores differ by more than 0.5 points. */
  overHalfPoint: number;
}

/** The sheet's scores against the engine's, on the rows that carry formulas (every `every`-th of each path). */
function compare(hf: HyperFormula, input: RivalInput, every: number): Agreement {
  const a: Agreement = { compared: 0, presenceMismatches: 0, maxAbsDiff: 0, overHalfPoint: 0 };
  for (const path of ["operating", "financial"] as const) {
    const values = hf.getSheetValues(hf.getSheetId(path)!);
    const scoreCol = values[0]!.length - 1;
    input.byPath[path].forEach((d, i) => {
      if (i % every !== 0) return;
      a.compared++;
      const v = values[i + 1]![scoreCol];
      const theirs = typeof v === "number" ? v : null;
      const ours = d.score.ok ? d.score.value : null;
      if ((ours === null) !== (theirs === null)) a.presenceMismatches++;
      else if (ours !== null && theirs !== null) {
        const diff = Math.abs(ours - theirs);
        a.maxAbsDiff = Math.max(a.maxAbsDiff, diff);
        if (diff > 0.5) a.overHalfPoint++;
      }
    });
  }
  return a;
}

/**
 * The engine's own ranking rule in the sheet, on a sample of rows (every `every`-th): what is left of a difference
 * is HyperFormula's. `exact` turns off its relative tolerance in comparisons (precisionEpsilon, 1e-13 by default),
 * under which values that differ only in their last bits count as ties.
 */
export function engineRuleAgreement(input: RivalInput, every: number, exact: boolean): Agreement {
  const hf = build(input, "engine", every, exact ? { precisionEpsilon: 0 } : {});
  try {
    return compare(hf, input, every);
  } finally {
    hf.destroy();
  }
}

export interface RivalResult {
  timing: Pair;
  /** The timed PERCENTRANK sheet against the engine, every company. */
  agreement: Agreement;
}

/** The PERCENTRANK sheet built and calculated by HyperFormula, against one full scoring by the engine. */
export async function rival(input: RivalInput, o: PairOptions): Promise<RivalResult> {
  let last: HyperFormula | null = null;
  const timing = await pair(
    () => {
      last?.destroy();
      last = build(input, "percentrank");
    },
    () => scoreUniverse(input.companies),
    o,
  );
  const hf = last! as HyperFormula;
  try {
    return { timing, agreement: compare(hf, input, 1) };
  } finally {
    hf.destroy();
  }
}
