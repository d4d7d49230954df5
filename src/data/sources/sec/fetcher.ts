// Fetches what the snapshot builder needs from SEC EDGAR into a cache folder laid out like --sec-dir (see
// sec-folder.ts), so a fetched build and a folder build are the same build. The SEC's rules
// (https://www.sec.gov/os/accessing-edgar-data): a declared User-Agent naming the requester and a contact e-mail —
// refused without one — and at most 10 requests per second, which a sliding-window limiter keeps (retries count).
// 429 and 5xx answers and dropped connections are retried with exponential backoff, honouring Retry-After.
// Every file is written whole (to a temporary name, then renamed) and only after its JSON parsed, so an
// interrupted run leaves no half file, and the next run fetches only what is missing. A 404 (a company that has
// never filed XBRL) is remembered as a `.404` marker beside where the file would be.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "fs";
import path from "path";
import type { ParsedHoldings } from "../holdings/parse-holdings";
import { ciksFor } from "./sec-universe";
import { parseTickerMap } from "./ticker-map";
import { cikFileName, companyFactsPath, submissionsPath, TICKER_MAP_FILES } from "./sec-folder";

export const SEC_URLS = {
  tickers: "https://www.sec.gov/files/company_tickers_exchange.json",
  companyFacts: "https://data.sec.gov/api/xbrl/companyfacts/CIK##########.json",
  submissions: "https://data.sec.gov/submissions/CIK##########.json",
} as const;

export interface SecFetchOptions {
  userAgent: string;
  cacheDir: string;
  /** URL templates; "##########" stands for the 10-digit CIK. */
  urls?: Partial<Record<keyof typeof SEC_URLS, string>>;
  /** Requests per second at most (the SEC's limit is 10). */
  maxPerSecond?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Retries of one file after a 429, 5xx, dropped connection or truncated body. */
  maxRetries?: number;
  /** First backoff delay; it doubles with each retry (unless the server says Retry-After). */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export interface FetchSummary {
  /** Files already in the cache (not fetched again). */
  cached: number;
  fetched: number;
  notFound: number;
  retries: number;
  failed: { url: string; reason: string }[];
}

/** The SEC asks for "Company Name contact@example.com": a name and an e-mail address. */
export function checkUserAgent(ua: string | undefined): string {
  const v = (ua ?? "").trim();
  if (!v) {
    throw new Error(
      '--fetch needs --user-agent "Your Firm your.name@example.com": the SEC refuses requests that do not declare who is asking (https://www.sec.gov/os/accessing-edgar-data)',
    );
  }
  if (!/\S+@\S+\.\S+/.test(v) || v.replace(/\S+@\S+/, "").trim() === "") {
    throw new Error(
      `--user-agent '${v}' must give a name and a contact e-mail address, e.g. "Acme Research jane@acme.example" (the SEC's rule)`,
    );
  }
  return v;
}

/**
 * At most `max` requests in any window of `windowMs`, as the server counts them. A request may reach the server at
 * any moment between being sent and its answer arriving, so each one holds its slot until it is answered (released)
 * and then for a further `windowMs`: conservative whatever the network and event-loop delays.
 */
export class RateLimiter {
  private readonly slots: { releasedAt: number | null }[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Waits for a slot; call the returned function when the answer (or the failure) has come. */
  take(signal?: AbortSignal): Promise<() => void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        const now = Date.now();
        for (let i = this.slots.length - 1; i >= 0; i--) {
          const r = this.slots[i]!.releasedAt;
          if (r !== null && now - r >= this.windowMs) this.slots.splice(i, 1);
        }
        if (this.slots.length < this.max) {
          const slot = { releasedAt: null as number | null };
          this.slots.push(slot);
          return () => {
            slot.releasedAt ??= Date.now();
          };
        }
        const released = this.slots.map((x) => x.releasedAt).filter((r): r is number => r !== null);
        const wait = released.length > 0 ? this.windowMs - (now - Math.min(...released)) : 10;
        await sleep(Math.min(Math.max(wait, 1), 50), signal);
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Retry-After in milliseconds: delay-seconds or an HTTP date; null where absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const s = header.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s) * 1000;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

class Retryable extends Error {
  constructor(
    message: string,
    readonly waitMs: number | null = null,
  ) {
    super(message);
  }
}

function writeWhole(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.partial`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

export class SecFetcher {
  private readonly limiter: RateLimiter;
  private readonly urls: Record<keyof typeof SEC_URLS, string>;
  readonly summary: FetchSummary = { cached: 0, fetched: 0, notFound: 0, retries: 0, failed: [] };

  constructor(private readonly opts: SecFetchOptions) {
    checkUserAgent(opts.userAgent);
    const perSecond = opts.maxPerSecond ?? 10;
    if (!(perSecond > 0 && perSecond <= 10))
      throw new Error(`at most 10 requests per second are allowed by the SEC (asked for ${perSecond})`);
    this.limiter = new RateLimiter(Math.floor(perSecond) || 1, 1000);
    this.urls = { ...SEC_URLS, ...opts.urls };
  }

  private log(line: string): void {
    this.opts.log?.(line);
  }

  /** GET a JSON document: its text, or null on 404. Retries what is worth retrying. */
  private async get(url: string): Promise<string | null> {
    const maxRetries = this.opts.maxRetries ?? 5;
    for (let attempt = 0; ; attempt++) {
      const release = await this.limiter.take(this.opts.signal);
      try {
        return await this.once(url, release);
      } catch (e) {
        release();
        if (!(e instanceof Retryable) || this.opts.signal?.aborted || attempt >= maxRetries) throw e;
        const backoff = Math.min((this.opts.retryDelayMs ?? 1000) * 2 ** attempt, this.opts.maxRetryDelayMs ?? 60_000);
        const wait = e.waitMs ?? backoff;
        this.summary.retries++;
        this.log(`  retry ${attempt + 1}/${maxRetries} of ${url} in ${(wait / 1000).toFixed(1)} s: ${e.message}`);
        await sleep(wait, this.opts.signal);
      }
    }
  }

  private async once(url: string, answered: () => void): Promise<string | null> {
    const signals = [AbortSignal.timeout(this.opts.timeoutMs ?? 60_000)];
    if (this.opts.signal) signals.push(this.opts.signal);
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { "User-Agent": this.opts.userAgent, Accept: "application/json" },
        signal: AbortSignal.any(signals),
      });
      answered();
    } catch (e) {
      if (this.opts.signal?.aborted) throw e;
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new Retryable(`connection failed (${cause?.code ?? cause?.message ?? (e as Error).message})`);
    }
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (res.status === 429 || res.status >= 500) {
      await res.body?.cancel();
      throw new Retryable(`HTTP ${res.status}`, retryAfterMs(res.headers.get("retry-after")));
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(`HTTP ${res.status} for ${url}`);
    }
    let text: string;
    try {
      text = await res.text();
    } catch (e) {
      if (this.opts.signal?.aborted) throw e;
      throw new Retryable(`the answer was cut off (${(e as Error).message})`);
    }
    try {
      JSON.parse(text);
    } catch {
      throw new Retryable("the answer is not complete JSON");
    }
    return text;
  }

  /** Fetches url into file unless the file (or its 404 marker) is already there. */
  private async fetchTo(url: string, file: string): Promise<void> {
    if (existsSync(file) || existsSync(`${file}.404`)) {
      this.summary.cached++;
      return;
    }
    try {
      const text = await this.get(url);
      if (text === null) {
        writeWhole(`${file}.404`, `${url} answered 404 Not Found\n`);
        this.summary.notFound++;
        return;
      }
      writeWhole(file, text);
      this.summary.fetched++;
    } catch (e) {
      if (this.opts.signal?.aborted) throw e;
      this.summary.failed.push({ url, reason: (e as Error).message });
    }
  }

  /** The ticker map's file in the cache (fetched once; delete it to refresh). */
  async tickerMapFile(): Promise<string> {
    const base = path.basename(new URL(this.urls.tickers).pathname);
    const name = (TICKER_MAP_FILES as readonly string[]).includes(base) ? base : TICKER_MAP_FILES[0];
    const file = path.join(this.opts.cacheDir, name);
    await this.fetchTo(this.urls.tickers, file);
    if (!existsSync(file))
      throw new Error(
        `could not get the SEC ticker map from ${this.urls.tickers}: ${this.summary.failed.at(-1)?.reason ?? "404"}`,
      );
    return file;
  }

  /** companyfacts and submissions of every CIK the holdings match, into the cache. */
  async fetchCompanies(ciks: readonly string[]): Promise<void> {
    const jobs: [string, string][] = [];
    for (const cik of ciks) {
      const padded = cikFileName(cik).slice(3, 13);
      jobs.push([this.urls.companyFacts.replace("##########", padded), companyFactsPath(this.opts.cacheDir, cik)]);
      jobs.push([this.urls.submissions.replace("##########", padded), submissionsPath(this.opts.cacheDir, cik)]);
    }
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < jobs.length && !this.opts.signal?.aborted) {
        const [url, file] = jobs[next++]!;
        await this.fetchTo(url, file);
        if (++done % 200 === 0) this.log(`  ${done} of ${jobs.length} files`);
      }
    };
    // Every worker stops before the run ends (an abort included): no request outlives the run.
    const settled = await Promise.allSettled(Array.from({ length: Math.max(1, this.opts.concurrency ?? 4) }, worker));
    const failure = settled.find((r) => r.status === "rejected");
    if (failure) throw (failure as PromiseRejectedResult).reason;
  }
}

/** Fills the cache for these holdings; returns the ticker map's file and what was done. */
export async function fetchSecForHoldings(
  holdings: ParsedHoldings,
  opts: SecFetchOptions,
): Promise<{ tickerMapFile: string; summary: FetchSummary }> {
  const fetcher = new SecFetcher(opts);
  const tickerMapFile = await fetcher.tickerMapFile();
  const ciks = ciksFor(holdings, parseTickerMap(readFileSync(tickerMapFile, "utf8")));
  opts.log?.(
    `fetching companyfacts and submissions of ${ciks.length} companies into ${opts.cacheDir} (at most ${opts.maxPerSecond ?? 10} requests/s)`,
  );
  await fetcher.fetchCompanies(ciks);
  return { tickerMapFile, summary: fetcher.summary };
}
