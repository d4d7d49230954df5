// functions.json — what Excel reads to know the QUALIS functions — written from FUNCTION_SPECS, the one place their
// words and shapes are declared. The layout is custom-functions-metadata's own (keys in its order; "scalar" and a
// result of type "any" left out, as it leaves them), so Excel gets what that generator would make of the same
// functions written as JSDoc: tests/reference/functions-json.test.ts runs the real generator and compares.
import {
  FUNCTION_SPECS,
  HELP_PAGE,
  helpAnchor,
  type FunctionParamSpec,
  type FunctionSpec,
} from "../model/function-specs";

export interface FunctionsMetadata {
  allowCustomDataForDataTypeAny: boolean;
  functions: {
    description: string;
    helpUrl: string;
    id: string;
    name: string;
    parameters: { description: string; dimensionality?: "matrix"; name: string; optional?: true; type: string }[];
    result: { dimensionality?: "matrix"; type?: string };
  }[];
}

function parameter(p: FunctionParamSpec): FunctionsMetadata["functions"][number]["parameters"][number] {
  return {
    description: p.description,
    ...(p.dimensionality === "matrix" ? { dimensionality: "matrix" as const } : {}),
    name: p.name,
    ...(p.optional ? { optional: true as const } : {}),
    type: p.type,
  };
}

function entry(f: FunctionSpec, baseUrl: string): FunctionsMetadata["functions"][number] {
  return {
    description: f.summary,
    helpUrl: `${baseUrl}${HELP_PAGE}#${helpAnchor(f.id)}`,
    id: f.id,
    name: f.id,
    parameters: f.params.map(parameter),
    result: {
      ...(f.result.dimensionality === "matrix" ? { dimensionality: "matrix" as const } : {}),
      ...(f.result.type !== "any" ? { type: f.result.type } : {}),
    },
  };
}

/** The metadata of every QUALIS function, help URLs under `baseUrl` (the pages' base, ending in "/"). */
export function functionsMetadata(baseUrl: string): FunctionsMetadata {
  return { allowCustomDataForDataTypeAny: true, functions: FUNCTION_SPECS.map((f) => entry(f, baseUrl)) };
}

/** functions.json's text, indented as the generator writes it. */
export function functionsJson(baseUrl: string): string {
  return JSON.stringify(functionsMetadata(baseUrl), null, 4);
}
