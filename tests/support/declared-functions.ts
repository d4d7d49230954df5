// Reads src/functions/functions.ts with the TypeScript compiler API: which functions carry @customfunction, their
// ids, parameters (optional? matrix?) and whether they return a matrix — the source of truth functions.json must match.
import { readFileSync } from "fs";
import ts from "typescript";

export interface DeclaredFunction {
  id: string;
  jsName: string;
  params: { name: string; optional: boolean; matrix: boolean }[];
  matrixResult: boolean;
  /** The JSDoc: description, @param texts by name (with whether the name is [bracketed]), @returns, @helpurl. */
  doc: { description: string; params: { name: string; optional: boolean; text: string }[]; returns: string; helpUrl: string };
}

const commentText = (c: string | ts.NodeArray<ts.JSDocComment> | undefined): string =>
  (typeof c === "string" ? c : (c ?? []).map((part) => part.text).join("")).trim();

const isMatrix = (t: ts.TypeNode | undefined): boolean => {
  if (!t) return false;
  if (ts.isTypeReferenceNode(t) && t.typeName.getText() === "Promise") return isMatrix(t.typeArguments?.[0]);
  return ts.isArrayTypeNode(t) && ts.isArrayTypeNode(t.elementType);
};

export function declaredFunctions(file: string): DeclaredFunction[] {
  const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const out: DeclaredFunction[] = [];
  sf.forEachChild((node) => {
    if (!ts.isFunctionDeclaration(node) || !node.name) return;
    const tag = ts.getJSDocTags(node).find((t) => t.tagName.text === "customfunction");
    if (!tag) return;
    const id = (typeof tag.comment === "string" ? tag.comment : "").trim() || node.name.text.toUpperCase();
    out.push({
      id,
      jsName: node.name.text,
      params: node.parameters
        .filter((p) => !(p.type && p.type.getText().includes("CustomFunctions.Invocation")))
        .map((p) => ({ name: p.name.getText(), optional: Boolean(p.questionToken), matrix: isMatrix(p.type) })),
      matrixResult: isMatrix(node.type),
      doc: {
        description: commentText((node as unknown as { jsDoc?: ts.JSDoc[] }).jsDoc?.[0]?.comment),
        params: ts
          .getJSDocTags(node)
          .filter(ts.isJSDocParameterTag)
          .map((t) => ({ name: t.name.getText(), optional: t.isBracketed, text: commentText(t.comment) })),
        returns: commentText(ts.getJSDocTags(node).find((t) => t.tagName.text === "returns")?.comment),
        helpUrl: commentText(ts.getJSDocTags(node).find((t) => t.tagName.text === "helpurl")?.comment),
      },
    });
  });
  return out;
}
