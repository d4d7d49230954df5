// A fetch that fails before any answer: from a page on another origin the message names CORS (the likely cause in
// a browser, where a missing Access-Control-Allow-Origin looks exactly like a dead host); without a page it does not.
import { unreachableMessage } from "../../src/data/fetch-failure";

const url = new URL("https://data.firm.com/qualis/snapshot.json");
const failed = new TypeError("Failed to fetch");

test("a page on another origin: CORS named first, with the header and the page's origin", () => {
  expect(unreachableMessage(url, failed, "https://addin.qualis-smallcaps.com")).toBe(
    "Could not read data.firm.com: Failed to fetch. If the address opens in a browser tab, its host most likely does " +
      "not allow this add-in to read it (CORS): it must answer with the header Access-Control-Allow-Origin: " +
      "https://addin.qualis-smallcaps.com (or *). Otherwise check the address and your connection.",
  );
});

test("the same origin as the page, or no page (Node, the CLI): no CORS, only the address and the connection", () => {
  expect(unreachableMessage(url, failed, "https://data.firm.com")).toBe(
    "Could not reach data.firm.com: Failed to fetch. Check the address and your connection.",
  );
  expect(unreachableMessage(url, failed, undefined)).toBe(
    "Could not reach data.firm.com: Failed to fetch. Check the address and your connection.",
  );
});
