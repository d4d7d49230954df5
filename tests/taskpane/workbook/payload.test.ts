import { chunkRows, jsonBytes, utf8Length, ACTION_OVERHEAD_BYTES } from "../../../src/taskpane/workbook/payload";

describe("payload estimates", () => {
  test("UTF-8 length counts multi-byte characters", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("–")).toBe(3);
    expect(utf8Length("😀")).toBe(4);
    expect(jsonBytes([["é", 1]])).toBe(Buffer.byteLength(JSON.stringify([["é", 1]])));
  });

  test("chunks stay within the budget, cover every row once, in order", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`row ${i}`, "x".repeat(i % 50), i * 1.5]);
    const budget = 4096;
    const chunks = chunkRows(rows, budget, 1000);
    expect(chunks.length).toBeGreaterThan(5);
    let next = 0;
    chunks.forEach((c, i) => {
      expect(c.start).toBe(next);
      next += c.count;
      const actual = jsonBytes(rows.slice(c.start, c.start + c.count));
      expect(c.bytes).toBeGreaterThanOrEqual(actual);
      expect(c.bytes + ACTION_OVERHEAD_BYTES + (i === 0 ? 1000 : 0)).toBeLessThanOrEqual(budget);
    });
    expect(next).toBe(rows.length);
  });

  test("everything in one chunk when it fits; a row larger than the budget is refused", () => {
    const [only, ...rest] = chunkRows([[1], [2]], 1_000_000);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ start: 0, count: 2 });
    expect(only!.bytes).toBeGreaterThanOrEqual(jsonBytes([[1], [2]]));
    expect(() => chunkRows([["x".repeat(5000)]], 4096)).toThrow(/over the 4096-byte request budget/);
  });
});
