import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { FILE_LIMITS } from './fileFields';
import { FILE_FORMAT } from './fileFormat';
import { PRESETS } from '../presets';
import { serializeDocument } from './serialize';
import { decodeShareHash, encodeShareHash, MAX_SHARE_HASH_CHARS, type ShareDecodeResult } from './shareLink';
import { EMPTY_DOC, type DocNode, type GraphDoc, type Wire } from '../types';
import { validateDoc } from '../validate';

const at = { x: 10, y: -20 };

/** The lecture's L = (a*b + c) * f, with a power on top. */
function lecture(): GraphDoc {
  const nodes: DocNode[] = [
    { id: 'a', kind: 'value', position: at, label: 'a', value: 2 },
    { id: 'b', kind: 'value', position: at, label: 'b', value: -3 },
    { id: 'c', kind: 'value', position: at, label: 'c', value: 10 },
    { id: 'f', kind: 'constant', position: at, value: -2 },
    { id: 'e', kind: 'op', op: 'mul', position: at, label: 'e' },
    { id: 'd', kind: 'op', op: 'add', position: at, label: 'd' },
    { id: 'L', kind: 'op', op: 'mul', position: at, label: 'L ✓ λ' },
    { id: 'p', kind: 'op', op: 'pow', position: at, label: '', param: 0.5 },
  ];
  const wires: Wire[] = [
    { id: 'w1', source: 'a', target: 'e', port: 'a' },
    { id: 'w2', source: 'b', target: 'e', port: 'b' },
    { id: 'w3', source: 'e', target: 'd', port: 'a' },
    { id: 'w4', source: 'c', target: 'd', port: 'b' },
    { id: 'w5', source: 'd', target: 'L', port: 'a' },
    { id: 'w6', source: 'f', target: 'L', port: 'b' },
    { id: 'w7', source: 'L', target: 'p', port: 'x' },
  ];
  return { nodes: Object.fromEntries(nodes.map((n) => [n.id, n])), wires: Object.fromEntries(wires.map((w) => [w.id, w])), output: 'p' };
}

/** A long chain x0 → tanh → tanh → ..., the size of a big drawn network. */
function chain(length: number): GraphDoc {
  const nodes: Record<string, DocNode> = { x0: { id: 'x0', kind: 'value', position: { x: 0, y: 0 }, label: 'x', value: 0.5 } };
  const wires: Record<string, Wire> = {};
  for (let i = 1; i < length; i++) {
    nodes[`x${i}`] = { id: `x${i}`, kind: 'op', op: 'tanh', position: { x: i * 120, y: 0 }, label: `h${i}` };
    wires[`w${i}`] = { id: `w${i}`, source: `x${i - 1}`, target: `x${i}`, port: 'x' };
  }
  return { nodes, wires, output: null };
}

/** Deflate-compresses bytes with the same web-standard API the links use. */
async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A hash holding exactly these bytes, compressed. */
async function hashOf(content: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return `#g=${base64url(await deflate(bytes))}`;
}

async function reasonFor(hash: string): Promise<string> {
  const result = await decodeShareHash(hash);
  if (result.ok) throw new Error('expected the link to be refused');
  return result.reason;
}

function expectSound(result: ShareDecodeResult): void {
  if (result.ok) expect(validateDoc(result.doc)).toEqual([]);
  else expect(result.reason.trim().length).toBeGreaterThan(0);
}

describe('share links', () => {
  it('run on the web-standard streams, which Node provides as globals', () => {
    expect(typeof CompressionStream).toBe('function');
    expect(typeof DecompressionStream).toBe('function');
  });

  it('round-trip a document', async () => {
    const doc = lecture();
    const hash = await encodeShareHash(doc);
    expect(hash).toMatch(/^#g=[A-Za-z0-9_-]+$/);
    expect(await decodeShareHash(hash)).toEqual({ ok: true, doc });
  });

  it('round-trip the empty graph and a large one, compressing well', async () => {
    expect(await decodeShareHash(await encodeShareHash(EMPTY_DOC))).toEqual({ ok: true, doc: EMPTY_DOC });
    const big = chain(3000);
    const hash = await encodeShareHash(big);
    expect(await decodeShareHash(hash)).toEqual({ ok: true, doc: big });
    expect(hash.length).toBeLessThan(serializeDocument(big).length / 5);
  });

  it('round-trip every preset', async () => {
    for (const preset of PRESETS) {
      const doc = preset.build();
      expect(await decodeShareHash(await encodeShareHash(doc)), preset.id).toEqual({ ok: true, doc });
    }
  });

  it('read the hash with or without "#" and beside other parameters', async () => {
    const doc = lecture();
    const payload = (await encodeShareHash(doc)).slice(1);
    expect(await decodeShareHash(payload)).toEqual({ ok: true, doc });
    expect(await decodeShareHash(`#view=1&${payload}&x=2`)).toEqual({ ok: true, doc });
  });

  it('refuse a hash without a graph', async () => {
    expect(await reasonFor('')).toBe('This link holds no graph.');
    expect(await reasonFor('#section-2')).toBe('This link holds no graph.');
    expect(await reasonFor('#g=')).toBe('This link holds an empty graph parameter.');
  });

  it('refuse text that is not base64url, including padded standard base64', async () => {
    for (const hash of ['#g=abc$', '#g=ab+/', '#g=abcd=', '#g=abcde']) {
      expect(await reasonFor(hash)).toMatch(/not valid base64url/);
    }
  });

  it('refuse bytes that are not deflate data, or a link cut short', async () => {
    expect(await reasonFor('#g=SGVsbG8gd29ybGQ')).toMatch(/could not be decompressed/);
    const hash = await encodeShareHash(lecture());
    expect(await reasonFor(hash.slice(0, Math.floor(hash.length / 2)))).toMatch(/could not be decompressed|not valid base64url/);
  });

  it('refuse a link whose contents are not UTF-8 text', async () => {
    expect(await reasonFor(await hashOf(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).toBe('This link is damaged: its graph is not text.');
  });

  it('refuse a link whose graph the file reader refuses, naming the link', async () => {
    expect(await reasonFor(await hashOf('[1, 2]'))).toBe(
      'The graph in this link is not a Micrograd Playground graph: it holds a list, not a graph.',
    );
    expect(await reasonFor(await hashOf(JSON.stringify({ format: FILE_FORMAT, version: 7 })))).toMatch(
      /^The graph in this link was made by a newer version of the playground \(version 7\)/,
    );
    const cycle = JSON.stringify({
      format: FILE_FORMAT,
      version: 1,
      nodes: [
        { id: 'm', kind: 'op', op: 'neg', position: at, label: '' },
        { id: 'n', kind: 'op', op: 'neg', position: at, label: '' },
      ],
      wires: [
        { id: 'w1', source: 'm', target: 'n', port: 'x' },
        { id: 'w2', source: 'n', target: 'm', port: 'x' },
      ],
      output: null,
    });
    expect(await reasonFor(await hashOf(cycle))).toBe('The graph in this link cannot be opened: the graph has a cycle through 2 nodes.');
  });

  it('refuse a link whose labels could break out of a comment in exported code', async () => {
    const base = lecture();
    const doc: GraphDoc = { ...base, nodes: { ...base.nodes, a: { ...base.nodes.a!, label: "a\u2028console.log('pwned')" } as DocNode } };
    expect(await reasonFor(await encodeShareHash(doc))).toBe(
      "The graph in this link is not a valid graph: node 1 ('a'): 'label' must not contain a line break (U+2028).",
    );
  });

  it('refuse a decompression bomb, and stop inflating it at the limit', async () => {
    // 16 MB of spaces (three times the limit) deflates to about 16 KB: a small link that would
    // unpack to far past the limit.
    const bomb = await hashOf(new Uint8Array(16 * 1024 * 1024).fill(0x20));
    expect(bomb.length).toBeLessThan(60_000);
    // Count what the decompressor actually produces.
    let produced = 0;
    const Real = DecompressionStream;
    class CountingDecompressionStream {
      readonly writable: WritableStream<BufferSource>;
      readonly readable: ReadableStream<Uint8Array>;
      constructor(format: CompressionFormat) {
        const real = new Real(format);
        this.writable = real.writable;
        this.readable = real.readable.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              produced += chunk.byteLength;
              controller.enqueue(chunk);
            },
          }),
        );
      }
    }
    vi.stubGlobal('DecompressionStream', CountingDecompressionStream);
    try {
      expect(await reasonFor(bomb)).toBe(`The graph in this link is too large: it unpacks to more than ${FILE_LIMITS.maxChars / (1024 * 1024)} MB.`);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(produced).toBeGreaterThan(FILE_LIMITS.maxChars);
    expect(produced).toBeLessThan(2 * FILE_LIMITS.maxChars);
    // Compressing the bomb is real CPU work: a busy 2-core CI machine needs more than 5 s.
  }, 30_000);

  it('refuse a hash too long to be a real link', async () => {
    expect(await reasonFor(`#g=${'A'.repeat(MAX_SHARE_HASH_CHARS)}`)).toBe('This link is too long to hold a graph the playground can open.');
  });

  it('never reject, whatever the hash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[A-Za-z0-9_-]{0,200}$/).map((s) => `#g=${s}`)),
        async (hash) => {
          expectSound(await decodeShareHash(hash));
        },
      ),
      { numRuns: 300 },
    );
    expect(await decodeShareHash(42 as unknown as string)).toEqual({ ok: false, reason: 'This link holds no graph.' });
  });

  it('never reject on damaged links: flipped characters of a real one', async () => {
    const hash = await encodeShareHash(lecture());
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), async (where, what) => {
        const i = 3 + (where % (hash.length - 3));
        const damaged = hash.slice(0, i) + alphabet[what % alphabet.length]! + hash.slice(i + 1);
        expectSound(await decodeShareHash(damaged));
      }),
      { numRuns: 200 },
    );
  });
});
