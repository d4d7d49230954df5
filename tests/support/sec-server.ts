// A local stand-in for SEC EDGAR (127.0.0.1, random port) serving the fixtures in the SEC's URL layout, with
// scripted faults per path (429 with Retry-After, 500, a dropped connection) and a log of every request.
import { existsSync, readFileSync } from "fs";
import http from "http";
import type { AddressInfo } from "net";
import path from "path";

export type Fault = "429" | "500" | "drop";

export interface LoggedRequest {
  at: number;
  path: string;
  userAgent: string | undefined;
  status: number | "dropped";
}

export interface SecServer {
  base: string;
  log: LoggedRequest[];
  faults: Map<string, Fault[]>;
  /** Called on every request as it arrives (before it is answered). */
  onRequest?: (count: number) => void;
  close(): Promise<void>;
}

function fileFor(root: string, urlPath: string): string | null {
  // The fixtures hold the map in company_tickers.json's shape (the reader takes both shapes); it is served at
  // either URL, so the fetch mode meets the shape the SEC's exchange URL does not use.
  if (/^\/files\/company_tickers(_exchange)?\.json$/.test(urlPath)) return path.join(root, "company_tickers.json");
  let m = /^\/api\/xbrl\/companyfacts\/(CIK\d{10}\.json)$/.exec(urlPath);
  if (m) return path.join(root, "companyfacts", m[1]!);
  m = /^\/submissions\/(CIK\d{10}\.json)$/.exec(urlPath);
  if (m) return path.join(root, "submissions", m[1]!);
  return null;
}

export async function startSecServer(root: string): Promise<SecServer> {
  const server = http.createServer();
  const s: SecServer = {
    base: "",
    log: [],
    faults: new Map(),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  server.on("request", (req, res) => {
    const urlPath = new URL(req.url ?? "/", "http://x").pathname;
    const entry: LoggedRequest = {
      at: performance.now(),
      path: urlPath,
      userAgent: req.headers["user-agent"],
      status: 200,
    };
    s.log.push(entry);
    s.onRequest?.(s.log.length);
    const fault = s.faults.get(urlPath)?.shift();
    if (fault === "drop") {
      entry.status = "dropped";
      req.socket.destroy();
      return;
    }
    if (fault === "429") {
      entry.status = 429;
      res
        .writeHead(429, { "Retry-After": "1", "Content-Type": "text/html" })
        .end("<html>Request Rate Threshold Exceeded</html>");
      return;
    }
    if (fault === "500") {
      entry.status = 500;
      res.writeHead(500, { "Content-Type": "text/html" }).end("<html>Internal Server Error</html>");
      return;
    }
    const file = fileFor(root, urlPath);
    if (!file || !existsSync(file)) {
      entry.status = 404;
      res.writeHead(404, { "Content-Type": "application/xml" }).end("<Error><Code>NoSuchKey</Code></Error>");
      return;
    }
    res.writeHead(200, { "Content-Type": "application/json" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  s.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return s;
}

/** The largest number of requests that arrived within any window of `ms`. */
export function maxInWindow(log: readonly LoggedRequest[], ms: number): number {
  const t = log.map((r) => r.at).sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < t.length; j++) {
    while (t[j]! - t[i]! >= ms) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}
