import { asOf, isProfitable } from "../../src/functions/functions";
import { serializeSnapshot } from "../../src/data/snapshot-codec";
import { company, universe, values } from "../support/universe-builders";
import { errs, useUniverse } from "../support/test-store";

const ttm = (netIncome: number | null, fcf?: [number, number]) => ({
  end: "2026-03-31",
  values: values({ netIncome, operatingCashFlow: fcf?.[0] ?? null, capex: fcf?.[1] ?? null }),
});

const u = universe([
  company("WIN", { ttm: ttm(5, [10, 4]) }),
  company("LOSS", { ttm: ttm(-2, [1, 4]) }),
  company("BRK.B", { ttm: ttm(7) }),
  company("NOF"),
]);

beforeEach(() => useUniverse(u));

const NA = "#N/A";

describe("QUALIS.IS_PROFITABLE", () => {
  test("a single ticker gives a single value", async () => {
    expect(await isProfitable([["WIN"]])).toEqual([[true]]);
  });

  test("a column gives a column of the same shape, case- and class-spelling-insensitive", async () => {
    expect(await isProfitable([["win"], ["LOSS"], ["brk-b"], [" BRK B "]])).toEqual([[true], [false], [true], [true]]);
  });

  test("a 2-D range keeps its shape; blanks give blanks", async () => {
    expect(
      await isProfitable([
        ["WIN", ""],
        [null, "LOSS"],
      ]),
    ).toEqual([
      [true, ""],
      ["", false],
    ]);
  });

  test("an unknown ticker is #N/A in its own cell, with a message; the rest still fills", async () => {
    expect(errs(await isProfitable([["WIN"], ["XYZ"], ["NOF"], [42]]))).toEqual([
      [true],
      [{ code: NA, message: "Unknown ticker 'XYZ' — not in the Russell 2000 snapshot of 2026-04-30" }],
      [{ code: NA, message: "No fundamentals for 'NOF' in this snapshot" }],
      [{ code: NA, message: "Unknown ticker '42' — not in the Russell 2000 snapshot of 2026-04-30" }],
    ]);
  });

  test("the basis argument is honoured", async () => {
    expect(await isProfitable([["WIN"], ["LOSS"]], "fcf")).toEqual([[true], [false]]);
  });

  test("a bad basis is #VALUE! with what to use instead", async () => {
    expect(errs(await isProfitable([["WIN"], ["LOSS"]], "ebitda"))).toEqual([
      [{ code: "#VALUE!", message: "Unknown basis 'ebitda' — use net_income, operating_income, fcf, consistent" }],
    ]);
  });

  test("a call made before the universe has loaded waits for it and then answers", async () => {
    let release!: (t: string) => void;
    useUniverse(u, () => new Promise<string>((r) => (release = r)));
    const pending = isProfitable([["WIN"]]);
    await new Promise((r) => setTimeout(r, 10));
    release(serializeSnapshot(u));
    expect(await pending).toEqual([[true]]);
  });

  test("with no universe at all, #N/A says why and what to do", async () => {
    useUniverse(u, async () => Promise.reject(new Error("The bundled demo snapshot could not be read (HTTP 404).")));
    const [[cell]] = errs(await isProfitable([["WIN"]])) as unknown[][] as [[{ code: string; message: string }]];
    expect(cell.code).toBe(NA);
    expect(cell.message).toBe(
      "No universe is loaded — bundled demo universe: The bundled demo snapshot could not be read (HTTP 404). Open the Qualis pane to choose a source.",
    );
  });
});

describe("QUALIS.AS_OF", () => {
  test("date and source; DEMO where it is the demo", async () => {
    expect(await asOf()).toBe("2026-04-30 · test universe");
    useUniverse(universe([company("A")], { isDemo: true, source: "demo", asOf: "2026-10-30" }));
    expect(await asOf()).toBe("2026-10-30 · DEMO (fictional companies)");
  });

  test("says when the last refresh failed and older data is in use", async () => {
    const store = useUniverse(u);
    await store.ready();
    await store.load({ kind: "url", url: "https://data.example/s.json" });
    expect(await asOf()).toBe(
      "2026-04-30 · test universe · last refresh failed (https://data.example/s.json): no network in tests — previous data in use",
    );
  });
});
