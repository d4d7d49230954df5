// One entry point for every snapshot that reaches the add-in: parse, validate, check what a schema cannot
// (duplicate tickers, band above breakpoint), decode. A refusal names the JSON path and the reason.
import { normalizeTicker } from "../model/tickers";
import { FUNDAMENTAL_FIELDS } from "../model/fundamentals";
import type { Universe } from "../model/types";
import { snapshotSchema, type SnapshotWire } from "./snapshot-schema";
import { decodeSnapshot } from "./snapshot-codec";

export interface SnapshotProblem {
  /** JSON path, e.g. `companies[12] (ABC).ttm.netIncome`; empty for the document as a whole. */
  path: string;
  message: string;
}

export type SnapshotResult = { ok: true; universe: Universe } | { ok: false; problems: SnapshotProblem[] };

const MAX_PROBLEMS = 20;

/** Formats a zod path, naming the company's ticker and the fundamental field so a person can find the value. */
function describePath(path: readonly PropertyKey[], doc: unknown): string {
  let out = "";
  let node: unknown = doc;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (typeof key === "number") {
      const parentKey = path[i - 1];
      if (parentKey === "v") {
        out = out.replace(/\.v$/, "");
        out += `.${FUNDAMENTAL_FIELDS[key] ?? `[${key}]`}`;
      } else {
        out += `[${key}]`;
        const item = Array.isArray(node) ? node[key] : undefined;
        if (
          parentKey === "companies" &&
          item &&
          typeof item === "object" &&
          typeof (item as { ticker?: unknown }).ticker === "string"
        ) {
          out += ` (${(item as { ticker: string }).ticker})`;
        }
      }
    } else {
      out += out ? `.${String(key)}` : String(key);
    }
    node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return out;
}

function semanticProblems(w: SnapshotWire): SnapshotProblem[] {
  const problems: SnapshotProblem[] = [];
  const seen = new Map<string, number>();
  w.companies.forEach((c, i) => {
    const key = normalizeTicker(c.ticker);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        path: `companies[${i}] (${c.ticker})`,
        message: `duplicate ticker: '${c.ticker}' is the same company key as companies[${first}] (${w.companies[first]!.ticker})`,
      });
    } else seen.set(key, i);
    for (let y = 1; y < c.years.length; y++) {
      if (c.years[y]!.fy >= c.years[y - 1]!.fy) {
        problems.push({
          path: `companies[${i}] (${c.ticker}).years[${y}]`,
          message: "fiscal years must be most recent first, without repeats",
        });
        break;
      }
    }
  });
  if (w.index.upperBand < w.index.breakpoint) {
    problems.push({
      path: "index.upperBand",
      message: `upper band (${w.index.upperBand}) is below the breakpoint (${w.index.breakpoint})`,
    });
  }
  return problems;
}

/** Validates an already-parsed document (also used for universes built in memory, e.g. from a holdings CSV). */
export function validateSnapshot(doc: unknown): SnapshotResult {
  const parsed = snapshotSchema.safeParse(doc);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => ({
      path: describePath(issue.path, doc),
      message: issue.message,
    }));
    if (parsed.error.issues.length > MAX_PROBLEMS) {
      problems.push({ path: "", message: `…and ${parsed.error.issues.length - MAX_PROBLEMS} more problems` });
    }
    return { ok: false, problems };
  }
  const semantic = semanticProblems(parsed.data);
  if (semantic.length > 0) return { ok: false, problems: semantic.slice(0, MAX_PROBLEMS) };
  return { ok: true, universe: decodeSnapshot(parsed.data) };
}

/** Parses snapshot text (JSON) and validates it. */
export function parseSnapshot(text: string): SnapshotResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, problems: [{ path: "", message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return validateSnapshot(doc);
}

/** One line for a person: "companies[3] (ABC).price: Too small: expected number to be >0 (and 2 more problems)". */
export function summarizeProblems(problems: readonly SnapshotProblem[]): string {
  const first = problems[0];
  if (!first) return "unknown problem";
  const head = first.path ? `${first.path}: ${first.message}` : first.message;
  return problems.length > 1 ? `${head} (and ${problems.length - 1} more)` : head;
}
