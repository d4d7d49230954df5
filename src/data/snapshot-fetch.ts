// Fetching a snapshot over the network: https only (plain http to localhost only in development builds) — where a
// redirect lands too —, a timeout, a size cap read as it streams, and plain-words errors for everything that can go
// wrong.
import { displayUrl } from "../model/display-url";
import { unreachableMessage } from "./fetch-failure";

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  allowLocalhostHttp?: boolean;
  fetchImpl?: typeof fetch;
  /** Follow redirects here, checking every hop (default: in Node; the browser follows them itself). */
  redirectsByHand?: boolean;
}

const MAX_REDIRECTS = 5;
/** Node has `process.versions.node`; a browser bundle has no `process`. */
function isNode(): boolean {
  return typeof process !== "undefined" && typeof process.versions?.node === "string";
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** A 2,000-company snapshot is ~1.5 MB; 40 MB leaves room for 20,000 names and refuses anything absurd. */
export const DEFAULT_MAX_BYTES = 40 * 1024 * 1024;

export class SnapshotFetchError extends Error {}

export function checkSnapshotUrl(
  raw: string,
  allowLocalhostHttp: boolean,
): { ok: true; url: URL } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: `'${displayUrl(raw)}' is not a web address. Enter a full https:// URL.` };
  }
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  if (url.protocol === "https:") return { ok: true, url };
  if (url.protocol === "http:" && local && allowLocalhostHttp) return { ok: true, url };
  return {
    ok: false,
    message: `Only https:// addresses are allowed for snapshot data (got ${url.protocol}//${url.host}).`,
  };
}

const JSON_TYPES = /^(application\/(json|octet-stream|[\w.+-]*\+json)|text\/(json|plain))\b/i;

export async function fetchSnapshotText(raw: string, opts: FetchOptions = {}): Promise<string> {
  const checked = checkSnapshotUrl(raw, opts.allowLocalhostHttp ?? false);
  if (!checked.ok) throw new SnapshotFetchError(checked.message);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const doFetch = opts.fetchImpl ?? fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // In Node (the CLI, the tests) redirects are followed here, each hop checked by the same rule (https, or
    // localhost in development): fetch's own following showed only where the chain ended, so https → http → https
    // loaded. In the browser a redirect stays fetch's to follow: the pane is an https page, and the browser blocks
    // any plain-http hop from it as mixed content (docs/security.md); where it landed is checked again below.
    const byHand = opts.redirectsByHand ?? isNode();
    const request = (href: string) =>
      doFetch(href, {
        signal: controller.signal,
        cache: "no-cache",
        credentials: "omit",
        ...(byHand ? { redirect: "manual" as const } : {}),
      });
    let res: Response;
    let at = checked.url;
    for (let hop = 0; ; hop++) {
      try {
        // A GET that failed before any answer is asked once more (within the same time limit): a kept-alive
        // connection the server had just closed fails that way, and the next connection is fine.
        const href = at.href;
        res = await request(href).catch((e: unknown) => {
          if (controller.signal.aborted) throw e;
          return request(href);
        });
      } catch (e) {
        if (controller.signal.aborted)
          throw new SnapshotFetchError(`No answer from ${at.host} within ${timeoutMs / 1000} s.`);
        throw new SnapshotFetchError(unreachableMessage(at, e));
      }
      const location = byHand && res.status >= 300 && res.status < 400 ? res.headers.get("location") : null;
      if (location === null) break;
      if (hop >= MAX_REDIRECTS)
        throw new SnapshotFetchError(`More than ${MAX_REDIRECTS} redirects from ${checked.url.host}.`);
      let next: URL;
      try {
        next = new URL(location, at);
      } catch {
        throw new SnapshotFetchError(`${at.host} redirected to an address that is not one.`);
      }
      const hopOk = checkSnapshotUrl(next.href, opts.allowLocalhostHttp ?? false);
      if (!hopOk.ok)
        throw new SnapshotFetchError(`${at.host} redirected to ${displayUrl(next.href)}: ${hopOk.message}`);
      at = hopOk.url;
    }
    // Where fetch's own following landed must pass the same rule (in the browser).
    const landed = res.url && res.url !== at.href ? checkSnapshotUrl(res.url, opts.allowLocalhostHttp ?? false) : null;
    if (landed && !landed.ok)
      throw new SnapshotFetchError(`${checked.url.host} redirected to ${displayUrl(res.url)}: ${landed.message}`);
    if (!res.ok)
      throw new SnapshotFetchError(
        `The server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""} for ${displayUrl(checked.url.href)}.`,
      );
    const type = res.headers.get("content-type") ?? "";
    if (type && !JSON_TYPES.test(type)) {
      throw new SnapshotFetchError(
        `The server sent ${type.split(";")[0]}, not JSON: is ${displayUrl(checked.url.href)} the snapshot file?`,
      );
    }
    const declared = Number(res.headers.get("content-length") ?? "NaN");
    if (Number.isFinite(declared) && declared > maxBytes) {
      throw new SnapshotFetchError(
        `The snapshot is ${(declared / 1e6).toFixed(1)} MB, over the ${(maxBytes / 1e6).toFixed(0)} MB limit.`,
      );
    }
    return await readCapped(res, maxBytes, controller, timeoutMs);
  } finally {
    clearTimeout(timer);
    controller.abort(); // a refused answer's body is dropped, not left streaming; after a full read this does nothing
  }
}

async function readCapped(
  res: Response,
  maxBytes: number,
  controller: AbortController,
  timeoutMs: number,
): Promise<string> {
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const decoder = new TextDecoder("utf-8", { fatal: false });
  let size = 0;
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        controller.abort();
        throw new SnapshotFetchError(
          `The snapshot is larger than the ${(maxBytes / 1e6).toFixed(0)} MB limit; refused.`,
        );
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (e) {
    if (e instanceof SnapshotFetchError) throw e;
    if (controller.signal.aborted)
      throw new SnapshotFetchError(`The download did not finish within ${timeoutMs / 1000} s.`);
    throw new SnapshotFetchError(`The download was cut off: ${(e as Error).message}.`);
  }
  return text + decoder.decode();
}
