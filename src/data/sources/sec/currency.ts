// Which currency a filer's statements are in, and which of its facts are in another one (docs/real-data.md, "The
// coverage report"). A USD filer often tags a few facts in CAD or EUR (a Canadian credit line, euro notes): those
// facts are named, and the filer stays a USD filer. A filer is non-USD only when its statements are, i.e. when most
// of its balance-sheet and income-statement facts are in another currency.
import type { CompanyFacts } from "./companyfacts";

/** The statement lines that say which currency the statements are in (any taxonomy). */
const STATEMENT_CONCEPTS = [
  "Assets",
  "Liabilities",
  "StockholdersEquity",
  "Equity",
  "Revenues",
  "Revenue",
  "RevenueFromContractWithCustomerExcludingAssessedTax",
  "NetIncomeLoss",
  "ProfitLoss",
];
const FINANCIAL_TAXONOMIES = ["us-gaap", "ifrs-full"];
const CURRENCY = /^[A-Z]{3}$/;

export interface CurrencyReport {
  /** The currency most statement facts are in (USD for most filers); null where the filer has none. */
  statements: string | null;
  /** Facts in a currency other than the statements' and USD: "us-gaap:LongTermDebtCurrent (EUR, 4 facts)". */
  otherFacts: string[];
  /** The taxonomies of the filer's financial facts; the reader reads us-gaap only. */
  taxonomies: string[];
}

export function currencyReport(facts: CompanyFacts): CurrencyReport {
  const counts = new Map<string, number>();
  const taxonomies = new Set<string>();
  const other: string[] = [];
  for (const [name, units] of facts.concepts) {
    const [taxonomy, concept] = name.split(":") as [string, string];
    if (!FINANCIAL_TAXONOMIES.includes(taxonomy)) continue;
    taxonomies.add(taxonomy);
    for (const [unit, list] of Object.entries(units)) {
      if (!CURRENCY.test(unit)) continue;
      if (STATEMENT_CONCEPTS.includes(concept)) counts.set(unit, (counts.get(unit) ?? 0) + list.length);
    }
  }
  const statements = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
  for (const [name, units] of facts.concepts) {
    if (!FINANCIAL_TAXONOMIES.includes(name.split(":")[0]!)) continue;
    for (const [unit, list] of Object.entries(units))
      if (CURRENCY.test(unit) && unit !== "USD" && unit !== statements)
        other.push(`${name} (${unit}, ${list.length} fact${list.length === 1 ? "" : "s"})`);
  }
  return { statements, otherFacts: other.sort(), taxonomies: [...taxonomies].sort() };
}
