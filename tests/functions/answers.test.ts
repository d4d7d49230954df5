// What the functions remember between calls (src/functions/cells.ts): answers are kept per universe, so a new
// universe is answered afresh; calls made while a new snapshot loads answer from the last good one.
import { fieldValue, isProfitable, qualityScore } from "../../src/functions/functions";
import { serializeSnapshot } from "../../src/data/snapshot-codec";
import { company, universe, values } from "../support/universe-builders";
import { errs, useUniverse } from "../support/test-store";

const ttm = (netIncome: number) => ({ end: "2026-09-30", values: values({ netIncome, revenue: 100 }) });
const u1 = universe([company("A", { marketCap: 1000, ttm: ttm(5) }), company("B", { marketCap: 2000, ttm: ttm(-5) })]);
const u2 = universe([company("A", { marketCap: 3000, ttm: ttm(-1) }), company("C", { marketCap: 500 })], {
  asOf: "2026-05-29",
});

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

describe("answers remembered between calls", () => {
  test("a repeated call gives the same answers, in the shape asked", async () => {
    useUniverse(u1);
    const first = await fieldValue(
      [
        ["A", "b"],
        ["", "A"],
      ],
      "market_cap",
    );
    expect(first).toEqual([
      [1000, 2000],
      ["", 1000],
    ]);
    expect(
      await fieldValue(
        [
          ["A", "b"],
          ["", "A"],
        ],
        "market_cap",
      ),
    ).toEqual(first);
    expect(await fieldValue([["A"]], "market_cap")).toEqual([[1000]]);
    expect(await fieldValue("A" as unknown as any[][], "market_cap")).toEqual([[1000]]); // a lone value
    expect(await fieldValue([["A"]], "name")).toEqual([["A Test Corp"]]); // another field: its own answers
  });

  test("each basis and each field is answered for itself", async () => {
    useUniverse(u1);
    expect(await isProfitable([["A"], ["B"]])).toEqual([[true], [false]]);
    expect(errs(await isProfitable([["A"], ["B"]], "fcf"))).toEqual([
      [{ code: "#N/A", message: "No trailing free cash flow for 'A' in this snapshot" }],
      [{ code: "#N/A", message: "No trailing free cash flow for 'B' in this snapshot" }],
    ]);
    expect(await isProfitable([["A"], ["B"]])).toEqual([[true], [false]]);
  });

  test("a new universe is answered afresh: nothing remembered from the last one", async () => {
    const store = useUniverse(u1);
    expect(await fieldValue([["A"], ["C"]], "market_cap")).toEqual([[1000], [expect.any(CustomFunctions.Error)]]);
    expect(await isProfitable([["A"]])).toEqual([[true]]);
    await store.loadUniverse(u2, { kind: "holdings", fileName: "iwm.csv" });
    expect(await fieldValue([["A"], ["C"]], "market_cap")).toEqual([[3000], [500]]);
    expect(await isProfitable([["A"]])).toEqual([[false]]);
  });

  test("a call made while a new snapshot loads answers from the last good one; the next call from the new one", async () => {
    const gate = deferred<string>();
    const store = useUniverse(u1);
    await store.ready();
    expect(await fieldValue([["A"]], "market_cap")).toEqual([[1000]]);
    (store as unknown as { deps: { fetchText: (url: string) => Promise<string> } }).deps.fetchText = () => gate.promise;
    const loading = store.load({ kind: "url", url: "https://data.example/snapshot.json" });
    const during = fieldValue([["A"]], "market_cap");
    gate.resolve(serializeSnapshot(u2));
    await loading;
    expect(await during).toEqual([[1000]]);
    expect(await fieldValue([["A"]], "market_cap")).toEqual([[3000]]);
  });

  test("quality scores: the same numbers warm as cold", async () => {
    useUniverse(universe([company("A", { ttm: ttm(5) }), company("B", { ttm: ttm(1) }), company("C")]));
    const cold = errs(await qualityScore([["A"], ["B"], ["C"]]));
    expect(errs(await qualityScore([["A"], ["B"], ["C"]]))).toEqual(cold);
    expect(errs(await qualityScore([["C"]]))).toEqual([cold[2]]);
  });
});
