// The documented table of us-gaap fallbacks (docs/real-data.md; README.md before the docs were split out of it) is
// the concept table of src/data/sources/sec/concepts.ts, row for row.
import { existsSync, readFileSync } from "fs";
import path from "path";
import { FUNDAMENTAL_FIELDS } from "../../../../src/model/fundamentals";
import { fallbackTableRows } from "../../../../src/data/sources/sec/concepts";

const ROOT = path.join(__dirname, "../../../..");
const ROW = /^\| (\w+) \| (duration|instant) \|/;

test("the real-data docs list every field's fallbacks exactly as the builder uses them", () => {
  const docs = ["docs/real-data.md", "README.md"].map((f) => path.join(ROOT, f)).filter(existsSync);
  const file = docs.find((f) => readFileSync(f, "utf8").split("\n").some((l) => ROW.test(l)));
  expect(file).toBeDefined();
  const rows = readFileSync(file!, "utf8").split("\n").filter((l) => ROW.test(l));
  expect(rows).toEqual(fallbackTableRows(FUNDAMENTAL_FIELDS));
});
