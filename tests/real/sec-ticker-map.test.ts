// Real data: the SEC ticker map as re-served in ../shared/fixtures (string CIKs, pretty-printed).
import { readFileSync } from "fs";
import { parseTickerMap } from "../../src/data/sources/sec/ticker-map";
import { fixture } from "./fixtures";

describe("SEC company_tickers_exchange.json (fixture)", () => {
  const map = parseTickerMap(readFileSync(fixture("sec/company_tickers_exchange.json"), "utf8"));

  test("reads all 10,403 rows", () => {
    expect(map.size).toBe(10403);
  });

  test("known companies resolve to their CIKs", () => {
    expect(map.lookup("NVDA")).toEqual({ cik: "1045810", name: "NVIDIA CORP", ticker: "NVDA", exchange: "Nasdaq" });
    expect(map.lookup("aapl")?.cik).toBe("320193");
    expect(map.lookup("MSFT")?.cik).toBe("789019");
  });

  test("share-class tickers match whatever the spelling", () => {
    const brk = map.entries.find((e) => /^BRK[-.]B$/.test(e.ticker));
    expect(brk).toBeDefined();
    expect(map.lookup("BRK B")?.cik).toBe(brk!.cik);
  });
});
