import { normalizeTicker } from "../../src/model/tickers";

test.each([
  ["BRK.B", "BRK.B"],
  ["BRK-B", "BRK.B"],
  ["BRK B", "BRK.B"],
  [" brk/b ", "BRK.B"],
  ["abcd", "ABCD"],
  ["MOG.A", "MOG.A"],
  ["ABC1", "ABC1"],
  ["A..B", "A.B"],
  [".ABC", "ABC"],
  ["ABC.", "ABC"],
  ["ABc", "ABC"],
  ["ÅBC", "ÅBC"],
])("%s normalises to %s", (raw, key) => {
  expect(normalizeTicker(raw)).toBe(key);
});

test("normalising is idempotent: a key is its own normal form", () => {
  for (const raw of ["BRK.B", "brk-b", " A..B ", "x/y z", "ÅBC", "a_b", "1-2"]) {
    const key = normalizeTicker(raw);
    expect(normalizeTicker(key)).toBe(key);
  }
});
