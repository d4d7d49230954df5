// Writes a synthetic ZIP64 archive for the bulk-reader tests and the bulk measurement (scripts/measure-sec-bulk.js):
// the given files plus enough small filler entries to pass 65,535, with the ZIP64 end-of-central-directory record and
// locator that an archive of that many entries needs (APPNOTE.TXT 4.3.14–4.3.16), as the SEC's companyfacts.zip has.
// Written by hand because the usual writer (yazl) pumps entries in quadratic time: 65,540 entries took minutes.
import { closeSync, openSync, writeSync } from "fs";
import { deflateRawSync } from "zlib";

export const ZIP64_EOCD_SIGNATURE = 0x06064b50;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const EMPTY = Buffer.from("{}");

export interface SyntheticZip {
  /** name → content of the entries that matter */
  files: Map<string, Buffer>;
  /** the total number of entries, fillers included */
  entries: number;
  /** filler content (default "{}") */
  filler?: (i: number) => Buffer;
  /** store instead of deflate */
  store?: boolean;
}

/** Writes the archive; the files that matter sit in the middle, beyond entry 32,767, among the fillers. */
export function writeSyntheticZip(out: string, z: SyntheticZip): void {
  const fillers = z.entries - z.files.size;
  const half = Math.floor(fillers / 2);
  const list: [string, Buffer][] = [];
  const filler = (i: number): [string, Buffer] => [`CIK${String(8_000_000_000 + i)}.json`, z.filler?.(i) ?? EMPTY];
  for (let i = 0; i < half; i++) list.push(filler(i));
  list.push(...z.files);
  for (let i = half; i < fillers; i++) list.push(filler(i));

  // the default filler is the same bytes every time: deflate it once (65,000 zlib calls take half a minute)
  const same = new Map<Buffer, { body: Buffer; crc: number }>();
  const encode = (data: Buffer) => {
    const hit = same.get(data);
    if (hit) return hit;
    const e = { body: z.store ? data : deflateRawSync(data), crc: crc32(data) };
    if (data === EMPTY) same.set(data, e);
    return e;
  };
  // written as it goes: a large measurement archive is never held in memory whole
  const fd = openSync(out, "w");
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of list) {
    const nameBuf = Buffer.from(name, "utf8");
    const { body, crc } = encode(data);
    const method = z.store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x5c8a, 12); // 2026-04-10
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    for (const b of [local, nameBuf, body]) writeSync(fd, b);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(45, 4); // made by
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt16LE(0, 12);
    cd.writeUInt16LE(0x5c8a, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(nameBuf.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, nameBuf);
    offset += 30 + nameBuf.length + body.length;
  }
  const cdStart = offset;
  const cdSize = central.reduce((s, b) => s + b.length, 0);
  const n = BigInt(list.length);
  const eocd64 = Buffer.alloc(56);
  eocd64.writeUInt32LE(ZIP64_EOCD_SIGNATURE, 0);
  eocd64.writeBigUInt64LE(44n, 4); // size of the rest of the record
  eocd64.writeUInt16LE(45, 12);
  eocd64.writeUInt16LE(45, 14);
  eocd64.writeBigUInt64LE(n, 24); // entries on this disk
  eocd64.writeBigUInt64LE(n, 32); // entries in all
  eocd64.writeBigUInt64LE(BigInt(cdSize), 40);
  eocd64.writeBigUInt64LE(BigInt(cdStart), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(cdStart + cdSize), 8); // where the ZIP64 record starts
  locator.writeUInt32LE(1, 16); // disks
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(0xffff, 8); // "see the ZIP64 record"
  eocd.writeUInt16LE(0xffff, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(cdStart, 16);
  writeSync(fd, Buffer.concat([...central, eocd64, locator, eocd]));
  closeSync(fd);
}
