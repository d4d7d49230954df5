// The lint rules that keep code from running strings or writing HTML strings into the page: every pattern in
// forbidden-patterns.tsx.txt must be reported by the rule named on its line, and the safe ways beside them must
// pass. The file is linted as if it were in src/ (as a .txt it is not linted by `eslint .` itself).
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import path from "path";

const root = path.resolve(__dirname, "../..");
const source = readFileSync(path.join(__dirname, "forbidden-patterns.tsx.txt"), "utf8");

interface Message {
  ruleId: string | null;
  line: number;
  message: string;
}

function lint(text: string): Message[] {
  const eslint = path.join(root, "node_modules", "eslint", "bin", "eslint.js");
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [eslint, "--stdin", "--stdin-filename", "src/taskpane/security-fixture.tsx", "--format", "json"],
      { cwd: root, input: text, encoding: "utf8" },
    );
  } catch (e) {
    out = (e as { stdout: string }).stdout; // eslint exits 1 when it reports errors
  }
  return (JSON.parse(out) as { messages: Message[] }[])[0]!.messages;
}

const messages = lint(source);
const lines = source
  .split("\n")
  .map((text, i) => ({ line: i + 1, text, expect: /\/\/ expect: (\S+)$/.exec(text)?.[1] ?? null }));

test("the file parses (a syntax error would hide every rule)", () => {
  expect(messages.filter((m) => m.ruleId === null)).toEqual([]);
});

test.each(lines.filter((l) => l.expect).map((l) => [l.text.trim().replace(/,? \/\/ expect: .*$/, ""), l] as const))(
  "refused: %s",
  (_code, l) => {
    expect(messages.filter((m) => m.line === l.line).map((m) => m.ruleId)).toContain(l.expect);
  },
);

test("the safe ways pass", () => {
  const flagged = messages.filter((m) => !lines[m.line - 1]!.expect);
  expect(flagged.map((m) => `line ${m.line}: ${m.ruleId} ${m.message}`)).toEqual([]);
});
