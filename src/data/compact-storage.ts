// The stored snapshot kept small: in Excel's shared runtime OfficeRuntime.storage lives in the webview's
// localStorage, about 5 MiB per origin (docs/deployment.md#storage), and a 2,000-company record is over 2 million
// characters as plain JSON. Large values are gzipped (CompressionStream, in every webview Excel uses and in Node)
// and kept packed 15 bits a character behind a marker; small values and runtimes without CompressionStream store plain text. The size
// is checked before writing, so a value that will not fit is refused with a message rather than by the quota.
import type { KeyValueStorage } from "./key-value-storage";

/** Values from this length (characters) are compressed; below it the saving is not worth a decode. */
export const COMPRESS_FROM = 16_384;
/** The most one value may take in storage (UTF-16 characters, 2 bytes each): 3.8 MiB of a 5 MiB origin, room for the rest. */
export const STORED_VALUE_LIMIT = 2_000_000;
const MARKER = "gz15:";

async function pipeBytes(bytes: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/**
 * Bytes as text at 15 bits a character (U+3000..U+AFFF: no surrogates, no controls), 2.5 times denser than base64
 * in storage that counts UTF-16 characters, as localStorage does. The byte count goes first, to drop the padding.
 */
export function packBytes(bytes: Uint8Array): string {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    if (bits >= 15) {
      bits -= 15;
      out.push(0x3000 + ((acc >>> bits) & 0x7fff));
      acc &= (1 << bits) - 1;
    }
  }
  if (bits > 0) out.push(0x3000 + ((acc << (15 - bits)) & 0x7fff));
  let text = `${bytes.length}:`;
  for (let i = 0; i < out.length; i += 0x8000) text += String.fromCharCode(...out.slice(i, i + 0x8000));
  return text;
}

export function unpackBytes(text: string): Uint8Array {
  const colon = text.indexOf(":");
  const length = Number(text.slice(0, colon));
  if (colon < 1 || !Number.isInteger(length)) throw new Error("the stored copy is not in the packed form");
  const bytes = new Uint8Array(length);
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (let i = colon + 1; i < text.length && n < length; i++) {
    const v = text.charCodeAt(i) - 0x3000;
    if (v < 0 || v > 0x7fff) throw new Error("the stored copy holds a character outside the packed range");
    acc = ((acc << 15) | v) >>> 0;
    bits += 15;
    while (bits >= 8 && n < length) {
      bits -= 8;
      bytes[n++] = (acc >>> bits) & 0xff;
    }
    acc &= (1 << bits) - 1;
  }
  if (n !== length) throw new Error("the stored copy is cut short");
  return bytes;
}

const canCompress = (): boolean => typeof CompressionStream === "function" && typeof DecompressionStream === "function";

/** What `value` becomes in storage: gzip+base64 behind the marker when large and possible, else itself. */
export async function encodeStored(value: string): Promise<string> {
  if (value.length < COMPRESS_FROM || !canCompress()) return value;
  const gz = await pipeBytes(new TextEncoder().encode(value), new CompressionStream("gzip"));
  return MARKER + packBytes(gz);
}

/** The value as written, from what storage holds (plain text, older records included, passes through). */
export async function decodeStored(stored: string): Promise<string> {
  if (!stored.startsWith(MARKER)) return stored;
  if (!canCompress()) throw new Error("this runtime cannot decompress the stored copy");
  const bytes = await pipeBytes(unpackBytes(stored.slice(MARKER.length)), new DecompressionStream("gzip"));
  return new TextDecoder().decode(bytes);
}

/** A storage that compresses large values and refuses, before writing, any over `limit` characters once encoded. */
export function compactStorage(inner: KeyValueStorage, limit = STORED_VALUE_LIMIT): KeyValueStorage {
  return {
    async getItem(k) {
      const v = await inner.getItem(k);
      return v === null ? null : decodeStored(v);
    },
    async setItem(k, v) {
      const stored = await encodeStored(v);
      if (stored.length > limit)
        throw new Error(
          `it would take ${(stored.length / 1e6).toFixed(1)} million characters, over the ${(limit / 1e6).toFixed(1)} million the add-in's storage can spare`,
        );
      await inner.setItem(k, stored);
    },
    removeItem: (k) => inner.removeItem(k),
  };
}
