// The one loaded universe of the runtime. A new snapshot replaces the current one only after it has been parsed
// and validated in full, so a cell never sees a half-loaded universe; a refused snapshot leaves the last good one
// in use and is remembered as `lastFailure` for the pane and QUALIS.AS_OF(). Loads run one at a time, in order.
import { displayUrl, scrubUrls } from "../model/display-url";
import type { Universe } from "../model/types";
import type { KeyValueStorage } from "./key-value-storage";
import { encodeSnapshot } from "./snapshot-codec";
import {
  parseSnapshot,
  summarizeProblems,
  validateSnapshot,
  type SnapshotProblem,
  type SnapshotResult,
} from "./snapshot-validate";

export type SourceSpec =
  | { kind: "demo" }
  | { kind: "url"; url: string }
  | { kind: "holdings"; fileName: string }
  /** A snapshot file the user opened in the pane; asOf is its provenance date ("" where it was refused). */
  | { kind: "file"; fileName: string; asOf: string };

/**
 * The largest snapshot file (in characters) kept as the last good copy. The shared runtime's storage is the
 * webview's localStorage, about 5 MiB per origin (docs/development.md); 4,000,000 characters leave room for the
 * rest. A larger file is used for the session only: the chosen source and the stored copy stay what they were.
 */
export const STORED_FILE_LIMIT = 4_000_000;

export interface LoadedUniverse {
  universe: Universe;
  source: SourceSpec;
  /** ISO time the snapshot was accepted. */
  loadedAt: string;
  /** Counts accepted snapshots in this runtime: 1 for the first. */
  generation: number;
  /** True when restored from the persisted last-good cache rather than fetched now. */
  fromCache: boolean;
}

export interface LoadFailure {
  source: SourceSpec;
  at: string;
  message: string;
  problems: SnapshotProblem[];
}

export type LoadOutcome = { ok: true; loaded: LoadedUniverse } | { ok: false; failure: LoadFailure };

export interface StoreDeps {
  storage: KeyValueStorage;
  /** The bundled demo snapshot's text. */
  bundled: () => Promise<string>;
  /** Fetches a snapshot URL's text (https rules, timeouts and size caps live there). */
  fetchText: (url: string) => Promise<string>;
  now?: () => Date;
}

export const STORAGE_KEYS = {
  source: "qualis.source.v1",
  lastGood: "qualis.lastGood.v1",
} as const;

interface PersistedSnapshot {
  source: SourceSpec;
  loadedAt: string;
  text: string;
}

export function describeSource(s: SourceSpec): string {
  switch (s.kind) {
    case "demo":
      return "bundled demo universe";
    case "url":
      return displayUrl(s.url); // origin and path: a token or user:password@ never reaches a cell or the screen
    case "holdings":
      return `holdings file ${s.fileName}`;
    case "file":
      return s.asOf ? `snapshot file ${s.fileName}, as of ${s.asOf}` : `snapshot file ${s.fileName}`;
  }
}

/** A source as this add-in stores it; anything else read back from storage is damage. */
function isSourceSpec(s: unknown): s is SourceSpec {
  const x = (s && typeof s === "object" ? s : {}) as Record<string, unknown>;
  return (
    x.kind === "demo" ||
    (x.kind === "url" && typeof x.url === "string") ||
    (x.kind === "holdings" && typeof x.fileName === "string") ||
    (x.kind === "file" && typeof x.fileName === "string" && typeof x.asOf === "string")
  );
}

export type StoreListener = (store: UniverseStore) => void;

export class UniverseStore {
  private loaded: LoadedUniverse | null = null;
  private failure: LoadFailure | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  /** Loads queued or running. */
  private pending = 0;
  private listeners = new Set<StoreListener>();
  private generation = 0;
  private initialised: Promise<void> | null = null;
  private readonly now: () => Date;
  /** Notes for the user about things that went wrong outside a load (a corrupt cache that was discarded). */
  readonly notices: string[] = [];

  constructor(private readonly deps: StoreDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  get current(): LoadedUniverse | null {
    return this.loaded;
  }

  get lastFailure(): LoadFailure | null {
    return this.failure;
  }

  subscribe(fn: StoreListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /**
   * Starts the runtime's universe: the persisted last-good snapshot first (so an offline workbook computes at
   * once), then the chosen source. Idempotent.
   */
  init(): Promise<void> {
    this.initialised ??= this.enqueue(async () => {
      const chosen = await this.readChosenSource();
      await this.restoreCache(chosen);
      await this.loadNow(chosen);
    }).then(() => undefined);
    return this.initialised;
  }

  /** Resolves once init() has finished: with the universe, or null when nothing could be loaded at all. */
  async ready(): Promise<LoadedUniverse | null> {
    await this.init();
    await this.chain;
    return this.loaded;
  }

  /**
   * What ready() would resolve with, without waiting, when there is nothing to wait for: init() has run and no load
   * is queued or running. Null otherwise (or when nothing could be loaded): then ask ready().
   */
  get settled(): LoadedUniverse | null {
    return this.initialised && this.pending === 0 ? this.loaded : null;
  }

  /** Loads a source and, when it is good, makes it the chosen source (persisted). */
  load(source: SourceSpec): Promise<LoadOutcome> {
    return this.enqueue(() => this.loadNow(source));
  }

  /** Re-reads the current source (a holdings file cannot be re-read: it was a one-off upload). */
  refresh(): Promise<LoadOutcome> {
    const source = this.loaded?.source ?? { kind: "demo" };
    return this.enqueue(() => this.loadNow(source));
  }

  /** Loads a universe built in memory (e.g. from a holdings CSV): validated by the same schema as any snapshot. */
  loadUniverse(universe: Universe, source: SourceSpec): Promise<LoadOutcome> {
    return this.enqueue(async () => {
      const wire = encodeSnapshot(universe);
      return this.accept(source, validateSnapshot(wire), JSON.stringify(wire), false);
    });
  }

  /** Loads a snapshot file's text (what `qualis snapshot build` writes): parsed and validated like any snapshot. */
  loadFile(text: string, fileName: string): Promise<LoadOutcome> {
    return this.enqueue(async () => {
      const result = parseSnapshot(text);
      const asOf = result.ok ? result.universe.provenance.asOf : "";
      return this.accept({ kind: "file", fileName, asOf }, result, text, false);
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.pending++;
    const run = this.chain.then(task, task).finally(() => this.pending--);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async loadNow(source: SourceSpec): Promise<LoadOutcome> {
    let text: string;
    try {
      if (source.kind === "demo") text = await this.deps.bundled();
      else if (source.kind === "url") text = await this.deps.fetchText(source.url);
      else {
        // A holdings upload or a snapshot file lives only in the persisted cache; re-reading re-validates that copy.
        const cached = await this.readCache();
        if (!cached || cached.source.kind !== source.kind)
          throw new Error(
            `The ${source.kind === "file" ? "snapshot" : "holdings"} file is no longer stored; load it again.`,
          );
        text = cached.text;
      }
    } catch (e) {
      return this.refuse(source, (e as Error).message, []);
    }
    return this.accept(source, parseSnapshot(text), text, false);
  }

  private async accept(
    source: SourceSpec,
    result: SnapshotResult,
    text: string,
    fromCache: boolean,
  ): Promise<LoadOutcome> {
    if (!result.ok)
      return this.refuse(source, `Snapshot refused: ${summarizeProblems(result.problems)}`, result.problems);
    this.generation += 1;
    this.loaded = {
      universe: result.universe,
      source,
      loadedAt: this.now().toISOString(),
      generation: this.generation,
      fromCache,
    };
    this.failure = null;
    if (!fromCache) await this.persist(source, text);
    this.emit();
    return { ok: true, loaded: this.loaded };
  }

  private refuse(source: SourceSpec, message: string, problems: SnapshotProblem[]): LoadOutcome {
    // The message is shown (pane, QUALIS.AS_OF): a URL in it keeps origin and path only (docs/security.md, class 3).
    this.failure = { source, at: this.now().toISOString(), message: scrubUrls(message), problems };
    this.emit();
    return { ok: false, failure: this.failure };
  }

  private emit(): void {
    for (const fn of this.listeners) {
      try {
        fn(this);
      } catch {
        // A listener's failure must not stop the others or the load.
      }
    }
  }

  private async persist(source: SourceSpec, text: string): Promise<void> {
    if (source.kind === "file" && text.length > STORED_FILE_LIMIT) {
      this.notices.push(
        `${source.fileName} is ${(text.length / 1e6).toFixed(1)} million characters, over the ${STORED_FILE_LIMIT / 1e6} million kept for offline use: it is in use for this session only, and Excel will start next time from the previous source. Publish it at a snapshot URL to keep it.`,
      );
      return;
    }
    try {
      await this.deps.storage.setItem(STORAGE_KEYS.source, JSON.stringify(source));
      // The demo ships in the bundle; only real data needs a copy to survive going offline.
      if (source.kind === "demo") await this.deps.storage.removeItem(STORAGE_KEYS.lastGood);
      else {
        const record: PersistedSnapshot = { source, loadedAt: this.loaded!.loadedAt, text };
        await this.deps.storage.setItem(STORAGE_KEYS.lastGood, JSON.stringify(record));
      }
    } catch (e) {
      // No stale copy of an earlier source may stand in for this one at the next start.
      await this.deps.storage.removeItem(STORAGE_KEYS.lastGood).catch(() => undefined);
      this.notices.push(
        `Could not keep the snapshot for offline use (${(e as Error).message}): it is in use for this session only. ${source.kind === "url" ? "The next time Excel starts it is fetched again from its address (nothing offline until then)." : "The next time Excel starts, open it again from the pane."}`,
      );
    }
  }

  private async readChosenSource(): Promise<SourceSpec> {
    try {
      const raw = await this.deps.storage.getItem(STORAGE_KEYS.source);
      if (!raw) return { kind: "demo" };
      const s: unknown = JSON.parse(raw);
      if (isSourceSpec(s)) return s;
    } catch {
      // fall through: an unreadable setting means the default
    }
    this.notices.push("The stored data-source setting was unreadable and has been reset to the demo universe.");
    await this.deps.storage.removeItem(STORAGE_KEYS.source).catch(() => undefined);
    return { kind: "demo" };
  }

  private async readCache(): Promise<PersistedSnapshot | null> {
    const raw = await this.deps.storage.getItem(STORAGE_KEYS.lastGood);
    if (!raw) return null;
    const rec = JSON.parse(raw) as PersistedSnapshot;
    if (!rec || typeof rec.text !== "string" || !isSourceSpec(rec.source)) throw new Error("record incomplete");
    return rec;
  }

  private async restoreCache(chosen: SourceSpec): Promise<void> {
    if (chosen.kind === "demo") return;
    let rec: PersistedSnapshot | null = null;
    try {
      rec = await this.readCache();
    } catch (e) {
      this.notices.push(
        `The stored copy of the last snapshot was unreadable (${(e as Error).message}) and has been discarded.`,
      );
      await this.deps.storage.removeItem(STORAGE_KEYS.lastGood).catch(() => undefined);
      return;
    }
    if (!rec) return;
    const result = parseSnapshot(rec.text);
    if (!result.ok) {
      this.notices.push(
        `The stored copy of the last snapshot was damaged (${summarizeProblems(result.problems)}) and has been discarded.`,
      );
      await this.deps.storage.removeItem(STORAGE_KEYS.lastGood).catch(() => undefined);
      return;
    }
    await this.accept(rec.source, result, rec.text, true);
  }
}
