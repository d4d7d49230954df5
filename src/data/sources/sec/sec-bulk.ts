// The SEC's nightly bulk archives read in place (docs/real-data.md, "The SEC's bulk archives"): companyfacts.zip and
// submissions.zip hold one CIK##########.json per filer — far more than 65,535 entries, so ZIP64. yauzl reads the
// central directory one entry at a time (lazyEntries) and keeps only the entries the holdings need; each of those is
// inflated from the archive when the builder asks for it, as a stream. Memory therefore grows with the holdings (one
// document at a time), never with the archive.
import { closeSync, fstatSync, openSync, read, readFileSync, readSync } from "fs";
import path from "path";
import { Readable } from "stream";
import yauzl from "yauzl";
import { cikFileName } from "./sec-folder";
import type { SecSource } from "./sec-universe";
import { parseTickerMap, type TickerMap } from "./ticker-map";

/** An open archive and the entries of it that were asked for (by base name: CIK##########.json). */
export interface ZipIndex {
  file: string;
  entries: Map<string, yauzl.Entry>;
  /** How many entries the central directory holds. */
  total: number;
  read(name: string): Promise<unknown>;
  close(): void;
}

const BLOCK = 1 << 20;

/**
 * The archive file for yauzl, read a megabyte at a time: the central directory of 65,535+ entries is then a few dozen
 * reads, where yauzl's own reader makes two small asynchronous reads per entry (17 s for 65,540 entries on a busy
 * machine). One block is held at a time; entry contents are streamed from the file.
 */
class BlockReader extends yauzl.RandomAccessReader {
  /** One buffer for the life of the reader (not one per block): the pass allocates nothing per megabyte. */
  private readonly buffer = Buffer.alloc(BLOCK);
  private block = this.buffer.subarray(0, 0);
  private blockStart = -1;
  private closed = false;

  constructor(
    private readonly fd: number,
    private readonly size: number,
  ) {
    super();
  }

  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (err: Error | null) => void,
  ) {
    const done = callback as (err: Error | null, bytesRead?: number) => void;
    try {
      if (length > BLOCK) {
        const n = readSync(this.fd, buffer, offset, length, position);
        setImmediate(done, null, n);
        return;
      }
      const end = this.blockStart + this.block.length;
      if (this.blockStart < 0 || position < this.blockStart || position + length > end) {
        const want = Math.max(0, Math.min(BLOCK, this.size - position));
        this.block = this.buffer.subarray(0, readSync(this.fd, this.buffer, 0, want, position));
        this.blockStart = position;
      }
      const from = position - this.blockStart;
      const n = Math.min(length, this.block.length - from);
      this.block.copy(buffer, offset, from, from + n);
      setImmediate(done, null, n);
    } catch (e) {
      setImmediate(done, e as Error);
    }
  }

  /** An entry's bytes, 64 KiB at a time, read by position (the file descriptor stays the reader's to close). */
  override _readStreamForRange(start: number, end: number): Readable {
    const fd = this.fd;
    let pos = start;
    return new Readable({
      read() {
        const len = Math.min(65_536, end - pos);
        if (len <= 0) return void this.push(null);
        const b = Buffer.alloc(len);
        read(fd, b, 0, len, pos, (err, n) => {
          if (err) return this.destroy(err);
          pos += n;
          this.push(n > 0 ? b.subarray(0, n) : null);
        });
      },
    });
  }

  override close(callback: (err: Error | null) => void) {
    if (this.closed) return setImmediate(callback, null);
    this.closed = true;
    closeSync(this.fd);
    setImmediate(callback, null);
  }
}

function open(file: string): Promise<yauzl.ZipFile> {
  const fd = openSync(file, "r");
  const size = fstatSync(fd).size;
  return new Promise((resolve, reject) =>
    yauzl.fromRandomAccessReader(
      new BlockReader(fd, size),
      size,
      { lazyEntries: true, autoClose: false },
      (err, zip) => {
        if (!err) return resolve(zip);
        closeSync(fd);
        reject(new Error(`${path.basename(file)}: not a readable ZIP archive (${err.message})`));
      },
    ),
  );
}

/** Opens a ZIP archive and indexes the entries whose base names are in `wanted` (one pass over the directory). */
export async function indexZip(file: string, wanted: ReadonlySet<string>): Promise<ZipIndex> {
  const zip = await open(file);
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (e: yauzl.Entry) => {
      const base = e.fileName.slice(e.fileName.lastIndexOf("/") + 1);
      if (wanted.has(base) && !entries.has(base)) entries.set(base, e);
      zip.readEntry();
    });
    zip.once("end", () => resolve());
    zip.once("error", (e: Error) => reject(new Error(`${path.basename(file)}: ${e.message}`)));
    zip.readEntry();
  });
  const read = async (name: string): Promise<unknown> => {
    const entry = entries.get(name);
    if (!entry) return undefined;
    const text = await new Promise<string>((resolve, reject) =>
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(new Error(`${name} in ${path.basename(file)}: ${err.message}`));
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.once("error", (e) => reject(new Error(`${name} in ${path.basename(file)}: ${e.message}`)));
        stream.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      }),
    );
    try {
      return JSON.parse(text);
    } catch (e) {
      // the same words as a folder's file (sec-folder.ts), so both sources report alike
      throw new Error(`${name} is not valid JSON (${(e as Error).message})`);
    }
  };
  return { file, entries, total: zip.entryCount, read, close: () => zip.close() };
}

export interface BulkOptions {
  companyFactsZip: string;
  submissionsZip?: string;
  tickerMapFile: string;
  /** The CIKs to read (ciksFor(holdings, map)): only their entries are indexed. */
  ciks: (map: TickerMap) => readonly string[];
}

/** A SecSource over the bulk archives; close() releases the files. */
export async function secBulkSource(o: BulkOptions): Promise<SecSource & { close(): void }> {
  const tickerMap = parseTickerMap(readFileSync(o.tickerMapFile, "utf8"));
  const wanted = new Set(o.ciks(tickerMap).map(cikFileName));
  const facts = await indexZip(o.companyFactsZip, wanted);
  let subs: ZipIndex | null = null;
  try {
    subs = o.submissionsZip ? await indexZip(o.submissionsZip, wanted) : null;
  } catch (e) {
    facts.close();
    throw e;
  }
  const names = [o.companyFactsZip, o.submissionsZip].filter((f): f is string => !!f).map((f) => path.basename(f));
  return {
    label: `SEC EDGAR bulk archives ${names.join(" + ")} (ticker map ${path.basename(o.tickerMapFile)}, ${tickerMap.size} entries)`,
    tickerMap,
    companyFacts: (cik) => facts.read(cikFileName(cik)),
    submissions: (cik) => (subs ? subs.read(cikFileName(cik)) : undefined),
    close: () => {
      facts.close();
      subs?.close();
    },
  };
}
