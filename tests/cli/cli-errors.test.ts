// The CLI's mistakes in plain words (docs/cli.md#errors-and-exit-codes): each mistake a new user made, with the
// message it now gets and its exit code — 2 for how the command was called, 1 for work that could not be done.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import Papa from "papaparse";
import { FIELD_CATALOGUE } from "../../src/model/catalogue";
import { xlsxBytes } from "../support/xlsx-file";
import { EXCERPT, qualis, SEC_DIR, tempDir } from "./run-cli";

const TICKER_MAP = path.join(SEC_DIR, "company_tickers.json");

describe("a file that is not there, or not a file", () => {
  test("a wrong path is 'file not found', naming the folder looked in", async () => {
    const dir = tempDir();
    const r = await qualis("score", "--snapshot", path.join(dir, "nope.json"));
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `qualis score: --snapshot ${path.join(dir, "nope.json")}: file not found (no nope.json in ${dir})`,
    );
    const s = await qualis("snapshot", "build", "--holdings", "IWM.csv", "--out", path.join(dir, "s.json"));
    expect(s.code).toBe(1);
    expect(s.err).toMatch(/^qualis snapshot: --holdings IWM\.csv: file not found \(no IWM\.csv in /);
    const v = await qualis("validate", path.join(dir, "missing", "s.json"));
    expect(v.err).toBe(
      `qualis validate: ${path.join(dir, "missing", "s.json")}: file not found (the folder ${path.join(dir, "missing")} does not exist)`,
    );
  });

  test("the backtests check their files first, in the same words", async () => {
    const dir = tempDir();
    const snap = path.join(dir, "s.json");
    expect((await qualis("snapshot", "build", "--holdings", EXCERPT, "--out", snap)).code).toBe(0);
    const from = path.join(dir, "start.csv");
    const f = await qualis(
      "backtest",
      "factor",
      "--snapshot",
      snap,
      "--from",
      from,
      "--to",
      EXCERPT,
      "--field",
      "market_cap",
    );
    expect(f.code).toBe(1);
    expect(f.err).toBe(`qualis backtest: --from ${from}: file not found (no start.csv in ${dir})`);
    const json = path.join(dir, "missing", "bt.json");
    const g = await qualis("backtest", "graduation", "--snapshot", snap, "--after", EXCERPT, "--json", json);
    expect(g.code).toBe(1);
    expect(g.err).toBe(
      `qualis backtest: --json ${json}: the folder ${path.join(dir, "missing")} does not exist (create it first)`,
    );
  });

  test("a directory given as an input file says so", async () => {
    const dir = tempDir();
    const r = await qualis("validate", dir);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`qualis validate: ${dir} is a directory, not a file`);
  });

  test("--out into a folder that does not exist says which folder, and nothing is done", async () => {
    const dir = tempDir();
    const out = path.join(dir, "reports", "scores.csv");
    const r = await qualis("score", "--out", out);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `qualis score: --out ${out}: the folder ${path.join(dir, "reports")} does not exist (create it first)`,
    );
    const d = await qualis("demo", "--out", out);
    expect(d.err).toMatch(/^qualis demo: --out .*scores\.csv: the folder .*reports does not exist/);
    const s = await qualis("snapshot", "build", "--holdings", EXCERPT, "--out", path.join(dir, "no", "s.json"));
    expect(s.code).toBe(1);
    expect(s.err).toMatch(/^qualis snapshot: --out .*s\.json: the folder .*no does not exist/);
    expect(existsSync(path.join(dir, "reports"))).toBe(false);
  });

  test("--out at a directory says it is one", async () => {
    const dir = tempDir();
    const r = await qualis("score", "--out", dir);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `qualis score: --out ${dir} is a directory: give a file name inside it, e.g. ${path.join(dir, "out")}`,
    );
  });
});

describe("a file of the wrong kind", () => {
  test("an Excel workbook renamed .csv is named a workbook, with how to save it as CSV", async () => {
    const dir = tempDir();
    const book = path.join(dir, "IWM_holdings.csv");
    writeFileSync(book, xlsxBytes());
    const r = await qualis("snapshot", "build", "--holdings", book, "--out", path.join(dir, "s.json"));
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `qualis snapshot: --holdings ${book} is an Excel workbook (.xlsx), not a CSV: open it in Excel and save it as CSV (File → Save As → CSV UTF-8), then give that file`,
    );
    expect(existsSync(path.join(dir, "s.json"))).toBe(false);
  });

  test("a holdings CSV where a snapshot is expected points at `qualis snapshot build`", async () => {
    const r = await qualis("score", "--snapshot", EXCERPT);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `qualis score: --snapshot ${EXCERPT} is a CSV, not a snapshot (JSON): make a snapshot from a holdings CSV with \`qualis snapshot build --holdings ${EXCERPT} --out snapshot.json\``,
    );
    // The same file under another name is still recognised by its lines (the title line has no comma).
    const renamed = path.join(tempDir(), "holdings.json");
    writeFileSync(renamed, readFileSync(EXCERPT));
    expect((await qualis("validate", renamed)).err).toMatch(/holdings\.json is a CSV, not a snapshot \(JSON\)/);
  });
});

describe("usage errors exit 2, failed work exits 1", () => {
  test.each([
    [["snapshot", "build"], "qualis snapshot: --holdings and --out are required"],
    [["snapshot", "build", "--holdings", "x.csv"], "qualis snapshot: --out is required"],
    [["score", "--bogus"], "qualis score: unknown option --bogus"],
    [["score", "--out"], "qualis score: --out needs a value"],
    [["score", "--labels=yes"], "qualis score: --labels takes no value"],
    [["demo", "--seed", "x"], "qualis demo: --seed takes a whole number (got 'x')"],
    [["validate"], "qualis validate: give the snapshot file to check: qualis validate FILE"],
    [
      ["snapshot", "build", "--holdings", EXCERPT, "--out", "s.json", "--index-total-cap", "0"],
      "--index-total-cap takes a positive number (got '0')",
    ],
  ])("qualis %j", async (argv, message) => {
    const r = await qualis(...argv);
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toContain(message);
    expect(r.err).toMatch(/Usage: qualis|qualis snapshot build --holdings FILE --out FILE \[options\]/);
  });
});

describe("score: columns for scripts, labels for people, and a warning before empty columns", () => {
  const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

  test("without --labels: the catalogue names and the numbers as computed (fractions, ≥ 6 significant digits)", async () => {
    const r = await qualis("score");
    const [header, first] = parse(r.out);
    expect(header).toEqual(expect.arrayContaining(FIELD_CATALOGUE.map((f) => f.name)));
    const col = (name: string) => header!.indexOf(name);
    // The demo's first company (ALEL): net margin −19.4 / 383.7, written as a fraction to 15 significant digits.
    expect(first![col("net_margin")]).toBe(String(Number((-19.4 / 383.7).toPrecision(15))));
    expect(first![col("net_margin")]!.replace(/^-0\.0*/, "").length).toBeGreaterThanOrEqual(6);
    expect(first![col("market_cap")]).toBe("240.8"); // USD millions
  });

  test("--labels: the pane's labels with units, and '%' columns written as percentages", async () => {
    const plain = parse((await qualis("score")).out);
    const labelled = parse((await qualis("score", "--labels")).out);
    const h = labelled[0]!;
    expect(h.slice(0, 4)).toEqual([
      "Ticker",
      "Quality score (0–100)",
      "Profitable (net income)",
      "Graduation probability (0–1)",
    ]);
    for (const label of ["Market cap ($m)", "Index weight (%)", "Net margin (%)", "Net debt / EBITDA (x)", "Price ($)"])
      expect(h).toContain(label);
    const at = (rows: string[][], name: string) => rows[1]![rows[0]!.indexOf(name)]!;
    expect(Number(at(labelled, "Net margin (%)"))).toBeCloseTo(Number(at(plain, "net_margin")) * 100, 12);
    expect(at(labelled, "Net margin (%)")).toBe(String(Number(((-19.4 / 383.7) * 100).toPrecision(15))));
    expect(at(labelled, "Market cap ($m)")).toBe(at(plain, "market_cap"));
    expect(at(labelled, "Quality score (0–100)")).toBe(at(plain, "quality_score"));
  });

  test("a holdings-only snapshot: which columns will be empty, and how to fill them, said first", async () => {
    const dir = tempDir();
    const snap = path.join(dir, "h.json");
    expect((await qualis("snapshot", "build", "--holdings", EXCERPT, "--out", snap)).code).toBe(0);
    const out = path.join(dir, "h.csv");
    const r = await qualis("score", "--snapshot", snap, "--out", out);
    expect(r.code).toBe(0);
    const lines = r.err.split("\n");
    const rows = parse(readFileSync(out, "utf8"));
    const empty = rows[0]!.filter((_, i) => rows.slice(1).every((row) => row[i] === ""));
    expect(empty).toEqual(expect.arrayContaining(["quality_score", "revenue", "piotroski_f_score"]));
    expect(empty).not.toContain("market_cap");
    expect(lines[0]).toBe(
      `note: this snapshot has no fundamentals (holdings only): ${empty.length} of ${rows[0]!.length} columns will be empty in every row: ${empty.join(", ")}.`,
    );
    expect(lines[2]).toContain("qualis snapshot build --holdings FILE --out FILE.json --sec-dir DIR");
    // ZZRO (priced at 0) is a skipped holding, not a company: six of the excerpt's seven lines.
    expect(lines[3]).toMatch(new RegExp(`^wrote .*h\\.csv: 6 companies, ${rows[0]!.length} columns`));
  });

  test("a snapshot with fundamentals gets no note", async () => {
    const r = await qualis("score", "--out", path.join(tempDir(), "d.csv"));
    expect(r.err).toMatch(/^wrote .*d\.csv: 2000 companies/);
  });
});

describe("snapshot build --sec-dir", () => {
  test("a folder without companyfacts/ is warned about first; the build still runs", async () => {
    const dir = tempDir();
    const sec = path.join(dir, "sec");
    mkdirSync(sec);
    const out = path.join(dir, "s.json");
    const r = await qualis(
      "snapshot",
      "build",
      "--holdings",
      EXCERPT,
      "--out",
      out,
      "--sec-dir",
      sec,
      "--ticker-map",
      TICKER_MAP,
    );
    expect(r.code).toBe(0);
    expect(r.err.split("\n")[0]).toBe(
      `warning: --sec-dir ${sec} has no companyfacts/ or submissions/ folder: the snapshot will have no fundamentals (scores, margins and balance-sheet fields empty). Unpack the SEC's companyfacts.zip into DIR/companyfacts/ (and submissions.zip into DIR/submissions/), or use --fetch --user-agent "NAME EMAIL".`,
    );
    expect(existsSync(out)).toBe(true);
  });

  test("a folder that does not exist is refused before anything is built", async () => {
    const dir = tempDir();
    const r = await qualis(
      "snapshot",
      "build",
      "--holdings",
      EXCERPT,
      "--out",
      path.join(dir, "s.json"),
      "--sec-dir",
      path.join(dir, "sec"),
    );
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `qualis snapshot: --sec-dir ${path.join(dir, "sec")}: folder not found (${path.join(dir, "sec")} does not exist)`,
    );
  });

  test("the test fixtures' SEC folder, which has companyfacts/, gets no warning", async () => {
    const r = await qualis(
      "snapshot",
      "build",
      "--holdings",
      EXCERPT,
      "--out",
      path.join(tempDir(), "s.json"),
      "--sec-dir",
      SEC_DIR,
    );
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/warning/);
  });
});
