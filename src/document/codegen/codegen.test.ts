import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePrinted, runPython, SHIM_DIR, type PrintedNode } from '../../../test/python/runPython';
import { createRng } from '../../data/random';
import { OPS, Value, type OpType } from '../../engine';
import { evaluate } from '../evaluate';
import { PRESETS } from '../presets';
import { DocBuilder, type NodeRef } from '../presets/DocBuilder';
import { EMPTY_DOC, type GraphDoc } from '../types';
import { floatLiteral, identifierFromLabel, assignNames, quoteString, RESERVED_NAMES } from './names';
import { planProgram } from './plan';
import { toPython } from './python';
import { toTypeScript, TS_ENGINE_IMPORT } from './typescript';

const REPO_ROOT = path.resolve(SHIM_DIR, '../..');

/** What evaluate says for each node the program prints, in the program's order. */
function expectedLines(doc: GraphDoc): (PrintedNode & { id: string })[] {
  const ev = evaluate(doc);
  return planProgram(doc).steps.flatMap((s) => {
    if (s.kind === 'skip') return [];
    const r = ev.results.get(s.id)!;
    return [{ id: s.id, label: s.label || s.name, data: r.data, grad: r.grad }];
  });
}

/**
 * Equal to 1e-12 relative (Python's math library may differ from V8's in the last bit), or
 * within 1e-12 of `scale`: a grad that is mathematically zero, such as x's in x / x, is a sum of
 * terms that cancel, and keeps rounding noise the size of those terms.
 */
function close(actual: number, expected: number, scale: number): boolean {
  if (actual === expected || (Number.isNaN(actual) && Number.isNaN(expected))) return true;
  return Math.abs(actual - expected) <= 1e-12 * Math.max(Math.abs(actual), Math.abs(expected), scale);
}

/**
 * Checks printed lines against evaluate: exactly (the TypeScript export runs the same engine),
 * or with `close` (Python); `noiseScale` is 0 for the presets, whose grads do not cancel.
 */
function expectSameNumbers(printed: readonly PrintedNode[], doc: GraphDoc, exact: boolean, noiseScale = 0): void {
  const expected = expectedLines(doc);
  expect(printed.map((p) => p.label)).toEqual(expected.map((e) => e.label));
  printed.forEach((p, i) => {
    const e = expected[i]!;
    if (exact) {
      expect(p.data, `${e.label}.data`).toBe(e.data);
      expect(p.grad, `${e.label}.grad`).toBe(e.grad);
    } else {
      expect(close(p.data, e.data, noiseScale), `${e.label}.data: python ${p.data}, canvas ${e.data}`).toBe(true);
      expect(close(p.grad, e.grad, noiseScale), `${e.label}.grad: python ${p.grad}, canvas ${e.grad}`).toBe(true);
    }
  });
}

/** The largest |data| or |grad| in the graph: the size of the terms a cancelling grad sums. */
function magnitude(doc: GraphDoc): number {
  let m = 0;
  for (const r of evaluate(doc).results.values()) m = Math.max(m, Math.abs(r.data), Math.abs(r.grad));
  return m;
}

/** Runs the TypeScript export on the real engine in this process, capturing console.log. */
function runTypeScript(code: string): PrintedNode[] {
  expect(code).toContain(TS_ENGINE_IMPORT);
  const body = code.replace(TS_ENGINE_IMPORT, '');
  const lines: PrintedNode[] = [];
  const console = {
    log: (label: string, data: number, grad: number) => lines.push({ label, data, grad }),
  };
  new Function('Value', 'console', body)(Value, console);
  return lines;
}

/**
 * A random graph: leaves with arbitrary doubles, constants, every op, awkward labels (keywords,
 * duplicates, spaces, quotes), sometimes an output that is not a sink. Returns null when the
 * canvas shows a non-finite number (nothing to compare), or any |data| over 300: beyond that
 * math.exp in the Python helpers raises OverflowError where JavaScript returns Infinity, and
 * the engine's tanh and sigmoid saturate where the helpers overflow.
 */
function randomGraph(seed: number): GraphDoc | null {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)]!;
  const labels = ['', '', '', 'a', 'a', 'x', 'lambda', 'new', 'Value', 'print', 'n1', "it's", 'x1*w1 + x2*w2', 'L1.N0.w0', '2n', '-a', 'α', 'back\\slash', 'e - 1', 'e + 1'];
  const g = new DocBuilder();
  const refs: NodeRef[] = [];
  const leaves = 2 + rng.int(4);
  for (let i = 0; i < leaves; i++) {
    if (rng.next() < 0.3) refs.push(g.constant(pick([2, -1, 0.5, -3.25, 1e-7, 10])));
    else refs.push(g.value(rng.uniform(-2, 2), pick(labels)));
  }
  const ops = 3 + rng.int(12);
  for (let i = 0; i < ops; i++) {
    const op = pick(OPS);
    const inputs = op.inputs.map(() => (rng.next() < 0.15 ? pick([2, -1, 3.5]) : pick(refs)));
    refs.push(g.op(op.type as OpType, inputs, pick(labels), pick([2, 3, -1, 0.5, -2])));
  }
  if (rng.next() < 0.3) g.output(pick(refs));
  const doc = g.build();
  const ev = evaluate(doc);
  for (const r of ev.results.values()) {
    if (r.error !== null || !Number.isFinite(r.data) || !Number.isFinite(r.grad) || Math.abs(r.data) > 300) return null;
  }
  return doc;
}

function randomGraphs(count: number): GraphDoc[] {
  const docs: GraphDoc[] = [];
  for (let seed = 1; docs.length < count; seed++) {
    const doc = randomGraph(seed);
    if (doc) docs.push(doc);
  }
  return docs;
}

describe('toPython', () => {
  it('runs against the micrograd stand-in, not some installed micrograd', () => {
    expect(runPython('import micrograd.engine as m\nprint(m.SHIM)\n').trim()).toBe('True');
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s prints the data and grads the canvas shows', (_id, preset) => {
    const doc = preset.build();
    const code = toPython(doc);
    expect(code).toContain('from micrograd.engine import Value');
    expectSameNumbers(parsePrinted(runPython(code)), doc, false);
  });

  it('prints the README numbers micrograd prints', () => {
    const doc = PRESETS.find((p) => p.id === 'micrograd-readme')!.build();
    const printed = parsePrinted(runPython(toPython(doc)));
    const at = (l: string) => printed.find((p) => p.label === l)!;
    expect(at('g').data.toFixed(4)).toBe('24.7041');
    expect(at('a').grad.toFixed(4)).toBe('138.8338');
    expect(at('b').grad.toFixed(4)).toBe('645.5773');
  });

  it('writes the README the way the README does', () => {
    const code = toPython(PRESETS.find((p) => p.id === 'micrograd-readme')!.build());
    expect(code).toContain('a = Value(-4.0)\nb = Value(2.0)\nc1 = a + b\n');
    expect(code).toContain('t2 = b**3\n');
    expect(code).toContain('t4 = 1.0 + c2\n');
    expect(code).toContain('t15 = 10.0 / f\ng = g1 + t15\n\ng.backward()\n');
    expect(code).toContain("print('g', g.data, g.grad)");
    expect(code).not.toContain('import math');
    expect(code).not.toContain('def ');
  });

  it('adds each helper the graph needs once, with import math, and no others', () => {
    const code = toPython(PRESETS.find((p) => p.id === 'mlp-forward')!.build());
    expect(code.match(/^Value\.tanh = /gm)).toHaveLength(1);
    expect(code.match(/^import math$/gm)).toHaveLength(1);
    expect(code).not.toContain('Value.exp');
    expect(code).toContain('L1_N0_w0 = Value(');
    expect(code).toContain("print('L1.N0.w0', L1_N0_w0.data, L1_N0_w0.grad)");
  });

  it('matches the canvas on random graphs', () => {
    const docs = randomGraphs(40);
    // The filter in randomGraph must not quietly drop an op from the test.
    const opsSeen = new Set(docs.flatMap((d) => Object.values(d.nodes).map((n) => (n.kind === 'op' ? n.op : n.kind))));
    for (const op of OPS) expect(opsSeen.has(op.type), op.type).toBe(true);
    expect(opsSeen.has('constant')).toBe(true);
    // One python3 process for all of them: each program runs in its own namespace.
    const script = docs
      .map((doc, i) => `print('=== ${i}')\nexec(${quoteString(toPython(doc))}, {})\n`)
      .join('');
    const chunks = runPython(script).split(/^=== \d+\n/m).slice(1);
    expect(chunks).toHaveLength(docs.length);
    docs.forEach((doc, i) => expectSameNumbers(parsePrinted(chunks[i]!), doc, false, magnitude(doc)));
  });

  it('comments out a node with a missing input and everything downstream, and still runs', () => {
    const g = new DocBuilder();
    const a = g.value(2, 'a');
    const b = g.value(-3, 'b');
    const ab = g.op('mul', [a, b], 'ab');
    const t = g.op('tanh', [ab], 't');
    let doc = g.output(t).build();
    // Cut the wire into ab's second input: ab and t cannot be computed.
    const cut = Object.values(doc.wires).find((w) => w.target === ab && w.port === 'b')!;
    const { [cut.id]: _gone, ...wires } = doc.wires;
    doc = { ...doc, wires };
    const code = toPython(doc);
    expect(code).toContain("# skipped 'ab': input 'b' is not wired");
    expect(code).toContain("# skipped 't': it needs 'ab', which is skipped");
    expect(code).toContain("# No backward pass: the output, 't', is skipped.");
    expect(code).not.toContain('tanh');
    expectSameNumbers(parsePrinted(runPython(code)), doc, false);
  });

  it('writes the empty graph as a program that runs and prints nothing', () => {
    expect(runPython(toPython(EMPTY_DOC)).trim()).toBe('');
  });

  it('wraps a number in Value when an op has no Value operand, and parenthesises negatives', () => {
    const g = new DocBuilder();
    const t = g.op('tanh', [-2], 't');
    const p = g.op('pow', [3], 'p', 2);
    const s = g.op('add', [-1, 0.5], 's');
    const x = g.value(1.5, 'x');
    const m = g.op('mul', [x, -2], 'm');
    const out = g.op('add', [g.op('add', [t, p]), g.op('add', [s, m])], 'out');
    const doc = g.output(out).build();
    const code = toPython(doc);
    expect(code).toContain('t = Value(-2.0).tanh()');
    expect(code).toContain('p = Value(3.0)**2');
    expect(code).toContain('s = Value(-1.0) + 0.5');
    expect(code).toContain('m = x * (-2.0)');
    expectSameNumbers(parsePrinted(runPython(code)), doc, false);
  });

  it('gives a constant output its own variable, and writes non-finite numbers', () => {
    const g = new DocBuilder();
    const c = g.constant(Infinity);
    const x = g.value(-Infinity, 'x');
    g.op('relu', [x], 'r');
    const doc = g.output(c).build();
    const code = toPython(doc);
    expect(code).toContain("Infinity = float('inf')");
    expect(code).toContain('n1 = Value(Infinity)\nx = Value(-Infinity)');
    expect(code).toContain('n1.backward()');
    const printed = parsePrinted(runPython(code));
    expect(printed.map((p) => [p.label, p.data, p.grad])).toEqual([
      ['n1', Infinity, 1],
      ['x', -Infinity, 0],
      ['r', 0, 0],
    ]);
  });
});

describe('toTypeScript', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s logs exactly the data and grads the canvas shows', (_id, preset) => {
    const doc = preset.build();
    expectSameNumbers(runTypeScript(toTypeScript(doc)), doc, true);
  });

  it('matches the canvas exactly on random graphs', () => {
    for (const doc of randomGraphs(40)) expectSameNumbers(runTypeScript(toTypeScript(doc)), doc, true);
  });

  it('writes the lecture\'s code: labelled leaves, op methods, labels on results', () => {
    const code = toTypeScript(PRESETS.find((p) => p.id === 'lecture-L')!.build());
    expect(code).toContain("const a = new Value(2.0, 'a');");
    expect(code).toContain("const e = a.mul(b); e.label = 'e';");
    expect(code).toContain('L.backward();');
    expect(code).toContain("console.log('L', L.data, L.grad);");
  });

  it('makes a number in first place a Value, since ops are methods', () => {
    const code = toTypeScript(PRESETS.find((p) => p.id === 'tanh-from-exp')!.build());
    expect(code).toContain("const _2n = new Value(2.0).mul(n); _2n.label = '2n';");
    expect(code).toContain('const e_minus_1 = e.sub(1.0);');
  });

  it('runs as written from the repository root with tsx', () => {
    const doc = PRESETS.find((p) => p.id === 'tanh-neuron')!.build();
    const stdout = execFileSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['-e', toTypeScript(doc)], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expectSameNumbers(parsePrinted(stdout), doc, true);
  });
});

describe('names and literals', () => {
  it('turns labels into identifiers both languages accept', () => {
    expect(identifierFromLabel('x1w1 + x2w2')).toBe('x1w1_plus_x2w2');
    expect(identifierFromLabel('L1.N0.w0')).toBe('L1_N0_w0');
    expect(identifierFromLabel('2n')).toBe('_2n');
    expect(identifierFromLabel('-a')).toBe('minus_a');
    expect(identifierFromLabel('e - 1')).not.toBe(identifierFromLabel('e + 1'));
    expect(identifierFromLabel('α')).toBe('');
    expect(identifierFromLabel('   ')).toBe('');
  });

  it('makes names unique, avoids keywords of either language, and falls back to n1, n2', () => {
    const names = assignNames([
      { id: '1', label: 'a' },
      { id: '2', label: 'a' },
      { id: '3', label: '' },
      { id: '4', label: 'lambda' },
      { id: '5', label: 'new' },
      { id: '6', label: 'n1' },
      { id: '7', label: '' },
      { id: '8', label: 'Value' },
    ]);
    expect(['1', '2', '3', '4', '5', '6', '7', '8'].map((id) => names.get(id))).toEqual([
      'a', 'a_2', 'n2', 'lambda_', 'new_', 'n1', 'n3', 'Value_',
    ]);
    expect(RESERVED_NAMES.has('_tanh')).toBe(true);
  });

  it('writes numbers that read back exactly, as floats', () => {
    expect(floatLiteral(2)).toBe('2.0');
    expect(floatLiteral(-0)).toBe('-0.0');
    expect(floatLiteral(0.1)).toBe('0.1');
    expect(floatLiteral(6.8813735870195432)).toBe('6.881373587019543');
    expect(floatLiteral(1e21)).toBe('1e+21');
    const xs = [0.1, 1 / 3, -2.5e-8, 1e21, 123456789012345680000, Number.MIN_VALUE, -Number.MAX_VALUE];
    const back = runPython(`print(${xs.map(floatLiteral).map((t) => `repr(${t})`).join(', ')})`).trim().split(' ');
    expect(back.map(Number)).toEqual(xs);
  });

  it('quotes strings so Python and JavaScript read back the same text', () => {
    const texts = ["it's", 'back\\slash', 'line\nbreak', 'tab\there', 'α β', '😀', '\u0007', 'lone \ud800 surrogate', '"double"'];
    for (const t of texts) expect(new Function(`return ${quoteString(t)};`)()).toBe(t);
    const json = runPython(`import json\nprint(json.dumps([${texts.map(quoteString).join(', ')}]))`);
    expect(JSON.parse(json)).toEqual(texts);
  });
});
