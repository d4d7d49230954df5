import { existsSync, readdirSync, readFileSync } from "fs";
import path from "path";
import { runSnapshot } from "../../src/cli/snapshot-command";
import { EXCERPT, GENERATED_AT, qualis, SEC_DIR, tempDir } from "./run-cli";
import { maxInWindow, startSecServer, type SecServer } from "../support/sec-server";

const UA = "Qualis Small Caps tests qualis-tests@example.com";
const CF = (cik: number) => `/api/xbrl/companyfacts/CIK${String(cik).padStart(10, "0")}.json`;
const SUB = (cik: number) => `/submissions/CIK${String(cik).padStart(10, "0")}.json`;
// The excerpt matches six CIKs in the fixture ticker map: 1 ticker map + 6 × (companyfacts + submissions).
const ALL_PATHS = [
  "/files/company_tickers_exchange.json",
  ...[9990001, 9990002, 9990003, 9990004, 9990005, 9990006].flatMap((c) => [CF(c), SUB(c)]),
].sort();

function fetchArgs(server: SecServer, cacheDir: string, out: string): string[] {
  return [
    "build",
    "--holdings",
    EXCERPT,
    "--fetch",
    "--user-agent",
    UA,
    "--cache-dir",
    cacheDir,
    "--out",
    out,
    "--generated-at",
    GENERATED_AT,
    "--tickers-url",
    `${server.base}/files/company_tickers_exchange.json`,
    "--companyfacts-url",
    `${server.base}/api/xbrl/companyfacts/CIK##########.json`,
    "--submissions-url",
    `${server.base}/submissions/CIK##########.json`,
    "--retry-delay-ms",
    "50",
  ];
}

const silent = { out: () => undefined, err: () => undefined };

async function secDirSnapshot(): Promise<string> {
  const out = path.join(tempDir(), "dir.json");
  const r = await qualis(
    "snapshot",
    "build",
    "--holdings",
    EXCERPT,
    "--sec-dir",
    SEC_DIR,
    "--out",
    out,
    "--generated-at",
    GENERATED_AT,
  );
  expect(r.code).toBe(0);
  return readFileSync(out, "utf8");
}

describe("qualis snapshot build --fetch against a local SEC stand-in", () => {
  let server: SecServer;
  beforeEach(async () => {
    server = await startSecServer(SEC_DIR);
  });
  afterEach(() => server.close());

  test("throttled to 10 requests/s, through a 429, a 500 and a dropped connection, to the --sec-dir snapshot byte for byte", async () => {
    server.faults.set(CF(9990001), ["429"]);
    server.faults.set(SUB(9990002), ["500"]);
    server.faults.set(CF(9990004), ["drop"]);
    const dir = tempDir();
    const out = path.join(dir, "fetched.json");
    const lines: string[] = [];
    const code = await runSnapshot(fetchArgs(server, path.join(dir, "cache"), out), {
      out: () => undefined,
      err: (l) => lines.push(l),
    });
    expect(code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(await secDirSnapshot());

    // 13 files + 3 retries; never more than 10 arriving within one second.
    expect(server.log).toHaveLength(16);
    expect(maxInWindow(server.log, 1000)).toBeLessThanOrEqual(10);
    expect(server.log.every((r) => r.userAgent === UA)).toBe(true);
    // Retry-After: 1 was honoured.
    const hits = server.log.filter((r) => r.path === CF(9990001));
    expect(hits.map((h) => h.status)).toEqual([429, 200]);
    expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(990);
    expect(server.log.filter((r) => r.path === SUB(9990002)).map((h) => h.status)).toEqual([500, 200]);
    expect(server.log.filter((r) => r.path === CF(9990004)).map((h) => h.status)).toEqual(["dropped", 200]);
    expect(lines.join("\n")).toContain(
      "SEC fetch: 11 fetched, 0 already cached, 2 not found (404), 3 retries, 0 failed",
    );
    // The company with no SEC files is remembered as such.
    expect(existsSync(path.join(dir, "cache", "companyfacts", "CIK0009990006.json.404"))).toBe(true);
  }, 30_000);

  test("an interrupted run resumes: the second run fetches only what is missing", async () => {
    const dir = tempDir();
    const cache = path.join(dir, "cache");
    const out = path.join(dir, "resumed.json");
    const stop = new AbortController();
    server.onRequest = (n) => {
      if (n === 6) stop.abort(new Error("interrupted by the test"));
    };
    await expect(runSnapshot(fetchArgs(server, cache, out), silent, { signal: stop.signal })).rejects.toThrow(
      "interrupted by the test",
    );
    expect(existsSync(out)).toBe(false);
    const cachedAfterFirst = [
      "company_tickers_exchange.json",
      ...["companyfacts", "submissions"].flatMap((d) =>
        existsSync(path.join(cache, d)) ? readdirSync(path.join(cache, d)).map((f) => `${d}/${f}`) : [],
      ),
    ];
    expect(cachedAfterFirst.length).toBeGreaterThanOrEqual(2);
    expect(cachedAfterFirst.length).toBeLessThan(13);
    expect(cachedAfterFirst.some((f) => f.endsWith(".partial"))).toBe(false);

    server.onRequest = undefined;
    // Requests the abort cut off may still reach the server a moment later: they belong to the first run.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const firstRun = server.log.length;
    const code = await runSnapshot(fetchArgs(server, cache, out), silent);
    expect(code).toBe(0);
    const second = server.log.slice(firstRun).map((r) => r.path);
    const toPath = (f: string) =>
      f === "company_tickers_exchange.json"
        ? "/files/company_tickers_exchange.json"
        : f.startsWith("companyfacts/")
          ? `/api/xbrl/${f.replace(/\.404$/, "")}`
          : `/${f.replace(/\.404$/, "")}`;
    const already = cachedAfterFirst.map(toPath);
    expect(second.filter((p) => already.includes(p))).toEqual([]);
    expect([...second, ...already].sort()).toEqual(ALL_PATHS);
    expect(readFileSync(out, "utf8")).toBe(await secDirSnapshot());
  }, 30_000);

  test("a file that keeps failing: nothing is written, the run says to run again", async () => {
    server.faults.set(SUB(9990003), ["500", "500", "500"]);
    const dir = tempDir();
    const out = path.join(dir, "x.json");
    const lines: string[] = [];
    const args = [...fetchArgs(server, path.join(dir, "cache"), out)];
    const code = await runSnapshot(args, { out: () => undefined, err: (l) => lines.push(l) }, {});
    // maxRetries is 5, so three 500s are survived …
    expect(code).toBe(0);
    server.faults.set(SUB(9990001), Array<"500">(6).fill("500"));
    const dir2 = tempDir();
    const lines2: string[] = [];
    const code2 = await runSnapshot(fetchArgs(server, path.join(dir2, "cache"), path.join(dir2, "y.json")), {
      out: () => undefined,
      err: (l) => lines2.push(l),
    });
    // … six are not.
    expect(code2).toBe(1);
    expect(lines2.join("\n")).toContain(`failed: ${server.base}${SUB(9990001)}: HTTP 500`);
    expect(lines2.join("\n")).toContain("Nothing written: run the same command again");
    expect(existsSync(path.join(dir2, "y.json"))).toBe(false);
  }, 60_000);
});
