// The June 2025 reconstitution from the shared files: IWM of 13 May 2025 (13 days after rank day) against IWB of
// 13 Apr 2026, names in neither later file left out. In-sample: the model's estimation-error parameters were fitted
// on this very event (scripts/fit-graduation.js), so these figures show the fit, not a forecast.
import { mkdtempSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { fixture } from "./fixtures";

const io = { out: (l: string) => out.push(l), err: () => undefined };
let out: string[] = [];
const dir = mkdtempSync(path.join(os.tmpdir(), "qualis-backtest-"));
const snap = path.join(dir, "iwm-2025-05-13.json");
const json = path.join(dir, "backtest.json");

beforeAll(async () => {
  const build = ["snapshot", "build", "--holdings", fixture("ishares/IWM_holdings_2025-05-13.csv"), "--out", snap];
  expect(await main([...build, "--generated-at", "2025-05-14T00:00:00Z"], io)).toBe(0);
  out = [];
  const args = ["--after", fixture("ishares/IWB_holdings_2026-04-13.csv")];
  args.push("--still", fixture("ishares/IWM_holdings_2025-11-05.csv"), "--json", json);
  expect(await main(["backtest", "graduation", "--snapshot", snap, ...args], io)).toBe(0);
});

test("June 2025: 18 movers among 1,716 members scored, 212 left out", () => {
  const r = JSON.parse(readFileSync(json, "utf8"));
  expect(r.n).toBe(1716);
  expect(r.actual).toBe(18);
  expect(r.k).toBe(18);
  expect(r.left_out).toHaveLength(212);
  expect(r.left_out.map((x: { ticker: string }) => x.ticker)).toContain("BPMC"); // acquired by Sanofi in 2025
});

test("June 2025 (in-sample): ranks as fund weight does, expects what moved, no non-mover at p ≥ 0.99", () => {
  const r = JSON.parse(readFileSync(json, "utf8"));
  expect(r.auc).toBeGreaterThan(0.97);
  expect(r.precision_at_k).toBe(0.5);
  expect(Math.abs(r.expected - r.actual)).toBeLessThan(0.15 * r.actual);
  expect(r.brier).toBeLessThan(0.007);
  expect(r.non_movers_p_ge_0_99).toBe(0);
  expect(r.movers_p_lt_0_01).toBe(2); // DRS and SMMT: far below the band by weight on 13 May 2025
  expect(r.calibration.reduce((s: number, b: { n: number }) => s + b.n, 0)).toBe(1716);
  expect(out.join("\n")).toContain("precision at 18 0.500");
});
