// Total debt and interest expense as filers really tag them (docs/real-data.md, "Total debt and interest").
//
// Total debt is a sum of balance-sheet lines, and filers split it in different ways: one combined figure, long-term
// debt *including* its current maturities plus short-term borrowings, or the noncurrent part plus a current-debt
// line that already holds the current maturities, commercial paper and short-term borrowings. Mixing two of those
// splits counts a part twice (PepsiCo's `LongTermDebt` already includes the current maturities that its `DebtCurrent`
// adds again: 48,310 where its balance sheet gives 44,306). So debt is read as one **combination** at a time: the
// combinations are tried in order and the first whose required parts are reported at that date wins; within a part
// the first concept reported wins (alternatives, never added to each other), so no part is counted twice.

/** One line of a combination: its alternative concepts (the first reported wins) and whether the line is required. */
export interface DebtPart {
  concepts: readonly string[];
  required: boolean;
}

export interface DebtCombination {
  /** What the combination is, for the docs. */
  name: string;
  parts: readonly DebtPart[];
}

const req = (...concepts: string[]): DebtPart => ({ concepts, required: true });
const opt = (...concepts: string[]): DebtPart => ({ concepts, required: false });

/** The noncurrent long-term debt line: plain debt, debt with finance leases, or convertible notes only. */
const NONCURRENT = [
  "LongTermDebtNoncurrent",
  "LongTermDebtAndCapitalLeaseObligations",
  "ConvertibleDebtNoncurrent",
  "ConvertibleLongTermNotesPayable",
] as const;
/** Current maturities of long-term debt (of convertible notes where those are the debt). */
const CURRENT_MATURITIES = [
  "LongTermDebtCurrent",
  "LongTermDebtAndCapitalLeaseObligationsCurrent",
  "ConvertibleDebtCurrent",
  "ConvertibleNotesPayableCurrent",
] as const;
/** Short-term borrowings: one line (commercial paper is usually inside ShortTermBorrowings when both are tagged). */
const SHORT_TERM = ["ShortTermBorrowings", "CommercialPaper", "NotesPayableCurrent"] as const;

export const DEBT_COMBINATIONS: readonly DebtCombination[] = [
  { name: "combined long- and short-term debt", parts: [req("DebtLongtermAndShorttermCombinedAmount")] },
  { name: "noncurrent long-term debt + all current debt", parts: [req(...NONCURRENT), req("DebtCurrent")] },
  {
    name: "long-term debt including current maturities + short-term borrowings",
    parts: [req("LongTermDebt"), opt(...SHORT_TERM)],
  },
  {
    name: "noncurrent long-term debt + current maturities + short-term borrowings",
    parts: [req(...NONCURRENT), opt(...CURRENT_MATURITIES), opt(...SHORT_TERM)],
  },
  {
    name: "debt and finance lease obligations, current and noncurrent",
    parts: [req("DebtAndCapitalLeaseObligations")],
  },
  {
    name: "convertible notes (current and noncurrent) + short-term borrowings",
    parts: [req("ConvertibleNotesPayable"), opt(...SHORT_TERM)],
  },
  { name: "current debt only", parts: [req("DebtCurrent")] },
  { name: "current maturities + short-term borrowings only", parts: [req(...CURRENT_MATURITIES), opt(...SHORT_TERM)] },
  { name: "short-term borrowings only", parts: [req(...SHORT_TERM)] },
];

/** Interest expense: gross concepts in order; else the net interest line where it is a net expense. */
export const INTEREST_EXPENSE_CONCEPTS: readonly string[] = [
  "InterestExpense",
  "InterestExpenseNonoperating",
  "InterestAndDebtExpense",
  "InterestExpenseDebt",
  "InterestExpenseBorrowings",
];
export const NET_INTEREST_CONCEPT = "InterestIncomeExpenseNonoperatingNet";

export interface DebtFigure {
  value: number;
  /** The concepts summed, as "A + B" (the coverage report names it). */
  basis: string;
}

/** Total debt at one date from a resolver of instant values (concept → value at that date, or null). */
export function totalDebt(resolve: (concept: string) => number | null): DebtFigure | null {
  for (const combo of DEBT_COMBINATIONS) {
    let total = 0;
    const used: string[] = [];
    let complete = true;
    for (const part of combo.parts) {
      const hit = part.concepts.map((c) => [c, resolve(c)] as const).find(([, v]) => v !== null);
      if (!hit) {
        if (part.required) {
          complete = false;
          break;
        }
        continue;
      }
      total += hit[1]!;
      used.push(hit[0]);
    }
    if (complete) return { value: total, basis: used.join(" + ") };
  }
  return null;
}

/** Interest expense over one period from a resolver of flow values; the net line counts only as a net expense. */
export function interestExpense(resolve: (concept: string) => number | null): number | null {
  for (const c of INTEREST_EXPENSE_CONCEPTS) {
    const v = resolve(c);
    if (v !== null) return v;
  }
  const net = resolve(NET_INTEREST_CONCEPT);
  return net !== null && net < 0 ? -net : null;
}

/** A line as the docs write it: `A`, or (`A` / `B`) for alternatives, "(where reported)" when optional. */
function describePart(p: DebtPart): string {
  const names = p.concepts.map((x) => `\`${x}\``);
  const one = names.length === 1 ? names[0]! : `(${names.join(" / ")})`;
  return p.required ? one : `${one} where reported`;
}

/** The combinations as docs/real-data.md lists them, one Markdown row each (a test keeps the docs equal to this). */
export function debtTableRows(): string[] {
  return DEBT_COMBINATIONS.map((c, i) => `| ${i + 1} | ${c.name} | ${c.parts.map(describePart).join(" + ")} |`);
}
