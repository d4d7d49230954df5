// The build record's hash (scripts/web-build.js): dist/ is reused only while nothing it was built from has changed.
// Worked over a small tree in a temporary folder, so the real dist/ and its record are never touched here.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { inputsHash } = require("../../scripts/web-build") as {
  inputsHash: (mode: string, prodUrl: string | null, base: string) => string;
};

const URL_A = "https://addin.firm.example/";
let base: string;
const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(base, rel)), { recursive: true });
  writeFileSync(path.join(base, rel), text);
};

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), "qualis-record-"));
  write("src/model/a.ts", "export const a = 1;\n");
  write("assets/icon-16.png", "png");
  write("manifest.xml", "<OfficeApp/>");
  write("package-lock.json", "{}");
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

test("the same sources give the same hash; any edit, new file, config or URL change gives another", () => {
  const h = inputsHash("production", URL_A, base);
  expect(inputsHash("production", URL_A, base)).toBe(h);
  expect(h).toMatch(/^[0-9a-f]{64}$/);

  expect(inputsHash("production", "https://cdn.other.example/", base)).not.toBe(h);
  expect(inputsHash("development", null, base)).not.toBe(h);

  write("src/model/a.ts", "export const a = 2;\n");
  const edited = inputsHash("production", URL_A, base);
  expect(edited).not.toBe(h);
  write("src/model/a.ts", "export const a = 1;\n");
  expect(inputsHash("production", URL_A, base)).toBe(h); // content, not modification times

  write("src/model/b.ts", "");
  expect(inputsHash("production", URL_A, base)).not.toBe(h);
  rmSync(path.join(base, "src/model/b.ts"));

  write("webpack.config.js", "module.exports = {};");
  expect(inputsHash("production", URL_A, base)).not.toBe(h);
  rmSync(path.join(base, "webpack.config.js"));

  write("package-lock.json", '{"lockfileVersion":3}');
  expect(inputsHash("production", URL_A, base)).not.toBe(h);
});

test("a file moved to another folder is another input", () => {
  const h = inputsHash("production", URL_A, base);
  rmSync(path.join(base, "src/model/a.ts"));
  write("src/data/a.ts", "export const a = 1;\n");
  expect(inputsHash("production", URL_A, base)).not.toBe(h);
});
