// The SEC's submissions JSON (https://data.sec.gov/submissions/CIK##########.json): who the filer is and its
// industry. The builder takes the SIC code and its description (the company's industry, and through the theme
// table its themes); the filings list is not needed.
export interface Submissions {
  cik: string;
  name: string;
  /** Four-digit Standard Industrial Classification code; null where absent or not a code. */
  sic: number | null;
  sicDescription: string | null;
  tickers: string[];
  exchanges: string[];
  /** "MMDD", e.g. "0630" for a June year end; null where absent. */
  fiscalYearEnd: string | null;
}

export class SubmissionsError extends Error {}

export function parseSubmissions(doc: unknown): Submissions {
  if (!doc || typeof doc !== "object") throw new SubmissionsError("submissions: not a JSON object");
  const d = doc as Record<string, unknown>;
  if ((typeof d.cik !== "string" && typeof d.cik !== "number") || !/^\d{1,10}$/.test(String(d.cik)))
    throw new SubmissionsError("submissions: no cik");
  const sicText = typeof d.sic === "string" || typeof d.sic === "number" ? String(d.sic).trim() : "";
  const sic = /^\d{3,4}$/.test(sicText) && Number(sicText) >= 100 ? Number(sicText) : null;
  const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  return {
    cik: String(Number(d.cik)),
    name: text(d.name) ?? "",
    sic,
    sicDescription: sic === null ? null : text(d.sicDescription),
    tickers: strings(d.tickers),
    exchanges: strings(d.exchanges),
    fiscalYearEnd: typeof d.fiscalYearEnd === "string" && /^\d{4}$/.test(d.fiscalYearEnd) ? d.fiscalYearEnd : null,
  };
}
