// `npm run build` without a real host fails at once, saying why, before tsc or webpack run (scripts/urls.js): the
// script is run as `npm run build` runs it, so the exit code and the message are the ones a user sees.
import { spawnSync } from "child_process";
import path from "path";

const root = path.resolve(__dirname, "../..");

function build(prodUrl: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.QUALIS_PROD_URL;
  if (prodUrl !== undefined) env.QUALIS_PROD_URL = prodUrl;
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, "scripts/web-build.js")], { cwd: root, env, encoding: "utf8" });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout, ms: Date.now() - started };
}

describe("npm run build refuses a production build without a real host", () => {
  test("QUALIS_PROD_URL unset", () => {
    const r = build(undefined);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^The web build failed: QUALIS_PROD_URL is not set: /);
    expect(r.stdout).toBe(""); // nothing compiled: tsc and webpack print nothing when they never start
  });

  test.each([
    ["https://addin.qualis.example/", /host addin\.qualis\.example is a reserved name/],
    ["https://qualis.test/", /host qualis\.test is a reserved name/],
    ["https://localhost:8443/", /must not be localhost/],
  ])("QUALIS_PROD_URL=%s", (url, why) => {
    const r = build(url);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(why);
    expect(r.stdout).toBe("");
  });
});
