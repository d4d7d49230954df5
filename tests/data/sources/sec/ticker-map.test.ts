import { parseTickerMap } from "../../../../src/data/sources/sec/ticker-map";

describe("SEC ticker map", () => {
  test("the SEC's own shape: integer CIKs", () => {
    const m = parseTickerMap(
      JSON.stringify({
        fields: ["cik", "name", "ticker", "exchange"],
        data: [
          [320193, "Apple Inc.", "AAPL", "Nasdaq"],
          [1067983, "BERKSHIRE HATHAWAY INC", "BRK-B", "NYSE"],
        ],
      }),
    );
    expect(m.lookup("aapl")).toEqual({ cik: "320193", name: "Apple Inc.", ticker: "AAPL", exchange: "Nasdaq" });
    expect(m.lookup("BRK.B")?.cik).toBe("1067983");
  });

  test("re-served copies with string CIKs (leading zeros dropped)", () => {
    const m = parseTickerMap(
      JSON.stringify({
        fields: ["cik", "name", "ticker", "exchange"],
        data: [["0000320193", "Apple Inc.", "AAPL", null]],
      }),
    );
    expect(m.lookup("AAPL")).toEqual({ cik: "320193", name: "Apple Inc.", ticker: "AAPL", exchange: null });
  });

  test("company_tickers.json shape", () => {
    const m = parseTickerMap(JSON.stringify({ "0": { cik_str: 789019, ticker: "MSFT", title: "MICROSOFT CORP" } }));
    expect(m.lookup("msft")?.cik).toBe("789019");
  });

  test("a row without a CIK is refused with its index", () => {
    expect(() =>
      parseTickerMap(
        JSON.stringify({
          fields: ["cik", "name", "ticker"],
          data: [
            [1, "A", "A"],
            ["x", "B", "B"],
          ],
        }),
      ),
    ).toThrow('ticker map: data[1] has no valid CIK ("x")');
  });
});
