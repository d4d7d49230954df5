// What every template shares: requests under the budget however large the universe, nothing left behind when Excel
// refuses a request, the pane's list of templates, and theme labels that wildcard matching cannot confuse.
import { create } from "../../support/excel-double";
import { THEMES } from "../../../src/model/themes";
import { blockArrays } from "../../../src/taskpane/templates/insert";
import { block, formula, num, text } from "../../../src/taskpane/templates/sheet-plan";
import { TEMPLATES } from "../../../src/taskpane/templates";
import { dashboard } from "../../../src/taskpane/templates/dashboard";
import { allocation } from "../../../src/taskpane/templates/allocation";
import { calculate, demoUniverse, insert } from "./templates-support";

const u = demoUniverse();

test("the pane offers one template per user of the design: analyst, portfolio manager, adviser", () => {
  expect(TEMPLATES.map((t) => [t.id, t.audience])).toEqual([
    ["dashboard", "Analysts"],
    ["allocation", "Portfolio managers"],
    ["client", "Advisers"],
  ]);
});

test("with a small request budget the rows go in several requests, each within it; the records ride on the last", async () => {
  const budget = 16 * 1024;
  const { d, result, syncs } = await insert(dashboard, u, { budget });
  expect(syncs.length).toBeGreaterThan(3);
  expect(result.syncs).toBe(syncs.length);
  for (const s of syncs.slice(1)) {
    expect(s.requestBytes).toBeLessThanOrEqual(budget);
    expect(s.suspended).toBe(true);
  }
  expect(d.inspect.tableRows("Dashboard_1").map((r) => r.Ticker!.value)).toHaveLength(u.companies.length);
  expect(Object.values(d.inspect.settings())).toMatchObject([{ tableId: "1", tableName: "Dashboard_1" }]);
  expect(calculate(d, u).value("Dashboard 1", "D7")).toBe(u.companies.length);
});

test("a request Excel refuses leaves nothing behind: no sheet, no table, no name, no record", async () => {
  const d = create({ requestLimit: 20 * 1024 });
  await expect(insert(allocation, u, { d, budget: 1024 * 1024 })).rejects.toThrow(
    /too large for one request to Excel on the web.*Nothing was left behind/,
  );
  expect(d.inspect.sheetNames()).toEqual(["Sheet1"]);
  expect(d.inspect.tables()).toEqual([]);
  expect(d.inspect.names()).toEqual([]);
  expect(d.inspect.settings()).toEqual({});
  // Within Excel's limit, the same insert goes through.
  const { result } = await insert(allocation, u, { d, budget: 16 * 1024 });
  expect(result.sheetName).toBe("Allocation 1");
});

test("a block goes in as number formats then cells: Text for text, so a label is never read as a number or a formula", () => {
  const b = block(2, 1, [[text("0–10"), num(0.1, "0.0%"), formula("=1+1")], [text("=not a formula")]]);
  expect(blockArrays(b)).toEqual({
    formats: [
      ["@", "0.0%", "General"],
      ["@", null, null],
    ],
    formulas: [
      ["0–10", 0.1, "=1+1"],
      ["=not a formula", null, null],
    ],
  });
});

test("theme labels can be matched with wildcards: none holds a wildcard character or another label", () => {
  for (const t of THEMES) {
    expect(t.label).not.toMatch(/[*?~"]/);
    for (const other of THEMES)
      if (other !== t) expect(t.label.toLowerCase().includes(other.label.toLowerCase())).toBe(false);
  }
});
