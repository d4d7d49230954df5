// Issue 17, class 7: look-alike and control characters. A ticker with a zero-width space, a soft hyphen or a
// Cyrillic letter passed as a distinct company; NUL, RTL overrides and escape sequences stayed in names, and
// `snapshot build` wrote raw escape bytes to the terminal. Generated here: tickers with one foreign character,
// names full of hidden ones, and whatever text a command might print.
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import fc from "fast-check";
import { loadHoldingsCsv } from "../../src/data/sources/holdings";
import { validateSnapshot } from "../../src/data/snapshot-validate";
import { safeIO } from "../../src/cli/main";
import { codePointName, hasHiddenCharacters } from "../../src/model/text";
import { holdingsCsv } from "../fixtures/holdings/holdings-csv";
import { qualis, tempDir } from "../cli/run-cli";
import { snapshotWire } from "./arbitraries";
import { show } from "./contract";
import { check, printCounts, RUNS, tally } from "./runs";

jest.setTimeout(20 * 60_000);
afterAll(() => printCounts("hidden"));

/** Characters outside the ticker set: the attack's own examples first, then any code point that is not in it. */
const foreign = fc
  .oneof(
    fc.constantFrom("\u200b", "\u00ad", "\u0410", "\u0412", "\u0421", "\u0000", "\u202e", "\u001b", "\u2066", "\ufeff"),
    fc.integer({ min: 0x0400, max: 0x04ff }).map((n) => String.fromCodePoint(n)), // Cyrillic
    fc.integer({ min: 0, max: 0x10ffff }).map((n) => String.fromCodePoint(n)),
  )
  .filter((ch) => !/^[A-Za-z0-9 ./_-]$/.test(ch) && !/^\s$/.test(ch));
const plainTicker = fc.stringMatching(/^[A-Z]{2,5}$/);
const lookAlike = fc
  .tuple(plainTicker, foreign, fc.nat())
  .map(([t, ch, at]) => ({ ticker: t.slice(0, at % (t.length + 1)) + ch + t.slice(at % (t.length + 1)), ch }));
/** Text salted with hidden characters: controls, ESC sequences, bidi overrides, zero-width ones. */
const HIDDEN = [
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\u001b]0;pwned\u0007",
  "\u009b2J",
  "\u202e",
  "\u200b",
  "\u00ad",
  "\r",
  "\n",
  "\t",
  "\u2067",
  "\ufeff",
];
const saltedName = fc
  .array(fc.oneof(fc.stringMatching(/^[A-Za-z &.,'-]{1,8}$/), fc.constantFrom(...HIDDEN)), {
    minLength: 1,
    maxLength: 12,
  })
  .map((parts) => parts.join(""));

test("a ticker with a character outside the set is refused by the snapshot, naming the character", async () => {
  await check(
    "snapshot: look-alike ticker refused",
    fc.property(snapshotWire(3), lookAlike, (w, { ticker, ch }) => {
      tally("snapshot: look-alike ticker refused");
      const companies = [{ ...w.companies[0]!, ticker }, ...w.companies.slice(1)];
      const r = validateSnapshot({ ...w, companies });
      if (r.ok) throw new Error(`accepted ticker ${show(ticker)}`);
      if (!r.problems.some((p) => p.path.endsWith(".ticker") && p.message.includes(codePointName(ch))))
        throw new Error(`no ticker problem naming ${codePointName(ch)}: ${show(r.problems)}`);
    }),
  );
});

test("holdings: a look-alike ticker is a problem on its line; a name is cleaned of hidden characters", async () => {
  await check(
    "holdings: look-alike ticker, salted name",
    fc.property(lookAlike, saltedName, ({ ticker, ch }, name) => {
      tally("holdings: look-alike ticker, salted name");
      const safeName = name.replace(/"/g, "");
      const text = holdingsCsv("iShares Russell 2000 ETF", "Apr 10, 2026", [
        { ticker, marketValue: 1e6 },
        { ticker: "REAL", name: safeName, marketValue: 2e6 },
      ]);
      const { universe, report } = loadHoldingsCsv(text, "h.csv");
      const tickers = universe.companies.map((c) => c.ticker);
      if (tickers.join() !== "REAL") throw new Error(`kept ${show(tickers)}`);
      const p = report.problems.find((x) => x.message.includes(codePointName(ch)));
      if (!p || p.line !== 11)
        throw new Error(`no problem on line 11 naming ${codePointName(ch)}: ${show(report.problems)}`);
      const kept = universe.companies[0]!.name;
      if (hasHiddenCharacters(kept)) throw new Error(`name kept hidden characters: ${show(kept)}`);
    }),
  );
});

test("a snapshot's names and industries are read without hidden characters", async () => {
  await check(
    "snapshot: names cleaned",
    fc.property(snapshotWire(3), saltedName, saltedName, (w, name, industry) => {
      tally("snapshot: names cleaned");
      const companies = [{ ...w.companies[0]!, name: name.slice(0, 200), industry: industry.slice(0, 200) }];
      const r = validateSnapshot({
        ...w,
        companies,
        provenance: { ...w.provenance, coverage: { ...w.provenance.coverage, constituents: 1 } },
      });
      if (!r.ok) throw new Error(`refused: ${show(r.problems)}`);
      const c = r.universe.companies[0]!;
      if (hasHiddenCharacters(c.name) || hasHiddenCharacters(c.industry ?? ""))
        throw new Error(`hidden characters kept: ${show([c.name, c.industry])}`);
      // what is visible stays: every letter of the name, in order
      const letters = (t: string) => t.replace(/[^A-Za-z]/g, "");
      if (letters(c.name) !== letters(name.slice(0, 200))) throw new Error(`letters lost: ${show([name, c.name])}`);
    }),
  );
});

test("whatever a command prints carries no control or hidden character but tab and line break", async () => {
  await check(
    "cli: printed lines safe",
    fc.property(fc.array(fc.oneof(fc.string({ unit: "binary" }), saltedName), { maxLength: 4 }), (lines) => {
      tally("cli: printed lines safe");
      const got: string[] = [];
      const io = safeIO({ out: (l) => got.push(l), err: (l) => got.push(l) });
      lines.forEach((l, i) => (i % 2 ? io.err(l) : io.out(l)));
      for (const l of got) if (hasHiddenCharacters(l.replace(/[\n\t]/g, ""))) throw new Error(`printed ${show(l)}`);
    }),
  );
});

test("`qualis snapshot build` over a holdings file with escape sequences prints none", async () => {
  const dir = tempDir();
  const file = path.join(dir, "h.csv");
  const out = path.join(dir, "s.json");
  const runs = Math.max(5, Math.round(RUNS / 50)); // a whole build a case: 200 at full strength
  await check(
    "cli: snapshot build output safe",
    fc.asyncProperty(saltedName, lookAlike, async (name, { ticker }) => {
      tally("cli: snapshot build output safe");
      writeFileSync(
        file,
        holdingsCsv("iShares Russell 2000 ETF\u001b[2J", "Apr 10, 2026", [
          { ticker: "REAL", name: name.replace(/"/g, ""), marketValue: 2e6 },
          { ticker, name: name.replace(/"/g, ""), marketValue: 1e6 },
          { ticker: "CASH\u001b", assetClass: "Cash\u001b[0m", marketValue: 5 },
        ]),
      );
      const r = await qualis("snapshot", "build", "--holdings", file, "--out", out, "--index-total-cap", "2,500,000");
      const printed = `${r.out}\n${r.err}`;
      if (hasHiddenCharacters(printed.replace(/[\n\t]/g, ""))) throw new Error(`printed ${show(printed)}`);
      if (r.code === 0 && hasHiddenCharacters(readFileSync(out, "utf8").replace(/\\u00[01][0-9a-f]/g, "")))
        throw new Error("the snapshot file kept hidden characters");
    }),
    runs,
  );
});
