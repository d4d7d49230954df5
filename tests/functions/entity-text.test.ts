// A Stocks data type (or any entity) in a ticker cell is read by its ticker symbol or its text, never "[object Object]".
import { tickerText } from "../../src/functions/cells";
import { ENTITY_WITHOUT_TICKER } from "../../src/functions/entity-text";

test("a Stocks record: its 'Ticker symbol' property", () => {
  const stocks = {
    type: "LinkedEntity",
    text: "Microsoft Corp",
    properties: { "Ticker symbol": { type: "String", basicValue: "MSFT" }, Name: { basicValue: "Microsoft Corp" } },
  };
  expect(tickerText(stocks)).toBe("MSFT");
});

test("an entity without a ticker property: its text; a plain property value counts too", () => {
  expect(tickerText({ type: "Entity", text: " crox ", properties: {} })).toBe("crox");
  expect(tickerText({ type: "Entity", text: "x", properties: { Ticker: "AAON" } })).toBe("AAON");
  expect(tickerText({ type: "Double", basicValue: "SPSC" })).toBe("SPSC");
});

test("an object with neither: a text that says so, not [object Object]; text cells unchanged", () => {
  expect(tickerText({ type: "Entity", properties: {} })).toBe(ENTITY_WITHOUT_TICKER);
  expect(tickerText(" AAPL ")).toBe("AAPL");
  expect(tickerText("")).toBeNull();
});
