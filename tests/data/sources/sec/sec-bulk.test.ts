// `--sec-bulk`: the SEC's bulk archives read in place give the same companies, field for field, as `--sec-dir` over
// the same files — with a ZIP64 archive of more than 65,535 entries, as the real companyfacts.zip is.
import { readdirSync, readFileSync, openSync, readSync, fstatSync, closeSync } from "fs";
import path from "path";
import { indexZip } from "../../../../src/data/sources/sec/sec-bulk";
import { EXCERPT, GENERATED_AT, qualis, SEC_DIR, tempDir } from "../../../cli/run-cli";
import { writeSyntheticZip, ZIP64_EOCD_SIGNATURE } from "../../../support/zip64";

const ENTRIES = 65_540;
const folder = (sub: string) =>
  new Map(readdirSync(path.join(SEC_DIR, sub)).map((f) => [f, readFileSync(path.join(SEC_DIR, sub, f))]));

/** True where the archive ends with a ZIP64 end-of-central-directory record and locator. */
function hasZip64Eocd(file: string): boolean {
  const fd = openSync(file, "r");
  const size = fstatSync(fd).size;
  const tail = Buffer.alloc(200);
  readSync(fd, tail, 0, 200, size - 200);
  closeSync(fd);
  for (let i = 0; i + 4 <= tail.length; i++) if (tail.readUInt32LE(i) === ZIP64_EOCD_SIGNATURE) return true;
  return false;
}

describe("qualis snapshot build --sec-bulk (ZIP64 archives of the fixtures among 65,540 entries)", () => {
  const dir = tempDir();
  const factsZip = path.join(dir, "companyfacts.zip");
  const subsZip = path.join(dir, "submissions.zip");
  const fromDir = path.join(dir, "dir.json");
  const fromBulk = path.join(dir, "bulk.json");
  let bulkRun: Awaited<ReturnType<typeof qualis>>;
  let dirRun: Awaited<ReturnType<typeof qualis>>;

  beforeAll(async () => {
    writeSyntheticZip(factsZip, { files: folder("companyfacts"), entries: ENTRIES });
    writeSyntheticZip(subsZip, { files: folder("submissions"), entries: ENTRIES, store: true });
    const common = ["snapshot", "build", "--holdings", EXCERPT, "--generated-at", GENERATED_AT];
    dirRun = await qualis(...common, "--sec-dir", SEC_DIR, "--out", fromDir);
    bulkRun = await qualis(
      ...common,
      "--sec-bulk",
      factsZip,
      "--submissions-bulk",
      subsZip,
      "--ticker-map",
      path.join(SEC_DIR, "company_tickers.json"),
      "--out",
      fromBulk,
    );
  }, 60_000);

  test("the archives are ZIP64 with more than 65,535 entries", async () => {
    expect(hasZip64Eocd(factsZip)).toBe(true);
    const idx = await indexZip(factsZip, new Set(["CIK0009990001.json", "CIK0009990006.json"]));
    expect(idx.total).toBe(ENTRIES);
    expect([...idx.entries.keys()]).toEqual(["CIK0009990001.json"]);
    expect(await idx.read("CIK0009990001.json")).toEqual(
      JSON.parse(readFileSync(path.join(SEC_DIR, "companyfacts/CIK0009990001.json"), "utf8")),
    );
    expect(await idx.read("CIK0009990006.json")).toBeUndefined();
    idx.close();
  }, 60_000); // reads a 65,540-entry central directory / runs the CLI: seconds on a loaded machine, not a timing test

  test("the same snapshot, byte for byte, as --sec-dir over the same files", () => {
    expect(dirRun.code).toBe(0);
    expect(bulkRun.code).toBe(0);
    const bulk = JSON.parse(readFileSync(fromBulk, "utf8"));
    expect(bulk.companies.filter((c: { ttm: unknown }) => c.ttm !== null)).toHaveLength(4);
    expect(readFileSync(fromBulk, "utf8")).toBe(readFileSync(fromDir, "utf8"));
  });

  test("the coverage report differs only in naming its input", () => {
    const label = /^SEC: .*$/m;
    const bulk = readFileSync(`${fromBulk}.coverage.txt`, "utf8");
    expect(bulk.match(label)![0]).toBe(
      "SEC: SEC EDGAR bulk archives companyfacts.zip + submissions.zip (ticker map company_tickers.json, 8 entries)",
    );
    expect(bulk.replace(label, "")).toBe(readFileSync(`${fromDir}.coverage.txt`, "utf8").replace(label, ""));
  });

  test("--sec-bulk without --ticker-map, or with another source, is a usage error (exit 2); a file that is not a ZIP fails (exit 1)", async () => {
    const base = ["snapshot", "build", "--holdings", EXCERPT, "--out", path.join(dir, "x.json")];
    const noMap = await qualis(...base, "--sec-bulk", factsZip);
    expect(noMap.code).toBe(2);
    expect(noMap.err).toContain("--sec-bulk needs --ticker-map FILE");
    const subsAlone = await qualis(...base, "--submissions-bulk", subsZip);
    expect(subsAlone.code).toBe(2);
    expect(subsAlone.err).toContain("--submissions-bulk goes with --sec-bulk");
    const both = await qualis(...base, "--sec-bulk", factsZip, "--sec-dir", SEC_DIR, "--ticker-map", "x.json");
    expect(both.code).toBe(2);
    expect(both.err).toContain("give one of --sec-dir, --sec-bulk and --fetch, not --sec-dir and --sec-bulk");
    const notZip = await qualis(
      ...base,
      "--sec-bulk",
      EXCERPT,
      "--ticker-map",
      path.join(SEC_DIR, "company_tickers.json"),
    );
    expect(notZip.code).toBe(1);
    expect(notZip.err).toContain("IWM_excerpt.csv: not a readable ZIP archive");
  }, 60_000); // reads a 65,540-entry central directory / runs the CLI: seconds on a loaded machine, not a timing test
});
