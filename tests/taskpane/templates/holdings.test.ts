// The templates over a holdings-only universe (the iShares excerpt: sectors, weights and estimated caps, no
// fundamentals): each inserts cleanly, its charts read ranges that calculate, and the sheet says what is missing.
import { dashboard } from "../../../src/taskpane/templates/dashboard";
import { allocation } from "../../../src/taskpane/templates/allocation";
import { clientTable } from "../../../src/taskpane/templates/client-table";
import { NO_FUNDAMENTALS } from "../../../src/taskpane/templates/common";
import { calculate, holdingsUniverse, insert, isError } from "./templates-support";

const u = holdingsUniverse();
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

test("the universe really has no fundamentals", () => {
  expect(u.companies.length).toBe(6);
  expect(u.companies.every((c) => c.ttm === null && c.years.length === 0)).toBe(true);
});

/** Every chart's series values calculate to numbers or #N/A (a gap in the chart), never another error. */
function chartsCalculate(d: Parameters<typeof calculate>[0], sheet: string) {
  const v = calculate(d, u);
  for (const chart of d.inspect.charts(sheet)) {
    for (const s of chart.series) {
      for (const [x] of v.grid(sheet, s.values)) expect(typeof x === "number" || x === "#N/A").toBe(true);
    }
  }
  return v;
}

test("dashboard: inserts, says there are no fundamentals, and its charts read numbers or gaps", async () => {
  const { d, result } = await insert(dashboard, u);
  expect(result.syncs).toBe(3);
  expect(result.notes).toEqual([NO_FUNDAMENTALS]);
  expect(d.inspect.tables()[0]).toMatchObject({ name: "Dashboard_1", rows: 6 });
  expect(d.inspect.charts("Dashboard 1")).toHaveLength(4);
  const v = chartsCalculate(d, "Dashboard 1");
  expect(v.value("Dashboard 1", "A2")).toBe(""); // not the demo: no DEMO label
  expect(v.grid("Dashboard 1", "D7:D11")).toEqual([[6], ["no data"], ["no data"], [0], [6]]);
  expect(v.value("Dashboard 1", "A12")).toMatch(/^No fundamentals in this data \(holdings only\)/);
  expect(v.value("Dashboard 1", "J71")).toMatch(/^No company carries a theme in this data/);
  // Six companies tie at probability 1: each is listed once, in the table's order.
  expect(v.grid("Dashboard 1", "K36:K43").flat()).toEqual(["ZJUN", "ZBNK", "ZNCX", "ZQTR", "ZOTH", "ZNOF", "", ""]);
  expect(v.grid("Dashboard 1", "L36:L43").flat()).toEqual([1, 1, 1, 1, 1, 1, "#N/A", "#N/A"]);
  // Outside the table, the only errors are the #N/A that make gaps in the charts: every sector's unprofitable share
  // (no profitability is known) and the probability and row of the ranks beyond the sixth.
  const errors = d.inspect
    .cells("Dashboard 1")
    .filter((c) => c.formula !== null && !(c.row >= 49 && c.col < 8) && isError(v.value("Dashboard 1", c.address)))
    .map((c) => [c.address, v.value("Dashboard 1", c.address)]);
  const gaps = [...range(22, 32).map((r) => `K${r}`), ...range(42, 60).flatMap((r) => [`L${r}`, `M${r}`])];
  expect(errors.sort()).toEqual(gaps.map((a) => [a, "#N/A"]).sort());
});

test("allocation: the largest index weights as the names, flags instead of errors, tilts that calculate", async () => {
  const { d, result } = await insert(allocation, u);
  expect(result.notes[0]).toBe(
    "Names: the 20 largest index weights (this data has no fundamentals to rank quality by).",
  );
  expect(d.inspect.tables().map((t) => [t.name, t.rows])).toEqual([
    ["Allocation_1", 6],
    ["Allocation_1_Index", 6],
  ]);
  const v = chartsCalculate(d, "Allocation 1");
  expect(v.value("Allocation 1", "A5")).toBe(
    "No fundamentals in this data: quality, profitability and FCF yield are #N/A.",
  );
  expect(v.value("Allocation 1", "C8")).toBe(0.2); // a position limit that six equal weights respect
  expect(v.value("Allocation 1", "C13")).toBe("OK");
  expect(v.value("Allocation 1", "C17")).toBe("n/a");
  expect(v.value("Allocation 1", "N46")).toMatch(/^No company carries a theme in this data/);
  expect(typeof v.value("Allocation 1", "C16")).toBe("number");
  expect(
    v
      .grid("Allocation 1", "K25:K30")
      .flat()
      .every((x) => typeof x === "string" && /^(OK|BREACH: active)$/.test(x)),
  ).toBe(true);
});

test("client table: the largest companies, blank where there is no value, still not one formula", async () => {
  const { d, result } = await insert(clientTable, u);
  expect(result.notes[0]).toMatch(
    /^Rows: the 25 largest companies by market cap — no company in this data is known to be profitable/,
  );
  expect(d.inspect.cell("Client table 1", "A1").value).toBe("Small caps: the 25 largest companies by market cap");
  expect(d.inspect.cells("Client table 1").filter((c) => c.formula !== null)).toEqual([]);
  const rows = d.inspect.tableRows("Client_1");
  expect(rows.map((r) => r.Ticker!.value)).toEqual(["ZJUN", "ZBNK", "ZNCX", "ZQTR", "ZOTH", "ZNOF"]);
  expect(rows.every((r) => r["Quality score"]!.value === "" && r["FCF yield"]!.value === "")).toBe(true);
  expect(d.inspect.cell("Client table 1", "A5").value).toBe(
    "Qualis Small Caps · static values, not updated after they were written",
  );
  expect(d.inspect.pageLayout("Client table 1")).toMatchObject({ orientation: "Landscape", printArea: "A1:H35" });
});
