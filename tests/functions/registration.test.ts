// Every id of FUNCTION_SPECS is associated with a function that takes the parameters the spec declares.
import { FUNCTION_SPECS } from "../../src/model/function-specs";
import { associateFunctions, QUALIS_FUNCTIONS } from "../../src/functions/functions";

const registry = (CustomFunctions as unknown as { __registry: Map<string, unknown> }).__registry;

test("associateFunctions registers each spec's id with its implementation", () => {
  registry.clear();
  associateFunctions();
  expect([...registry.keys()].sort()).toEqual(FUNCTION_SPECS.map((f) => f.id).sort());
  for (const f of FUNCTION_SPECS) expect(registry.get(f.id)).toBe(QUALIS_FUNCTIONS[f.id]);
});

test.each(FUNCTION_SPECS.map((f) => [f.id, f] as const))("%s takes the spec's parameters, in number", (id, f) => {
  expect(QUALIS_FUNCTIONS[id].length).toBe(f.params.length);
});
