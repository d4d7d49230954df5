// Item 6 of the bench: gzipped bytes of what the production build ships (dist/, made by `npm run build`).
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";

export interface Sizes {
  /** What must load before the first cell computes: the webpack runtime and the functions bundle. */
  functions: { files: string[]; gzip: number };
  /** The task pane's own code: taskpane.js and every other chunk (none of which the functions bundle loads). */
  taskpane: { files: string[]; gzip: number };
  /** The bundled demo snapshot. */
  snapshot: { files: string[]; gzip: number };
  /** Set when a source file is newer than the build: the figures may be out of date. */
  stale: string | null;
}

const FUNCTIONS_FILES = ["runtime.js", "functions.js"];
const SNAPSHOT_FILE = "snapshot/demo.json";

/** gzip at zlib's default level (6), what a web server typically sends. */
const gz = (dist: string, files: string[]) =>
  files.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f))).length, 0);

function newestUnder(dir: string): { file: string; mtime: number } {
  let best = { file: dir, mtime: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const found = entry.isDirectory() ? newestUnder(path) : { file: path, mtime: statSync(path).mtimeMs };
    if (found.mtime > best.mtime) best = found;
  }
  return best;
}

/** The sizes of dist/, or null where it has not been built. */
export function bundleSizes(root: string): Sizes | null {
  const dist = join(root, "dist");
  if (![...FUNCTIONS_FILES, "taskpane.js", SNAPSHOT_FILE].every((f) => existsSync(join(dist, f)))) return null;
  const pane = readdirSync(dist).filter((f) => f.endsWith(".js") && !FUNCTIONS_FILES.includes(f));
  const built = statSync(join(dist, "functions.js")).mtimeMs;
  const newest = [
    newestUnder(join(root, "src")),
    { file: join(root, "webpack.config.js"), mtime: statSync(join(root, "webpack.config.js")).mtimeMs },
  ].sort((a, b) => b.mtime - a.mtime)[0]!;
  return {
    functions: { files: FUNCTIONS_FILES, gzip: gz(dist, FUNCTIONS_FILES) },
    taskpane: { files: pane, gzip: gz(dist, pane) },
    snapshot: { files: [SNAPSHOT_FILE], gzip: gz(dist, [SNAPSHOT_FILE]) },
    stale: newest.mtime > built ? newest.file.slice(root.length + 1) : null,
  };
}
