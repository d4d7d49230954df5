// `qualis docs`: rewrites the generated blocks of docs/ by default, or of the one file --readme names; --check only
// says whether they are up to date.
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { beginMarker, endMarker } from "../../src/reference/docs-blocks";
import { qualis, tempDir } from "./run-cli";

const ROOT = path.join(__dirname, "../..");

test("--check passes on the docs files of the repository", async () => {
  const cwd = process.cwd();
  try {
    process.chdir(ROOT);
    const r = await qualis("docs", "--check");
    expect(r.err).toBe(
      ["docs/methodology.md", "docs/functions.md", "docs/fields.md"]
        .map((f) => `${f}: generated sections are up to date`)
        .join("\n"),
    );
    expect(r.code).toBe(0);
  } finally {
    process.chdir(cwd);
  }
});

test("--readme FILE rewrites the blocks that file carries, and --check says when they are stale", async () => {
  const file = path.join(tempDir(), "README.md");
  writeFileSync(
    file,
    `# Title\n\nProse.\n\n${beginMarker("piotroski")}\nold\n${endMarker("piotroski")}\n\nMore prose.\n`,
  );
  expect(await qualis("docs", "--readme", file, "--check")).toEqual({
    code: 1,
    out: "",
    err: `${file}: generated sections are stale — run \`npm run docs\``,
  });
  expect((await qualis("docs", "--readme", file)).code).toBe(0);
  const text = readFileSync(file, "utf8");
  expect(text).toMatch(
    /^# Title\n\nProse\.\n\n<!-- BEGIN GENERATED piotroski: npx qualis docs -->\n\| signal \| passes when \|\n/,
  );
  expect(text).toContain("| F1 ROA > 0 |");
  expect(text.endsWith(`${endMarker("piotroski")}\n\nMore prose.\n`)).toBe(true);
  expect((await qualis("docs", "--readme", file, "--check")).code).toBe(0);
});

test("a file without generated blocks is refused", async () => {
  const file = path.join(tempDir(), "plain.md");
  writeFileSync(file, "# nothing generated here\n");
  const r = await qualis("docs", "--readme", file);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/plain\.md has no generated blocks/);
});
