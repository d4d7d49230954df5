// One source of truth for the functions' words: FUNCTION_SPECS. The JSDoc in functions.ts (what
// custom-functions-metadata turns into functions.json, what Excel shows) must say exactly the same.
import path from "path";
import { FUNCTION_SPECS, helpAnchor } from "../../src/model/function-specs";
import { declaredFunctions } from "../support/declared-functions";

const declared = declaredFunctions(path.join(__dirname, "../../src/functions/functions.ts"));

describe("functions.ts agrees with FUNCTION_SPECS", () => {
  test("the same nine functions, in the same order", () => {
    expect(declared.map((d) => d.id)).toEqual(FUNCTION_SPECS.map((f) => f.id));
    expect(declared).toHaveLength(9);
  });

  test.each(FUNCTION_SPECS.map((f) => [f.id, f] as const))("%s: description, parameters, returns and help URL", (id, spec) => {
    const d = declared.find((x) => x.id === id)!;
    expect(d.doc.description).toBe(spec.summary);
    expect(d.doc.returns).toBe(spec.returns);
    expect(d.doc.helpUrl).toBe(`https://localhost:3000/help.html#${helpAnchor(id)}`);
    expect(d.doc.params).toEqual(spec.params.map((p) => ({ name: p.name, optional: p.optional, text: p.description })));
    // The TypeScript signature agrees with the JSDoc: same names, same optionality.
    expect(d.params.map((p) => [p.name, p.optional])).toEqual(spec.params.map((p) => [p.name, p.optional]));
  });

  test("per-company functions take and return matrices; the rest take scalars", () => {
    const perCompany = ["QUALITY_SCORE", "IS_PROFITABLE", "GRADUATION_PROB", "FIELD"];
    for (const d of declared) {
      const tickers = d.params.find((p) => p.name === "tickers");
      expect(Boolean(tickers?.matrix)).toBe(perCompany.includes(d.id));
      for (const p of d.params.filter((x) => x.name !== "tickers")) expect(p.matrix).toBe(false);
    }
    for (const id of [...perCompany, "FIELDS", "SCORE_BREAKDOWN", "CONSTITUENTS"]) expect(declared.find((d) => d.id === id)!.matrixResult).toBe(true);
    for (const id of ["AS_OF", "UNPROFITABLE_SHARE"]) expect(declared.find((d) => d.id === id)!.matrixResult).toBe(false);
  });
});
