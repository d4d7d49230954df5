// SEC EDGAR files on disk, in the layout the fetcher's cache uses and the SEC's bulk downloads unpack to:
//   DIR/company_tickers_exchange.json (or DIR/company_tickers.json)   the ticker → CIK map
//   DIR/companyfacts/CIK##########.json                               companyfacts.zip, unpacked here
//   DIR/submissions/CIK##########.json                                submissions.zip, unpacked here
// A missing file is "no data" (the coverage report lists it); a file that is not JSON is "unreadable".
import { existsSync, readFileSync } from "fs";
import path from "path";
import type { SecSource } from "./sec-universe";
import { parseTickerMap } from "./ticker-map";

export const TICKER_MAP_FILES = ["company_tickers_exchange.json", "company_tickers.json"] as const;

export function cikFileName(cik: string): string {
  return `CIK${cik.padStart(10, "0")}.json`;
}

export function companyFactsPath(dir: string, cik: string): string {
  return path.join(dir, "companyfacts", cikFileName(cik));
}

export function submissionsPath(dir: string, cik: string): string {
  return path.join(dir, "submissions", cikFileName(cik));
}

/** The ticker map file of a SEC folder: company_tickers_exchange.json, else company_tickers.json. */
export function findTickerMap(dir: string): string {
  for (const name of TICKER_MAP_FILES) {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  throw new Error(`${dir} has no ticker map (${TICKER_MAP_FILES.join(" or ")})`);
}

function readJson(file: string): unknown {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${path.basename(file)} is not valid JSON (${(e as Error).message})`);
  }
}

export function secDirSource(dir: string, tickerMapFile?: string): SecSource {
  const mapFile = tickerMapFile ?? findTickerMap(dir);
  const tickerMap = parseTickerMap(readFileSync(mapFile, "utf8"));
  return {
    label: `SEC EDGAR files in ${dir} (ticker map ${path.basename(mapFile)}, ${tickerMap.size} entries)`,
    tickerMap,
    companyFacts: (cik) => readJson(companyFactsPath(dir, cik)),
    submissions: (cik) => readJson(submissionsPath(dir, cik)),
  };
}
