import { readFileSync } from "fs";
import path from "path";
import { escapeHtml, HELP_CSP, HELP_CSS, helpPageHtml } from "../../src/reference/help-page";
import {
  beginMarker,
  blocksIn,
  DOCS_FILES,
  endMarker,
  GENERATED_BLOCKS,
  updateBlocks,
} from "../../src/reference/docs-blocks";
import { FIELD_CATALOGUE } from "../../src/model/catalogue";
import { FUNCTION_SPECS } from "../../src/model/function-specs";

const ROOT = path.join(__dirname, "../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

describe("generated blocks of docs/", () => {
  test.each(Object.entries(DOCS_FILES))("%s is up to date — run `npm run docs` when this fails", (file, blocks) => {
    const text = read(file);
    expect(blocksIn(text)).toEqual(
      [...blocks].sort((a, b) => Object.keys(GENERATED_BLOCKS).indexOf(a) - Object.keys(GENERATED_BLOCKS).indexOf(b)),
    );
    expect(updateBlocks(text, blocks)).toBe(text);
  });

  test("every block is in exactly one docs file", () => {
    expect(Object.values(DOCS_FILES).flat().sort()).toEqual(Object.keys(GENERATED_BLOCKS).sort());
  });

  test("hold every function and every field", () => {
    for (const f of FUNCTION_SPECS) expect(read("docs/functions.md")).toContain(`### \`QUALIS.${f.id}(`);
    for (const f of FIELD_CATALOGUE) expect(read("docs/fields.md")).toContain(`| \`${f.name}\` |`);
  });

  test("a stale block is rewritten; missing markers are an error", () => {
    const fields = read("docs/fields.md");
    const stale = fields.replace(
      /(<!-- BEGIN GENERATED fields: npx qualis docs -->\n)[\s\S]*?(<!-- END GENERATED fields -->)/,
      "$1old text\n$2",
    );
    expect(stale).not.toBe(fields);
    expect(updateBlocks(stale)).toBe(fields);
    expect(() => updateBlocks("# no markers", ["fields"])).toThrow(/markers/);
    expect(blocksIn("# no markers")).toEqual([]);
    expect(blocksIn(`${beginMarker("pillars")}\n${endMarker("pillars")}`)).toEqual(["pillars"]);
  });
});

describe("help.html", () => {
  const html = helpPageHtml();

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
    expect(HELP_CSS).toMatch(/body \{/);
  });

  test("escapes text", () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    expect(html).toContain("<h3>Size &amp; index</h3>"); // a group label with an ampersand
    expect(html).not.toContain("Size & index");
  });
});
