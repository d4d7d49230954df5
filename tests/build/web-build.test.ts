// The real bundle: the production build in dist/, checked against the function specs (the functions.json Excel
// reads, the ids the bundle associates when it runs) and the offline manifest rules. dist/ is built here unless it
// already is the production build of these sources (scripts/web-build.js keeps that record), so CI builds once.
import { existsSync, readFileSync } from "fs";
import path from "path";
import vm from "vm";
import { parseSnapshot } from "../../src/data/snapshot-validate";
import { FUNCTION_SPECS } from "../../src/model/function-specs";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require("../../scripts/check-manifest") as { checkManifest: (xml: string, o: object) => string[] };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webBuild = require("../../scripts/web-build") as {
  DIST: string;
  ensureBuild: (o: object) => { prodUrl: string };
};

const out = webBuild.DIST;
let PROD = "";

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
let associated: Map<string, unknown>;

/**
 * Runs the built runtime.js and functions.js as Excel's runtime would, with a CustomFunctions that records what is
 * associated; the universe's load fails quietly (no page to fetch from), which is all the runtime sees here.
 */
function runFunctionsBundle(dir: string): Map<string, unknown> {
  const calls = new Map<string, unknown>();
  const g: Record<string, unknown> = {
    CustomFunctions: { associate: (id: string, fn: unknown) => calls.set(id, fn), Error: class extends Error {}, ErrorCode: {} },
    document: { baseURI: `${PROD}taskpane.html` },
    fetch: async () => ({ ok: false, status: 404, text: async () => "" }),
    URL,
    setTimeout,
    clearTimeout,
    console,
  };
  g.self = g;
  g.window = g;
  g.globalThis = g;
  const context = vm.createContext(g);
  for (const f of ["runtime.js", "functions.js"]) vm.runInContext(readFileSync(path.join(dir, f), "utf8"), context, { filename: f });
  return calls;
}

beforeAll(() => {
  PROD = webBuild.ensureBuild({ log: () => undefined, quiet: true }).prodUrl;
  functionsJson = JSON.parse(readFileSync(path.join(out, "functions.json"), "utf8"));
  associated = runFunctionsBundle(out);
}, 240_000);

describe("production build", () => {
  test("functions.json lists exactly the nine functions of FUNCTION_SPECS", () => {
    expect(functionsJson.functions.map((f) => f.id)).toEqual(FUNCTION_SPECS.map((f) => f.id));
    expect(functionsJson.functions).toHaveLength(9);
  });

  test.each(FUNCTION_SPECS.map((f) => [f.id, f] as const))("%s: ids, parameters, matrix shapes and words match the spec", (id, spec) => {
    const meta = functionsJson.functions.find((f) => f.id === id)!;
    expect(meta.name).toBe(id);
    expect(meta.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
    for (const p of spec.params) {
      const mp = meta.parameters.find((x) => x.name === p.name)!;
      expect(mp.dimensionality ?? "scalar").toBe(p.dimensionality);
      expect(Boolean(mp.optional)).toBe(p.optional);
    }
    expect(meta.result.dimensionality ?? "scalar").toBe(spec.result.dimensionality);
    expect(meta.helpUrl).toBe(`${PROD}help.html#${id.toLowerCase()}`);
    expect(meta.description).toBe(spec.summary);
    expect(meta.parameters.map((p) => p.description)).toEqual(spec.params.map((p) => p.description));
  });

  test("help.html is built, with an anchor for every function id and a stylesheet its CSP allows", () => {
    const html = readFileSync(path.join(out, "help.html"), "utf8");
    // The production build minifies pages: attribute quotes may go.
    for (const f of FUNCTION_SPECS) expect(html).toMatch(new RegExp(`<section id="?${f.id.toLowerCase()}"?>`));
    expect(html).toMatch(/Content-Security-Policy"? content="[^"]*style-src 'self'/);
    expect(existsSync(path.join(out, "help.css"))).toBe(true);
  });

  test("the bundle, when it runs, associates every id with a function", () => {
    expect([...associated.keys()].sort()).toEqual(FUNCTION_SPECS.map((f) => f.id).sort());
    for (const fn of associated.values()) expect(typeof fn).toBe("function");
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
