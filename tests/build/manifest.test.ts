import { readFileSync } from "fs";
import path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require("../../scripts/check-manifest") as { checkManifest: (xml: string, o?: object) => string[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteDevUrls, productionUrl } = require("../../scripts/urls") as {
  rewriteDevUrls: (t: string, u: string) => string;
  productionUrl: () => string;
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
    const prod = rewriteDevUrls(xml, "https://cdn.firm.example/qualis/");
    expect(prod).not.toMatch(/localhost/);
    expect(check(prod, true)).toEqual([]);
  });

  test.each([
    ["malformed XML", xml.replace("</Hosts>", ""), /not well-formed XML/],
    ["a task pane page apart from the runtime", xml.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>'), /<FunctionFile> must use the runtime's resid/],
    ["a short-lived runtime", xml.replace('lifetime="long"', 'lifetime="short"'), /must be "long"/],
    ["another namespace", xml.replace('DefaultValue="QUALIS"', 'DefaultValue="CONTOSO"'), /namespace is 'CONTOSO'/],
    ["a plain-http URL", xml.replace("https://localhost:3000/functions.json", "http://localhost:3000/functions.json"), /URL is not https: http:\/\/localhost:3000\/functions.json/],
    ["an undefined resid", xml.replace('<Title resid="GetStarted.Title"/>', '<Title resid="Nope"/>'), /<Title resid="Nope"> refers to an undefined resource/],
    ["a missing icon", xml.replace("assets/icon-80.png", "assets/icon-81.png"), /names assets\/icon-81.png, which does not exist/],
    ["no SharedRuntime requirement", xml.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', ""), /SharedRuntime/],
  ])("refuses %s", (_what, text, problem) => {
    expect(check(text).join("\n")).toMatch(problem);
  });

  test("the production base URL must be https and not localhost", () => {
    const saved = process.env.QUALIS_PROD_URL;
    try {
      process.env.QUALIS_PROD_URL = "http://cdn.example/";
      expect(() => productionUrl()).toThrow(/must be https/);
      process.env.QUALIS_PROD_URL = "https://localhost:8443/";
      expect(() => productionUrl()).toThrow(/must not be localhost/);
      process.env.QUALIS_PROD_URL = "https://cdn.example/qualis";
      expect(productionUrl()).toBe("https://cdn.example/qualis/");
    } finally {
      if (saved === undefined) delete process.env.QUALIS_PROD_URL;
      else process.env.QUALIS_PROD_URL = saved;
    }
  });
});
