// A snapshot server on 127.0.0.1 that answers the way a real one can go wrong: no answer, error statuses, a body cut
// off or dripped, the wrong content type, a body far too large, a redirect elsewhere. Plain http: the runtime allows
// http to 127.0.0.1 only in development builds (IS_DEV_BUILD, true under jest), which is what the tests use, and
// tests/faults/url-rules.test.ts proves a production build refuses it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "http";
import type { Socket } from "net";

export type Behaviour = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface SnapshotServer {
  /** http://127.0.0.1:port */
  base: string;
  /** What the next requests get (every path), until changed. */
  behave(b: Behaviour): void;
  requests: string[];
  /** Responses not yet closed: a refused download must not be left streaming (kept-alive idle sockets do not count). */
  streaming(): number;
  close(): Promise<void>;
}

export async function startSnapshotServer(host = "127.0.0.1"): Promise<SnapshotServer> {
  let behaviour: Behaviour = (_req, res) => {
    res.writeHead(503);
    res.end();
  };
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  let open = 0;
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? "");
    open++;
    res.on("close", () => open--);
    void Promise.resolve(behaviour(req, res)).catch(() => res.destroy());
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as { port: number }).port;
  return {
    base: `http://${host}:${port}`,
    behave: (b) => (behaviour = b),
    requests,
    streaming: () => open,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ── Behaviours ───────────────────────────────────────────────────────────────────────────────────────────────

const JSON_TYPE = { "content-type": "application/json" };

export const serve =
  (body: string | Buffer, headers: Record<string, string> = JSON_TYPE, status = 200): Behaviour =>
  (_req, res) => {
    res.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(body)) });
    res.end(body);
  };

/** Never answers (the connection stays open until the client gives up). */
export const silence: Behaviour = () => undefined;

export const status =
  (code: number): Behaviour =>
  (_req, res) => {
    res.writeHead(code, { "content-type": "text/plain" });
    res.end(`status ${code}`);
  };

/** Declares the whole body, sends part of it, then drops the connection. */
export const cutOff =
  (body: string, fraction: number): Behaviour =>
  (_req, res) => {
    res.writeHead(200, { ...JSON_TYPE, "content-length": String(Buffer.byteLength(body)) });
    res.write(body.slice(0, Math.floor(body.length * fraction)), () => res.socket?.destroy());
  };

/** Sends part of the body without a length and ends cleanly: the client sees a complete, truncated document. */
export const endsEarly =
  (body: string, fraction: number): Behaviour =>
  (_req, res) => {
    res.writeHead(200, JSON_TYPE);
    res.end(body.slice(0, Math.floor(body.length * fraction)));
  };

/** A byte at a time, every `ms`, forever (until the client gives up). */
export const drip =
  (ms: number): Behaviour =>
  (_req, res) => {
    res.writeHead(200, JSON_TYPE);
    res.write("{");
    const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(" ")), ms);
    res.on("close", () => clearInterval(timer));
  };

/** `bytes` of valid-looking JSON, in 1 MB chunks, with or without declaring the length up front. */
export const flood =
  (bytes: number, declare: boolean): Behaviour =>
  (_req, res) => {
    res.writeHead(200, { ...JSON_TYPE, ...(declare ? { "content-length": String(bytes) } : {}) });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < bytes && !res.destroyed) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once("drain", pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
  };

/** Resets the connection before any answer. */
export const reset: Behaviour = (req) => void req.socket.destroy();

export const redirect =
  (location: string): Behaviour =>
  (_req, res) => {
    res.writeHead(302, { location });
    res.end();
  };
