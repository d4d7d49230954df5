// functions.json is written from FUNCTION_SPECS. Excel must get exactly what custom-functions-metadata (the
// generator behind Microsoft's webpack plugin) would make of the same functions declared the documented way, as
// JSDoc'd `function` declarations with T[][] shapes: the specs are rendered as such a file, the real generator
// runs on it, and its output must equal ours, to the byte.
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FUNCTION_SPECS, type CellType, type Dimensionality, type FunctionSpec } from "../../src/model/function-specs";
import { functionsJson, functionsMetadata } from "../../src/reference/functions-json";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEV_URL } = require("../../scripts/urls") as { DEV_URL: string };

const tsType = (t: CellType, d: Dimensionality) => (d === "matrix" ? `${t}[][]` : t);

/** A spec as the plugin's input: JSDoc (description, @customfunction, @helpurl, @param, @returns) on a function declaration. */
function asJsDoc(f: FunctionSpec): string {
  const doc = [
    f.summary,
    `@customfunction ${f.id}`,
    `@helpurl ${DEV_URL}help.html#${f.id.toLowerCase()}`,
    ...f.params.map((p) => `@param ${p.optional ? `[${p.name}]` : p.name} ${p.description}`),
    `@returns ${f.returns}`,
  ];
  const params = f.params
    .map((p) => `${p.name}${p.optional ? "?" : ""}: ${tsType(p.type, p.dimensionality)}`)
    .join(", ");
  return `/**\n${doc.map((l) => ` * ${l}`).join("\n")}\n */\nexport async function f_${f.id.toLowerCase()}(${params}): Promise<${tsType(f.result.type, f.result.dimensionality)}> {\n  throw new Error("declaration only");\n}\n`;
}

let generated: { metadataJson: string; errors: string[]; associate: { id: string }[] };

beforeAll(async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "qualis-cf-")), "functions.ts");
  writeFileSync(file, FUNCTION_SPECS.map(asJsDoc).join("\n"));
  generated = await generateCustomFunctionsMetadata(file);
}, 60_000);

describe("functions.json from FUNCTION_SPECS", () => {
  test("the generator reads the rendered specs without an error, as nine functions", () => {
    expect(generated.errors).toEqual([]);
    expect(generated.associate.map((a) => a.id)).toEqual(FUNCTION_SPECS.map((f) => f.id));
  });

  test("equals what custom-functions-metadata writes for the same JSDoc, to the byte", () => {
    expect(functionsMetadata(DEV_URL)).toEqual(JSON.parse(generated.metadataJson));
    expect(functionsJson(DEV_URL)).toBe(generated.metadataJson);
  });

  test("per-company functions take and return matrices; the rest take scalars", () => {
    const meta = functionsMetadata(DEV_URL).functions;
    const dims = Object.fromEntries(
      meta.map((f) => [
        f.id,
        [f.parameters.map((p) => p.dimensionality ?? "scalar").join(","), f.result.dimensionality ?? "scalar"],
      ]),
    );
    expect(dims).toEqual({
      QUALITY_SCORE: ["matrix", "matrix"],
      IS_PROFITABLE: ["matrix,scalar", "matrix"],
      GRADUATION_PROB: ["matrix,scalar", "matrix"],
      FIELD: ["matrix,scalar", "matrix"],
      FIELDS: ["", "matrix"],
      SCORE_BREAKDOWN: ["scalar", "matrix"],
      CONSTITUENTS: ["scalar,scalar,scalar", "matrix"],
      AS_OF: ["", "scalar"],
      UNPROFITABLE_SHARE: ["scalar", "scalar"],
    });
    expect(meta.find((f) => f.id === "GRADUATION_PROB")!.helpUrl).toBe(`${DEV_URL}help.html#graduation_prob`);
  });
});
