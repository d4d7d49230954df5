import { readFileSync } from "fs";
import path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require("../../scripts/check-manifest") as { checkManifest: (xml: string, o?: object) => string[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteDevUrls, productionUrl, testProductionUrl, TEST_PROD_URL } = require("../../scripts/urls") as {
  rewriteDevUrls: (t: string, u: string) => string;
  productionUrl: (env?: Record<string, string | undefined>) => string;
  testProductionUrl: (env?: Record<string, string | undefined>) => string;
  TEST_PROD_URL: string;
};

const root = path.resolve(__dirname, "../..");
const xml = readFileSync(path.join(root, "manifest.xml"), "utf8");
const check = (text: string, production = false) => checkManifest(text, { production, assetRoot: root });

describe("manifest.xml (offline checks)", () => {
  test("the development manifest passes", () => {
    expect(check(xml)).toEqual([]);
  });

  test("it is refused as a production manifest while it points at localhost", () => {
    const problems = check(xml, true);
    expect(problems.length).toBe(11);
    expect(problems[0]).toMatch(/^production manifest still points at https:\/\/localhost:3000\//);
  });

  test("rewriting replaces every development URL, not only the first", () => {
    const prod = rewriteDevUrls(xml, "https://cdn.firm.com/qualis/");
    expect(prod).not.toMatch(/localhost/);
    expect(check(prod, true)).toEqual([]);
  });

  test.each([
    ["https://addin.qualis.example/", "addin.qualis.example"],
    ["https://cdn.firm.test/q/", "cdn.firm.test"],
    ["https://x.invalid/", "x.invalid"],
    ["https://www.example.com/", "www.example.com"],
  ])("a production manifest at the reserved %s is refused, every URL named", (base, host) => {
    const problems = check(rewriteDevUrls(xml, base), true);
    expect(problems.length).toBe(11);
    expect(problems[0]).toBe(
      `production manifest points at ${base}assets/icon-32.png, whose host is a reserved name that never resolves (.example, .test, .invalid, localhost)`,
    );
    expect(problems.every((p) => p.includes(host))).toBe(true);
  });

  test.each([
    ["malformed XML", xml.replace("</Hosts>", ""), /not well-formed XML/],
    ["a task pane page apart from the runtime", xml.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>'), /<FunctionFile> must use the runtime's resid/],
    ["a short-lived runtime", xml.replace('lifetime="long"', 'lifetime="short"'), /must be "long"/],
    ["another namespace", xml.replace('DefaultValue="QUALIS"', 'DefaultValue="CONTOSO"'), /namespace is 'CONTOSO'/],
    ["a plain-http URL", xml.replace("https://localhost:3000/functions.json", "http://localhost:3000/functions.json"), /URL is not https: http:\/\/localhost:3000\/functions.json/],
    ["an undefined resid", xml.replace('<Title resid="GetStarted.Title"/>', '<Title resid="Nope"/>'), /<Title resid="Nope"> refers to an undefined resource/],
    ["a missing icon", xml.replace("assets/icon-80.png", "assets/icon-81.png"), /names assets\/icon-81.png, which does not exist/],
    ["a task pane without its id", xml.replace("<TaskpaneId>Qualis.Taskpane</TaskpaneId>", ""), /the ShowTaskpane action has no <TaskpaneId>/],
    ["no SharedRuntime requirement", xml.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', ""), /SharedRuntime/],
  ])("refuses %s", (_what, text, problem) => {
    expect(check(text).join("\n")).toMatch(problem);
  });

  test("the production base URL must be set, https, and a real host", () => {
    expect(() => productionUrl({})).toThrow(/^QUALIS_PROD_URL is not set: .* `npm run build:dev`\.$/);
    expect(() => productionUrl({ QUALIS_PROD_URL: "http://cdn.firm.com/" })).toThrow(/must be https/);
    expect(() => productionUrl({ QUALIS_PROD_URL: "https://localhost:8443/" })).toThrow(/must not be localhost/);
    expect(() => productionUrl({ QUALIS_PROD_URL: "https://127.0.0.1/" })).toThrow(/must not be localhost/);
    expect(() => productionUrl({ QUALIS_PROD_URL: "https://addin.qualis.example/" })).toThrow(
      "QUALIS_PROD_URL's host addin.qualis.example is a reserved name that never resolves (.example, .test, .invalid, localhost) (got https://addin.qualis.example/)",
    );
    expect(() => productionUrl({ QUALIS_PROD_URL: "https://a.b.test" })).toThrow(/host a\.b\.test is a reserved name/);
    expect(() => productionUrl({ QUALIS_PROD_URL: "https://q.invalid/" })).toThrow(/reserved name/);
    expect(() => productionUrl({ QUALIS_PROD_URL: "https://intranet/" })).toThrow(/not a public host name/);
    expect(() => productionUrl({ QUALIS_PROD_URL: "not a url" })).toThrow(/is not a URL/);
    expect(productionUrl({ QUALIS_PROD_URL: "https://cdn.firm.com/qualis" })).toBe("https://cdn.firm.com/qualis/");
  });

  test("the suites' build uses QUALIS_PROD_URL when set, else their stand-in host, which passes the same rule", () => {
    expect(testProductionUrl({})).toBe(TEST_PROD_URL);
    expect(productionUrl({ QUALIS_PROD_URL: TEST_PROD_URL })).toBe(TEST_PROD_URL);
    expect(testProductionUrl({ QUALIS_PROD_URL: "https://cdn.firm.com" })).toBe("https://cdn.firm.com/");
    expect(() => testProductionUrl({ QUALIS_PROD_URL: "https://addin.qualis.example/" })).toThrow(/reserved name/);
  });
});
