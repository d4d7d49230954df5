// Snapshots the browser tests serve: the built demo, and a "real" one derived from it the way a later data
// delivery differs — some companies gone, some new (named like formulas, to prove they are written as text), some
// market caps moved.
import { readFileSync } from "fs";
import path from "path";
import { engineFor } from "../../src/model/engine";
import type { ScreenCriteria } from "../../src/model/screen";
import type { Universe } from "../../src/model/types";
import { parseSnapshot } from "../../src/data/snapshot-validate";
import type { SnapshotWire } from "../../src/data/snapshot-schema";

export const DIST = path.resolve(__dirname, "../../dist");
export const SNAPSHOT_URL = "https://data.qualis.test/snapshots/latest.json";

export function demoText(): string {
  return readFileSync(path.join(DIST, "snapshot", "demo.json"), "utf8");
}

export function universeOf(text: string): Universe {
  const r = parseSnapshot(text);
  if (!r.ok) throw new Error(`test snapshot invalid: ${JSON.stringify(r.problems.slice(0, 3))}`);
  return r.universe;
}

/**
 * Names that Excel would read as formulas if they were not written as text, and a ticker that would too ("-QZ3":
 * the ticker character set allows a leading "-", while "=", "+" and "@" in a ticker are refused by validation).
 */
export const INJECTIONS = [
  { ticker: "QZ1", name: '=HYPERLINK("http://evil.example","click me")' },
  { ticker: "QZ2", name: "+SUM(1,2)" },
  { ticker: "-QZ3", name: "-2+3" },
  { ticker: "QZ4", name: "@cmd /c calc" },
];

/**
 * The next delivery: every third company of the screen gone (moved out of the sector), market caps of the others up
 * 3%, and the injection companies added in the screen's range.
 */
export function laterSnapshot(criteria: ScreenCriteria): string {
  const wire = JSON.parse(demoText()) as SnapshotWire;
  const screened = engineFor(universeOf(demoText()))
    .screen(criteria)
    .map((c) => c.ticker);
  const leave = new Set(screened.filter((_, i) => i % 3 === 1));
  const template = wire.companies.find((c) => c.ticker === screened[0])!;
  for (const c of wire.companies) {
    if (leave.has(c.ticker)) c.sector = "Utilities";
    else if (c.marketCap !== null) c.marketCap = Math.round(c.marketCap * 1.03);
  }
  INJECTIONS.forEach((inj, i) => {
    wire.companies.push({
      ...structuredClone(template),
      ticker: inj.ticker,
      name: inj.name,
      cik: null,
      marketCap: 900 + i * 450,
      membership: "R2000",
    });
  });
  wire.provenance = {
    ...wire.provenance,
    asOf: "2026-11-20",
    generatedAt: "2026-11-20T18:00:00.000Z",
    source: "Qualis data desk snapshot of 20 Nov 2026 (test)",
    isDemo: false,
    coverage: {
      ...wire.provenance.coverage,
      constituents: wire.companies.length,
      withFundamentals: wire.companies.filter((c) => c.ttm).length,
    },
    notes: [],
  };
  return JSON.stringify(wire);
}
