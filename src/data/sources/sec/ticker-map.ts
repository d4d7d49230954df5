// The SEC's ticker → CIK map, in the shapes it is found in:
//  - company_tickers_exchange.json: {"fields":["cik","name","ticker","exchange"],"data":[[320193,"Apple Inc.","AAPL","Nasdaq"],…]}
//    (the SEC's own file has integer CIKs; re-served copies often carry them as strings)
//  - company_tickers.json: {"0":{"cik_str":320193,"ticker":"AAPL","title":"Apple Inc."},…}
import { z } from "zod";
import { normalizeTicker } from "../../../model/tickers";

export interface TickerMapEntry {
  cik: string;
  name: string;
  ticker: string;
  exchange: string | null;
}

const cik = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d{1,10}$/)])
  .transform((v) => String(Number(v)));

const exchangeShape = z.object({
  fields: z.array(z.string()),
  data: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
});
const tickersShape = z.record(z.string(), z.object({ cik_str: cik, ticker: z.string(), title: z.string() }));

export class TickerMap {
  private readonly byTicker = new Map<string, TickerMapEntry>();

  constructor(readonly entries: TickerMapEntry[]) {
    // The SEC lists a company's primary ticker first; keep the first entry for a ticker key.
    for (const e of entries)
      if (!this.byTicker.has(normalizeTicker(e.ticker))) this.byTicker.set(normalizeTicker(e.ticker), e);
  }

  get size(): number {
    return this.entries.length;
  }

  lookup(ticker: string): TickerMapEntry | undefined {
    return this.byTicker.get(normalizeTicker(ticker));
  }
}

export function parseTickerMap(text: string): TickerMap {
  const doc: unknown = JSON.parse(text);
  const ex = exchangeShape.safeParse(doc);
  if (ex.success) {
    const col = (name: string) => {
      const i = ex.data.fields.indexOf(name);
      if (i < 0) throw new Error(`ticker map: no '${name}' column in fields [${ex.data.fields.join(", ")}]`);
      return i;
    };
    const [ci, ni, ti, ei] = [col("cik"), col("name"), col("ticker"), ex.data.fields.indexOf("exchange")];
    const entries = ex.data.data.map((row, r) => {
      const parsedCik = cik.safeParse(row[ci]);
      if (!parsedCik.success) throw new Error(`ticker map: data[${r}] has no valid CIK (${JSON.stringify(row[ci])})`);
      const ticker = row[ti];
      if (typeof ticker !== "string" || !ticker.trim()) throw new Error(`ticker map: data[${r}] has no ticker`);
      return {
        cik: parsedCik.data,
        name: String(row[ni] ?? ""),
        ticker: ticker.trim(),
        exchange: ei >= 0 && typeof row[ei] === "string" ? (row[ei] as string) : null,
      };
    });
    return new TickerMap(entries);
  }
  const tk = tickersShape.safeParse(doc);
  if (tk.success) {
    return new TickerMap(
      Object.values(tk.data).map((e) => ({ cik: e.cik_str, name: e.title, ticker: e.ticker.trim(), exchange: null })),
    );
  }
  throw new Error(
    "ticker map: neither the {fields, data} shape of company_tickers_exchange.json nor the shape of company_tickers.json",
  );
}
