// The snapshot contract (parseSnapshot / validateSnapshot) over generated input: any text, any JSON value, and valid
// snapshots with one part broken — with NaN, infinities, wrong types, unknown keys, "__proto__" keys. Never a throw;
// a refusal names a path and a reason; what is accepted is whole, finite, free of duplicate tickers and round-trips.
import fc from "fast-check";
import { serializeSnapshot } from "../../src/data/snapshot-codec";
import type { SnapshotWire } from "../../src/data/snapshot-schema";
import {
  parseSnapshot,
  summarizeProblems,
  validateSnapshot,
  type SnapshotResult,
} from "../../src/data/snapshot-validate";
import { normalizeTicker } from "../../src/model/tickers";
import { anyText, snapshotWire } from "./arbitraries";
import { show } from "./contract";
import { check, printCounts, tally } from "./runs";

jest.setTimeout(20 * 60_000);

afterAll(() => printCounts("snapshot"));

/** Every number anywhere in a value. */
function numbers(v: unknown, out: number[] = []): number[] {
  if (typeof v === "number") out.push(v);
  else if (Array.isArray(v)) for (const x of v) numbers(x, out);
  else if (v && typeof v === "object") for (const x of Object.values(v)) numbers(x, out);
  return out;
}

/** What any result must be; an accepted universe must also be whole, finite, unique, and read back the same. */
function checkResult(r: SnapshotResult, input: unknown): void {
  if (!r.ok) {
    if (r.problems.length === 0) throw new Error(`refused without a reason: ${show(input)}`);
    for (const p of r.problems) {
      if (typeof p.path !== "string" || typeof p.message !== "string" || p.message.trim() === "")
        throw new Error(`problem without a path or message: ${show(p)}`);
    }
    const line = summarizeProblems(r.problems);
    if (typeof line !== "string" || line.length === 0) throw new Error("empty summary");
    return;
  }
  const u = r.universe;
  if (u.companies.length === 0) throw new Error("accepted with no companies");
  const keys = new Set(u.companies.map((c) => normalizeTicker(c.ticker)));
  if (keys.size !== u.companies.length)
    throw new Error(`accepted duplicate tickers: ${show(u.companies.map((c) => c.ticker))}`);
  const bad = numbers(u).find((n) => !Number.isFinite(n));
  if (bad !== undefined) throw new Error(`accepted a non-finite number ${bad}`);
  const text = serializeSnapshot(u);
  const again = parseSnapshot(text);
  if (!again.ok || serializeSnapshot(again.universe) !== text)
    throw new Error("an accepted snapshot does not read back the same");
}

const small = snapshotWire(4);
const smallText = small.map((w) => JSON.stringify(w));

/** Text that is nearly a snapshot: a valid one cut short, with a character changed, or with junk spliced in. */
const damagedText = fc.oneof(
  fc.tuple(smallText, fc.double({ min: 0, max: 1, noNaN: true })).map(([t, f]) => t.slice(0, Math.floor(t.length * f))),
  fc
    .tuple(smallText, fc.nat(), anyText(3))
    .map(([t, i, s]) => t.slice(0, i % t.length) + s + t.slice((i % t.length) + 1)),
  fc
    .tuple(
      smallText,
      fc.nat(),
      fc.constantFrom(
        "NaN",
        "Infinity",
        "-Infinity",
        "1e400",
        "-1e400",
        "null",
        '"x"',
        "{}",
        "[]",
        "true",
        ",",
        "]",
        "}",
        '"__proto__":{}',
        "\ufeff",
        "\u0000",
      ),
    )
    .map(([t, i, s]) => t.slice(0, i % t.length) + s + t.slice(i % t.length)),
);

test("parseSnapshot: any text", async () => {
  const target = "parseSnapshot(any text)";
  await check(
    target,
    fc.property(fc.oneof(anyText(200), fc.json(), damagedText, fc.constant("\ufeff"), fc.constant("")), (text) => {
      tally(target);
      checkResult(parseSnapshot(text), text);
    }),
  );
});

test("validateSnapshot: any JSON value, and objects a program could hand it", async () => {
  const target = "validateSnapshot(any value)";
  const odd = fc.constantFrom<unknown>(
    undefined,
    Number.NaN,
    Infinity,
    -0,
    Symbol.for("x"),
    () => 1,
    new Date(0),
    new Map(),
    Object.create(null),
    [undefined],
    { length: 3 },
  );
  await check(
    target,
    fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), odd, fc.anything({ maxDepth: 3 })), (value) => {
      tally(target);
      checkResult(validateSnapshot(value), value);
    }),
  );
});

type Path = (string | number)[];

/** Every path into a document (objects and arrays), the root included. */
function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

/** A broken value: wrong type, NaN, an infinity, a huge or empty string, an extreme number, a stray key. */
const brokenValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(
    Number.NaN,
    Infinity,
    -Infinity,
    -0,
    Number.MAX_VALUE,
    -1,
    0,
    1e-300,
    "",
    " ",
    "x".repeat(5000),
    "2026-02-30",
    "2026-13-01",
    "9999-99-99",
    true,
    null,
    undefined,
    [],
    {},
  ),
);

type Mutation = { kind: "set"; value: unknown } | { kind: "delete" } | { kind: "add"; key: string; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: brokenValue.map((value) => ({ kind: "set" as const, value })) },
  { weight: 2, arbitrary: fc.constant({ kind: "delete" as const }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("__proto__", "constructor", "extra", "ticker", ""), brokenValue)
      .map(([key, value]) => ({ kind: "add" as const, key, value })),
  },
);

function mutate(doc: SnapshotWire, pick: number, m: Mutation): unknown {
  const copy = structuredClone(doc) as unknown;
  const all = paths(copy);
  const path = all[pick % all.length]!;
  if (path.length === 0) return m.kind === "set" ? m.value : copy;
  const parent = path
    .slice(0, -1)
    .reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], copy) as Record<
    string | number,
    unknown
  >;
  const key = path[path.length - 1]!;
  if (m.kind === "set") parent[key] = m.value;
  else if (m.kind === "delete") {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    const target = parent[key];
    if (target && typeof target === "object")
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
  }
  return copy;
}

test("validateSnapshot: a valid snapshot with one part broken", async () => {
  const target = "validateSnapshot(one part broken)";
  await check(
    target,
    fc.property(small, fc.nat(), mutation, (doc, pick, m) => {
      tally(target);
      const broken = mutate(doc, pick, m);
      checkResult(validateSnapshot(broken), broken);
      // The same document as text, as it arrives from a URL (JSON.stringify drops what JSON cannot hold).
      const text = JSON.stringify(broken);
      if (text !== undefined) checkResult(parseSnapshot(text), text);
    }),
  );
});

test("valid snapshots (extreme but legal values) are accepted and read back the same", async () => {
  const target = "validateSnapshot(valid)";
  await check(
    target,
    fc.property(snapshotWire(6), (doc) => {
      tally(target);
      const r = validateSnapshot(doc);
      if (!r.ok) throw new Error(`a valid snapshot was refused: ${summarizeProblems(r.problems)}`);
      checkResult(r, doc);
    }),
  );
});

test("'__proto__' keys from JSON text are refused as unknown keys, never reach an object's prototype", () => {
  const doc = JSON.parse(JSON.stringify(fc.sample(small, { seed: 1, numRuns: 1 })[0]!)) as {
    companies: Record<string, unknown>[];
  };
  const text = JSON.stringify(doc).replace('"ticker":', '"__proto__":{"polluted":true},"ticker":');
  const r = parseSnapshot(text);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(summarizeProblems(r.problems)).toMatch(/companies\[0\].*__proto__|Unrecognized key/);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
