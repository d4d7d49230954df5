// Lint: typescript-eslint's recommended rules plus this project's security rules (no eval, no Function
// constructor, no HTML strings written into the page). no-eval, no-implied-eval and no-new-func cover eval and
// window.eval, setTimeout/setInterval with a string, and Function(...) / new Function(...); the selectors below
// close what they leave open. tests/security/eslint-rules.test.ts lints a file of forbidden patterns and expects
// every one of them to be reported.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

const HTML = "Do not write HTML strings into the page: build elements or use textContent.";
const CODE = "Do not turn strings into code: no Function constructor, however it is reached.";
const HTML_SINKS = "/^(innerHTML|outerHTML|srcdoc)$/";
const noHtmlInjection = [
  "error",
  // el.innerHTML = …, el["outerHTML"] += …, iframe.srcdoc = …
  { selector: `AssignmentExpression[left.property.name=${HTML_SINKS}]`, message: HTML },
  { selector: `AssignmentExpression[left.property.value=${HTML_SINKS}]`, message: HTML },
  // Object.assign(el, { innerHTML: … }), React props spread with dangerouslySetInnerHTML
  { selector: `Property[key.name=${HTML_SINKS}]`, message: HTML },
  { selector: "Property[key.name='dangerouslySetInnerHTML']", message: "dangerouslySetInnerHTML is not allowed." },
  {
    selector: "JSXAttribute[name.name=/^(dangerouslySetInnerHTML|srcDoc)$/]",
    message: "dangerouslySetInnerHTML and srcDoc are not allowed.",
  },
  // insertAdjacentHTML, range.createContextualFragment, el.setHTMLUnsafe, Document.parseHTMLUnsafe
  {
    selector:
      "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)$/]",
    message: HTML,
  },
  // el.setAttribute("srcdoc", …) or an event handler from a string: el.setAttribute("onclick", …)
  {
    selector: "CallExpression[callee.property.name=/^setAttribute(NS)?$/][arguments.0.value=/^(srcdoc|on[a-z]+)$/i]",
    message: HTML,
  },
  // document.write(…), window.document.writeln(…)
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
    message: "document.write is not allowed.",
  },
  {
    selector: "CallExpression[callee.object.property.name='document'][callee.property.name=/^write(ln)?$/]",
    message: "document.write is not allowed.",
  },
  // window.Function(…), new globalThis.Function(…), self["Function"]
  { selector: "MemberExpression[property.name='Function']", message: CODE },
  { selector: "MemberExpression[property.value='Function']", message: CODE },
  // (() => {}).constructor("code"): the Function constructor through any function's prototype
  { selector: ":matches(CallExpression, NewExpression)[callee.property.name='constructor']", message: CODE },
];

export default tseslint.config(
  { ignores: ["dist/**", "build/**", "node_modules/**", "coverage/**", "tests/e2e/screenshots/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        ...globals.browser,
        ...globals.node,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
        OfficeRuntime: "readonly",
      },
    },
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-script-url": "error",
      "no-restricted-syntax": noHtmlInjection,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Excel passes ranges of any cell type: the metadata needs `any[][]` to declare them.
    files: ["src/functions/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
