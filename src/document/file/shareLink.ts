import { FILE_LIMITS } from './fileFields';
import { parseDocumentFile, toGraphFile } from './serialize';
import type { GraphDoc } from '../types';

/**
 * A graph inside a link: `#g=` followed by the graph file, deflate-compressed and written in
 * base64url without padding. It lives in the hash, so it never reaches a server, and it is
 * the same file format as a saved file, so a link gets the same migrations and checks.
 *
 * Uses the web-standard CompressionStream and DecompressionStream ('deflate', i.e. zlib),
 * which Chromium, Firefox, Safari and Node 18+ all provide as globals.
 */

/** The hash parameter that holds the graph. */
const SHARE_PARAM = 'g';

/**
 * Longest hash read, in characters. Browsers keep URLs up to about 2 MB (Chromium's limit);
 * anything longer cannot have come from a real link.
 */
export const MAX_SHARE_HASH_CHARS = 2 * 1024 * 1024;

/** The document from a link, or why the link cannot be opened. */
export type ShareDecodeResult = { ok: true; doc: GraphDoc } | { ok: false; reason: string };

/** `#g=<graph>`: the hash for a link that opens this document (without the viewport). */
export async function encodeShareHash(doc: GraphDoc): Promise<string> {
  // Compact JSON: deflate would squeeze the indentation anyway, but a link is worth every byte.
  const text = JSON.stringify(toGraphFile(doc));
  const compressed = await readAll(new Blob([text]).stream().pipeThrough(new CompressionStream('deflate')), Infinity);
  return `#${SHARE_PARAM}=${toBase64Url(compressed ?? new Uint8Array(0))}`;
}

/**
 * Reads the document from a link's hash (with or without the leading '#'; other `&`-separated
 * parameters are ignored). Never rejects. Decompression stops as soon as the output passes
 * the file size limit, so a small link that inflates to gigabytes (a "zip bomb") is refused
 * without being inflated.
 */
export async function decodeShareHash(hash: string): Promise<ShareDecodeResult> {
  try {
    return await decode(hash);
  } catch {
    // Unreachable by design; kept so the "never rejects" promise survives future edits.
    return fail('This link is damaged: its graph could not be read.');
  }
}

async function decode(hash: unknown): Promise<ShareDecodeResult> {
  if (typeof hash !== 'string') return fail('This link holds no graph.');
  if (hash.length > MAX_SHARE_HASH_CHARS) return fail('This link is too long to hold a graph the playground can open.');
  const prefix = `${SHARE_PARAM}=`;
  const param = hash
    .replace(/^#/, '')
    .split('&')
    .find((part) => part.startsWith(prefix));
  if (param === undefined) return fail('This link holds no graph.');
  const bytes = fromBase64Url(param.slice(prefix.length));
  if (!bytes) return fail('This link is damaged: its graph is not valid base64url (was it cut short or changed?).');
  if (bytes.length === 0) return fail('This link holds an empty graph parameter.');

  let inflated: Uint8Array | null;
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
    inflated = await readAll(stream, FILE_LIMITS.maxChars);
  } catch {
    return fail('This link is damaged: its graph could not be decompressed (was it cut short or changed?).');
  }
  if (!inflated) {
    return fail(`The graph in this link is too large: it unpacks to more than ${FILE_LIMITS.maxChars / (1024 * 1024)} MB.`);
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return fail('This link is damaged: its graph is not text.');
  }
  const parsed = parseDocumentFile(text, { source: 'link' });
  return parsed.ok ? { ok: true, doc: parsed.doc } : parsed;
}

/**
 * All bytes of a stream, or null as soon as there are more than `limit` of them (then the
 * stream is cancelled, so a decompressor stops producing). Rejects if the stream errors.
 */
export async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In slices, since String.fromCharCode(...bytes) overflows the call stack on large arrays.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of unpadded base64url text, or null when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
