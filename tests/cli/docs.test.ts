import { readFileSync } from "fs";
import path from "path";
import { generatedAssets } from "../../src/cli/generated-assets";
import { escapeHtml, HELP_CSP } from "../../src/cli/help-page";
import { beginMarker, endMarker, GENERATED_SECTIONS, updateReadme } from "../../src/cli/readme-docs";
import { FIELD_CATALOGUE } from "../../src/model/catalogue";
import { FUNCTION_SPECS } from "../../src/model/function-specs";

const readme = readFileSync(path.join(__dirname, "../../README.md"), "utf8");

describe("README generated sections", () => {
  test("are up to date — run `npm run docs` when this fails", () => {
    expect(updateReadme(readme)).toBe(readme);
  });

  test("hold every function and every field", () => {
    for (const f of FUNCTION_SPECS) expect(readme).toContain(`### \`QUALIS.${f.id}(`);
    for (const f of FIELD_CATALOGUE) expect(readme).toContain(`| \`${f.name}\` |`);
  });

  test("a stale section is rewritten; missing markers are an error", () => {
    const stale = readme.replace(/(<!-- BEGIN GENERATED fields: npx qualis docs -->\n)[\s\S]*?(<!-- END GENERATED fields -->)/, "$1old text\n$2");
    expect(stale).not.toBe(readme);
    expect(updateReadme(stale)).toBe(readme);
    expect(() => updateReadme("# no markers")).toThrow(/markers/);
    for (const name of Object.keys(GENERATED_SECTIONS)) {
      expect(readme).toContain(beginMarker(name));
      expect(readme).toContain(endMarker(name));
    }
  });
});

describe("help.html", () => {
  const assets = generatedAssets();
  const html = assets["help.html"]!;

  test("has an anchor per function id in lower case, and one per field", () => {
    for (const f of FUNCTION_SPECS) {
      expect(html).toContain(`<section id="${f.id.toLowerCase()}">`);
      expect(html).toContain(escapeHtml(f.summary));
    }
    for (const f of FIELD_CATALOGUE) expect(html).toContain(`id="field-${f.name}"`);
  });

  test("no script; its only style is the linked help.css, which its CSP allows", () => {
    expect(html).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
    expect(html).not.toMatch(/<style|style=/i);
    expect(html).toContain('<link rel="stylesheet" href="help.css">');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(HELP_CSP)}">`);
    expect(HELP_CSP).toMatch(/default-src 'none'/);
    expect(HELP_CSP).toMatch(/style-src 'self'/);
    expect(assets["help.css"]).toMatch(/body \{/);
  });

  test("escapes text", () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    expect(html).toContain("<h3>Size &amp; index</h3>"); // a group label with an ampersand
    expect(html).not.toContain("Size & index");
  });
});
