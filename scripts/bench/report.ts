// The bench's one table: a row per figure, beside its floor, rival or budget, with the ratio and the target.

export type Figure = { ms: number } | { bytes: number } | { count: number } | { text: string };

export interface Row {
  /** The issue's item number (1–7). */
  item: string;
  what: string;
  /** Constituents (or table rows) the figure is for. */
  n: number | null;
  value: Figure;
  against: string;
  againstValue: Figure;
  /** value / againstValue. */
  ratio: number;
  /** First and third quartiles of the per-round ratios (timed rows). */
  spread?: [number, number];
  /** The largest ratio allowed; null where the figure is reported without a target. */
  target: number | null;
  /** The first measurement missed the target and this is the second. */
  remeasured?: boolean;
}

function figure(f: Figure): string {
  if ("ms" in f) {
    if (f.ms >= 1000) return `${(f.ms / 1000).toFixed(2)} s`;
    if (f.ms >= 1) return `${f.ms.toFixed(f.ms >= 100 ? 0 : f.ms >= 10 ? 1 : 2)} ms`;
    return `${(f.ms * 1000).toFixed(0)} µs`;
  }
  if ("bytes" in f)
    return f.bytes >= 1024 * 1024 ? `${(f.bytes / 1024 / 1024).toFixed(2)} MB` : `${(f.bytes / 1024).toFixed(1)} KB`;
  if ("count" in f) return String(f.count);
  return f.text;
}

const ratioText = (x: number) =>
  !Number.isFinite(x) ? "—" : x >= 100 ? `${x.toFixed(0)}×` : x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`;

export function formatTable(
  header: string,
  rows: readonly Row[],
  notes: readonly string[],
): { text: string; misses: string[] } {
  const misses: string[] = [];
  const cells = rows.map((r) => {
    const ok = r.target === null ? "" : r.ratio <= r.target ? "ok" : "MISS";
    if (ok === "MISS")
      misses.push(`${r.item} ${r.what}${r.n ? ` (n = ${r.n})` : ""}: ${ratioText(r.ratio)} > ${ratioText(r.target!)}`);
    const spread = r.spread
      ? ` (${r.spread[0].toFixed(r.ratio >= 10 ? 0 : 2)}–${r.spread[1].toFixed(r.ratio >= 10 ? 0 : 2)})`
      : "";
    return [
      r.item,
      r.what,
      r.n === null ? "" : r.n.toLocaleString("en-US"),
      figure(r.value),
      r.against,
      figure(r.againstValue),
      `${ratioText(r.ratio)}${spread}`,
      r.target === null ? "—" : `≤ ${ratioText(r.target)}`,
      ok + (r.remeasured ? " (re-measured)" : ""),
    ];
  });
  const titles = [
    "#",
    "measure",
    "n",
    "median",
    "against (floor, rival or budget)",
    "median",
    "ratio (p25–p75)",
    "target",
    "",
  ];
  const right = new Set([2, 3, 5]);
  const widths = titles.map((t, i) => Math.max(t.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => (right.has(i) ? x.padStart(widths[i]!) : x.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const rule = "─".repeat(widths.reduce((a, b) => a + b + 2, -2));
  const text = [header, "", line(titles), rule, ...cells.map(line), rule, ...notes].join("\n");
  return { text, misses };
}
