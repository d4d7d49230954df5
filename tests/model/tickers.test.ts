import { normalizeTicker } from "../../src/model/tickers";

test.each([
  ["BRK.B", "BRK.B"],
  ["BRK-B", "BRK.B"],
  ["BRK B", "BRK.B"],
  [" brk/b ", "BRK.B"],
  ["abcd", "ABCD"],
  ["MOG.A", "MOG.A"],
])("%s normalises to %s", (raw, key) => {
  expect(normalizeTicker(raw)).toBe(key);
});
