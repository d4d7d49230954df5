// The real bundle: a production webpack build (with custom-functions-metadata-plugin) into a temporary folder,
// checked against the source of the functions and the offline manifest rules.
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { parseSnapshot } from "../../src/data/snapshot-validate";
import { FUNCTION_SPECS } from "../../src/model/function-specs";
import { declaredFunctions } from "../support/declared-functions";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require("../../scripts/check-manifest") as { checkManifest: (xml: string, o: object) => string[] };

const root = path.resolve(__dirname, "../..");
const out = mkdtempSync(path.join(tmpdir(), "qualis-build-"));
const PROD = "https://addin.test-firm.example/qualis/";

interface MetaParam {
  name: string;
  description?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface MetaFunction {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: MetaParam[];
  result: { dimensionality?: string };
}

let functionsJson: { functions: MetaFunction[] };
let bundle: string;

beforeAll(() => {
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: root, stdio: "pipe" });
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, QUALIS_PROD_URL: PROD },
  });
  functionsJson = JSON.parse(readFileSync(path.join(out, "functions.json"), "utf8"));
  bundle = readFileSync(path.join(out, "functions.js"), "utf8");
}, 240_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("production build", () => {
  const declared = declaredFunctions(path.join(root, "src/functions/functions.ts"));

  test("functions.json lists exactly the functions declared in src/functions", () => {
    expect(functionsJson.functions.map((f) => f.id).sort()).toEqual(declared.map((d) => d.id).sort());
    expect(declared.map((d) => d.id)).toEqual(FUNCTION_SPECS.map((f) => f.id)); // all nine
    expect(declared).toHaveLength(9);
  });

  test.each(declared.map((d) => [d.id, d] as const))("%s: ids, parameters and matrix shapes match the source", (_id, d) => {
    const meta = functionsJson.functions.find((f) => f.id === d.id)!;
    expect(meta.name).toBe(d.id);
    expect(meta.parameters.map((p) => p.name)).toEqual(d.params.map((p) => p.name));
    for (const p of d.params) {
      const mp = meta.parameters.find((x) => x.name === p.name)!;
      expect(mp.dimensionality ?? "scalar").toBe(p.matrix ? "matrix" : "scalar");
      expect(Boolean(mp.optional)).toBe(p.optional);
    }
    expect(meta.result.dimensionality ?? "scalar").toBe(d.matrixResult ? "matrix" : "scalar");
    expect(meta.helpUrl).toBe(`${PROD}help.html#${d.id.toLowerCase()}`);
    // What Excel shows is FUNCTION_SPECS' text, word for word.
    const spec = FUNCTION_SPECS.find((f) => f.id === d.id)!;
    expect(meta.description).toBe(spec.summary);
    expect(meta.parameters.map((p) => p.description)).toEqual(spec.params.map((p) => p.description));
  });

  test("help.html is built, with an anchor for every function id and a stylesheet its CSP allows", () => {
    const html = readFileSync(path.join(out, "help.html"), "utf8");
    // The production build minifies pages: attribute quotes may go.
    for (const d of declared) expect(html).toMatch(new RegExp(`<section id="?${d.id.toLowerCase()}"?>`));
    expect(html).toMatch(/Content-Security-Policy"? content="[^"]*style-src 'self'/);
    expect(existsSync(path.join(out, "help.css"))).toBe(true);
  });

  test("the bundle associates every id with its function", () => {
    for (const d of declared) expect(bundle).toMatch(new RegExp(`associate\\(\\s*["']${d.id}["']`));
  });

  test("the production manifest passes the offline checks, with no localhost left", () => {
    const xml = readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(checkManifest(xml, { production: true, assetRoot: out })).toEqual([]);
    expect(xml).not.toMatch(/localhost/);
    expect(xml.split(PROD).length - 1).toBe(11); // all eleven development URLs
  });

  test("no text asset still points at the development server", () => {
    for (const f of ["functions.json", "taskpane.html", "manifest.xml", "help.html"]) {
      expect(readFileSync(path.join(out, f), "utf8")).not.toMatch(/localhost:3000/);
    }
  });

  test("the task pane page carries a CSP with no inline script or eval, and loads both bundles", () => {
    const html = readFileSync(path.join(out, "taskpane.html"), "utf8");
    const csp = /http-equiv=["']?Content-Security-Policy["']? content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/); // no inline script bodies
    for (const f of ["runtime.js", "functions.js", "taskpane.js"]) expect(html).toContain(f);
    for (const f of ["assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png"]) {
      expect(existsSync(path.join(out, f))).toBe(true);
    }
  });

  test("the demo snapshot is built in, valid, and labelled DEMO", () => {
    const r = parseSnapshot(readFileSync(path.join(out, "snapshot/demo.json"), "utf8"));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.universe.provenance.isDemo).toBe(true);
      expect(r.universe.companies.length).toBeGreaterThanOrEqual(1900);
    }
  });
});
