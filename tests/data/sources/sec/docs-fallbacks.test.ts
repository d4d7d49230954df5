// The documented table of us-gaap fallbacks (docs/real-data.md) is the concept table of src/data/sources/sec/concepts.ts, row for row.
import { readFileSync } from "fs";
import path from "path";
import { FUNDAMENTAL_FIELDS } from "../../../../src/model/fundamentals";
import { fallbackTableRows } from "../../../../src/data/sources/sec/concepts";

const ROOT = path.join(__dirname, "../../../..");
const ROW = /^\| (\w+) \| (duration|instant) \|/;

test("the real-data docs list every field's fallbacks exactly as the builder uses them", () => {
  const rows = readFileSync(path.join(ROOT, "docs/real-data.md"), "utf8")
    .split("\n")
    .filter((l) => ROW.test(l));
  expect(rows).toEqual(fallbackTableRows(FUNDAMENTAL_FIELDS));
});
