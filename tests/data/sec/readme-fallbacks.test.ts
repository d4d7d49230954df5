// The README's table of us-gaap fallbacks is the concept table of src/data/sec/concepts.ts, row for row.
import { readFileSync } from "fs";
import path from "path";
import { FUNDAMENTAL_FIELDS } from "../../../src/model/fundamentals";
import { fallbackTableRows } from "../../../src/data/sec/concepts";

test("README 'Real data' lists every field's fallbacks exactly as the builder uses them", () => {
  const readme = readFileSync(path.join(__dirname, "../../../README.md"), "utf8");
  const rows = readme.split("\n").filter((l) => /^\| (\w+) \| (duration|instant) \|/.test(l));
  expect(rows).toEqual(fallbackTableRows(FUNDAMENTAL_FIELDS));
});
