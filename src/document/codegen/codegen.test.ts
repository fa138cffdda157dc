import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePrinted, runPython, SHIM_DIR, type PrintedNode } from '../../../test/python/runPython';
import { createRng } from '../../data/random';
import { OPS, Value } from '../../engine';
import { Layer, Neuron, hingeLoss, type Activation } from '../../nn';
import { evaluate } from '../evaluate';
import { PRESETS } from '../presets';
import { DocBuilder } from '../presets/DocBuilder';
import { NetBuilder, type Src } from '../NetBuilder';
import { EMPTY_DOC, type GraphDoc, type LossKind } from '../types';
import { floatLiteral, assignNames, RESERVED_NAMES } from './names';
import { identifierFromLabel, stringLiteral } from './text';
import { toPython } from './python';
import { toTypeScript, TS_ENGINE_IMPORT } from './typescript';
import { expectedLines, randomGraphs, softmaxNetwork } from '../../../test/codegen/canvasNumbers';

const REPO_ROOT = path.resolve(SHIM_DIR, '../..');

/**
 * Most tests here start python3 or tsx, about a second each on an idle machine; on two cores
 * shared with other work that passes Vitest's 5 s default, and the test fails without being wrong.
 */
const PROCESS_TIMEOUT = 30_000;

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
  for (const r of evaluate(doc).results.values()) m = Math.max(m, Math.abs(r.data), Math.abs(r.passGrad));
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

describe('toPython', { timeout: PROCESS_TIMEOUT }, () => {
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
      .map((doc, i) => `print('=== ${i}')\nexec(${stringLiteral(toPython(doc))}, {})\n`)
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

describe('toTypeScript', { timeout: PROCESS_TIMEOUT }, () => {
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

describe('names and literals', { timeout: PROCESS_TIMEOUT }, () => {
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
    for (const t of texts) expect(new Function(`return ${stringLiteral(t)};`)()).toBe(t);
    const json = runPython(`import json\nprint(json.dumps([${texts.map(stringLiteral).join(', ')}]))`);
    expect(JSON.parse(json)).toEqual(texts);
  });
});

// ---- networks: inputs, targets, neurons, layers, losses ----------------------------------------

/**
 * The network of the brief: two inputs, a hidden layer of three ReLU Neuron nodes, a ReLU
 * Layer node of two neurons, a linear output neuron, a target and a hinge loss. One hidden
 * neuron is dead (relu of a negative sum) so a zero gradient is checked too.
 */
function drawnNetwork(loss: LossKind = 'hinge', targetValue = -1) {
  const g = new NetBuilder();
  const x1 = g.input('x1', 0, 0.5);
  const x2 = g.input('x2', 1, -1.5);
  const h = [
    g.neuron('h1', 'relu', [0.8, -0.4], 0.1, [x1, x2]),
    g.neuron('h2', 'relu', [-0.3, 0.9], 0.2, [x1, x2]),
    g.neuron('h3', 'relu', [0.5, -0.6], -0.1, [x1, x2]),
  ];
  const L = g.layer('L', 'relu', [[0.7, -0.2, 0.4], [-0.5, 0.3, 0.6]], [0.05, 0.3], h);
  const score = g.neuron('score', 'linear', [1.2, -0.9], 0.1, L);
  const y = g.target('y', targetValue);
  const out = g.loss('loss', loss, score, y);
  return { doc: g.build(out), x: [0.5, -1.5], y: targetValue };
}

/**
 * A random network: inputs, values (some trainable) and constants, then neurons and layers
 * with every activation reading any earlier output (a layer's too, and constants inline), an
 * op now and then, a target and a loss of any kind. Null when the canvas shows a non-finite
 * number or anything over 300 (see randomGraph).
 */
function randomNetwork(seed: number): GraphDoc | null {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)]!;
  const activations: Activation[] = ['relu', 'tanh', 'sigmoid', 'linear'];
  const labels = ['', '', 'n', 'h', 'L1', 'x1', 'lambda', 'n1', 'n1_w0', 'h.b', 'α', 'out'];
  const g = new NetBuilder();
  const srcs: Src[] = [];
  for (let i = 0, n = 1 + rng.int(3); i < n; i++) srcs.push(g.input(pick(labels), i, rng.uniform(-2, 2)));
  if (rng.next() < 0.5) srcs.push(g.value(pick(labels), rng.uniform(-1, 1), rng.next() < 0.5));
  if (rng.next() < 0.4) srcs.push(g.constant(pick([2, -1, 0.5])));
  const weights = (n: number) => Array.from({ length: n }, () => rng.uniform(-1.5, 1.5));
  for (let k = 0, n = 1 + rng.int(4); k < n; k++) {
    const nin = 1 + rng.int(3);
    const inputs = Array.from({ length: nin }, () => pick(srcs));
    const roll = rng.next();
    if (roll < 0.45) srcs.push(g.neuron(pick(labels), pick(activations), weights(nin), rng.uniform(-1, 1), inputs));
    else if (roll < 0.85) {
      const nout = 1 + rng.int(3);
      srcs.push(...g.layer(pick(labels), pick(activations), Array.from({ length: nout }, () => weights(nin)), weights(nout), inputs));
    } else srcs.push(g.op(pick(['add', 'mul', 'tanh', 'pow'] as const), [pick(srcs), pick(srcs)].slice(0, rng.next() < 0.5 ? 1 : 2), pick(labels)));
  }
  const score = srcs[srcs.length - 1]!;
  const kind = pick(['squared', 'hinge', 'bce', 'softmax'] as const);
  // A softmax reads the last 2 or 3 outputs as class scores (srcs has an input and a neuron at least).
  const k = Math.min(srcs.length, 2 + rng.int(2));
  const label = pick(['loss', 'L', '']);
  const out =
    kind === 'softmax'
      ? g.softmax(label, srcs.slice(-k), g.target(pick(['y', 'target', '']), rng.int(k)))
      : g.loss(label, kind, score, g.target(pick(['y', 'target', '']), pick([-1, 1])));
  const doc = g.build(rng.next() < 0.9 ? out : null);
  const ev = evaluate(doc);
  for (const r of ev.results.values()) {
    if (r.error !== null || !Number.isFinite(r.data) || !Number.isFinite(r.passGrad) || Math.abs(r.data) > 300) return null;
  }
  return doc;
}

function randomNetworks(count: number): GraphDoc[] {
  const docs: GraphDoc[] = [];
  for (let seed = 1; docs.length < count; seed++) {
    const doc = randomNetwork(seed);
    if (doc) docs.push(doc);
  }
  return docs;
}

describe('networks: neurons, layers, inputs, targets and losses', { timeout: PROCESS_TIMEOUT }, () => {
  it('the canvas agrees with src/nn on the drawn network (the expectations below rest on it)', () => {
    const { doc, x, y } = drawnNetwork();
    const ev = evaluate(doc);
    // The same network on src/nn, its parameters set to the drawn ones.
    const set = (n: Neuron, w: number[], b: number) => {
      w.forEach((v, i) => (n.w[i]!.data = v));
      n.b.data = b;
      return n;
    };
    const hidden = [
      set(new Neuron(2), [0.8, -0.4], 0.1),
      set(new Neuron(2), [-0.3, 0.9], 0.2),
      set(new Neuron(2), [0.5, -0.6], -0.1),
    ];
    const layer = new Layer(3, 2);
    set(layer.neurons[0]!, [0.7, -0.2, 0.4], 0.05);
    set(layer.neurons[1]!, [-0.5, 0.3, 0.6], 0.3);
    const out = set(new Neuron(2, { activation: 'linear' }), [1.2, -0.9], 0.1);
    const h = hidden.map((n) => n.forward(x)[0]!);
    const score = out.forward(layer.forward(h))[0]!;
    const loss = hingeLoss([score], [y]);
    loss.backward();

    const byLabel = (label: string) => Object.values(doc.nodes).find((n) => n.kind !== 'constant' && n.label === label)!.id;
    expect(ev.output).toBe(byLabel('loss'));
    expect(ev.results.get(byLabel('loss'))!.data).toBe(loss.data);
    expect(loss.data).toBeGreaterThan(0); // the hinge is active, so every grad is live
    expect(ev.results.get(byLabel('score'))!.data).toBe(score.data);
    expect(ev.params.get(byLabel('h1'))!.weights.map((w) => (w as Value).grad)).toEqual(hidden[0]!.w.map((w) => w.grad));
    expect((ev.params.get(byLabel('h2'))!.bias as Value).grad).toBe(0); // the dead neuron
    expect((ev.params.get(byLabel('L'))!.weights as Value[][]).map((row) => row.map((w) => w.grad))).toEqual(
      layer.neurons.map((n) => n.w.map((w) => w.grad)),
    );
    expect((ev.params.get(byLabel('L'))!.bias as Value[]).map((b) => b.grad)).toEqual(layer.neurons.map((n) => n.b.grad));
    expect((ev.params.get(byLabel('score'))!.bias as Value).grad).toBe(out.b.grad);
  });

  it('writes a neuron as its parameters, then act(b + w0*x0 + w1*x1) summed from the bias', () => {
    const { doc } = drawnNetwork();
    const py = toPython(doc);
    expect(py).toContain(
      [
        'h1_w0 = Value(0.8)',
        'h1_w1 = Value(-0.4)',
        'h1_b = Value(0.1)',
        'h1 = (h1_b + h1_w0*x1 + h1_w1*x2).relu()',
      ].join('\n'),
    );
    expect(py).toContain('score = score_b + score_w0*L_y0 + score_w1*L_y1\n');
    expect(py).toContain("x1 = Value(0.5)  # input: feature x1 of the dataset sample shown on the canvas\n");
    expect(py).toContain('y = Value(-1.0)  # target: the label of the dataset sample shown on the canvas\n');
    expect(py).toContain("print('h1.w0', h1_w0.data, h1_w0.grad)\n");
    expect(py).not.toContain('import math'); // relu and linear need no helper

    const ts = toTypeScript(doc);
    expect(ts).toContain("const h1_w0 = new Value(0.8, 'h1.w0');\nconst h1_w1 = new Value(-0.4, 'h1.w1');\nconst h1_b = new Value(0.1, 'h1.b');\n");
    expect(ts).toContain("const h1 = h1_b.add(h1_w0.mul(x1)).add(h1_w1.mul(x2)).relu(); h1.label = 'h1';");
    expect(ts).toContain("const score = score_b.add(score_w0.mul(L_y0)).add(score_w1.mul(L_y1)); score.label = 'score';");
  });

  it('writes a layer as one neuron per output, named <label>_y0, ..., which later wires use', () => {
    const { doc } = drawnNetwork();
    const py = toPython(doc);
    expect(py).toContain(
      [
        "# layer 'L': 2 relu neurons over the same 3 inputs",
        'L_w0_0 = Value(0.7)',
        'L_w0_1 = Value(-0.2)',
        'L_w0_2 = Value(0.4)',
        'L_b0 = Value(0.05)',
        'L_y0 = (L_b0 + L_w0_0*h1 + L_w0_1*h2 + L_w0_2*h3).relu()',
        'L_w1_0 = Value(-0.5)',
      ].join('\n'),
    );
    expect(py).toContain("print('L.w1.2', L_w1_2.data, L_w1_2.grad)\nprint('L.b1', L_b1.data, L_b1.grad)\nprint('L.y1', L_y1.data, L_y1.grad)\n");
    expect(toTypeScript(doc)).toContain("const L_y1 = L_b1.add(L_w1_0.mul(h1)).add(L_w1_1.mul(h2)).add(L_w1_2.mul(h3)).relu(); L_y1.label = 'L.y1';");
  });

  it('writes each loss with the engine\'s ops in the engine\'s order', () => {
    const hinge = drawnNetwork('hinge').doc;
    expect(toPython(hinge)).toContain('loss = (score * -y + 1).relu()\n\nloss.backward()\n');
    expect(toTypeScript(hinge)).toContain("const loss = score.mul(y.neg()).add(1).relu(); loss.label = 'loss';");

    const squared = drawnNetwork('squared').doc;
    expect(toPython(squared)).toContain('loss = (score - y)**2\n');
    expect(toTypeScript(squared)).toContain("const loss = score.sub(y).pow(2); loss.label = 'loss';");

    const bce = drawnNetwork('bce').doc;
    const py = toPython(bce);
    expect(py).toContain('loss_z = score * -y  # z = -target*score');
    expect(py).toContain('loss = loss_z.relu() + ((-(loss_z.relu() + (-loss_z).relu())).exp() + 1).log()\n');
    expect(py).toContain('Value.exp = _exp');
    expect(py).toContain('Value.log = _log');
    expect(toTypeScript(bce)).toContain("const loss = loss_z.relu().add(loss_z.relu().add(loss_z.neg().relu()).neg().exp().add(1).log()); loss.label = 'loss';");
  });

  it('writes a softmax loss as the engine builds it: log of the summed exps, minus the score a relu one-hot picks', () => {
    const doc = softmaxNetwork(1);
    const py = toPython(doc);
    expect(py).toContain('loss_sum_exp = s_y0.exp() + s_y1.exp() + s_y2.exp()  # not shifted by the max score');
    expect(py).toContain('loss_picked = s_y0 * (-((y - 0.0).relu() + (-y + 0.0).relu()) + 1).relu() + s_y1 * (-((y - 1.0).relu() + (-y + 1.0).relu()) + 1).relu() + s_y2 * ');
    expect(py).toContain('loss = loss_sum_exp.log() - loss_picked\n\nloss.backward()\n');
    const ts = toTypeScript(doc);
    expect(ts).toContain('const loss_sum_exp = s_y0.exp().add(s_y1.exp()).add(s_y2.exp());');
    expect(ts).toContain('const loss_picked = s_y0.mul(y.sub(0).relu().add(y.neg().add(0).relu()).neg().add(1).relu()).add(s_y1.mul(');
    expect(ts).toContain("const loss = loss_sum_exp.log().sub(loss_picked); loss.label = 'loss';");

    // A softmax over one class computes nothing, on the canvas or in the export, and says why.
    const g = new NetBuilder();
    const one = g.build(g.softmax('loss', [g.input('x', 0, 1)], g.target('y', 0)));
    expect(toPython(one)).toContain("# skipped 'loss': it is a softmax over 1 class: its one probability is always 1");
    expect(toTypeScript(one)).toContain("// skipped 'loss': it is a softmax over 1 class");
  });

  it('a softmax network prints what the canvas shows for every target class, in Python and exactly in TypeScript', () => {
    for (const y of [0, 1, 2]) {
      const doc = softmaxNetwork(y);
      const printed = parsePrinted(runPython(toPython(doc)));
      // inputs, 2 hidden neurons of 2 weights, 3 scores of 2 weights, target, loss
      expect(printed).toHaveLength(2 + 2 * 4 + 3 * 4 + 1 + 1);
      expect(printed.find((p) => p.label === 'loss')!.data).toBeGreaterThan(0);
      expectSameNumbers(printed, doc, false);
      expectSameNumbers(runTypeScript(toTypeScript(doc)), doc, true);
    }
  });

  it.each(['hinge', 'squared', 'bce'] as const)('the drawn network with a %s loss prints what the canvas shows, in Python and TypeScript', (loss) => {
    for (const y of [-1, 1]) {
      const { doc } = drawnNetwork(loss, y);
      const printed = parsePrinted(runPython(toPython(doc)));
      // Every parameter of every neuron is printed, with the canvas's labels.
      expect(printed.map((p) => p.label)).toContain('L.w1.2');
      expect(printed).toHaveLength(2 + 3 * 4 + 2 * 5 + 4 + 1 + 1);
      expectSameNumbers(printed, doc, false);
      expectSameNumbers(runTypeScript(toTypeScript(doc)), doc, true);
    }
  });

  it('adds the tanh and sigmoid helpers for neurons that use them', () => {
    const g = new NetBuilder();
    const x = g.input('x', 0, 0.3);
    const a = g.neuron('a', 'tanh', [2], -0.5, [x]);
    const b = g.layer('b', 'sigmoid', [[1.5], [-0.5]], [0, 0.25], [a]);
    const doc = g.build(g.neuron('c', 'linear', [1, 1], 0, b));
    const py = toPython(doc);
    expect(py).toContain('a = (a_b + a_w0*x).tanh()');
    expect(py).toContain('b_y1 = (b_b1 + b_w1_0*a).sigmoid()');
    expect(py.match(/^Value\.(tanh|sigmoid) = /gm)).toEqual(['Value.tanh = ', 'Value.sigmoid = ']);
    expectSameNumbers(parsePrinted(runPython(py)), doc, false);
    expectSameNumbers(runTypeScript(toTypeScript(doc)), doc, true);
  });

  it('writes constants into a neuron inline and marks trainable values', () => {
    const g = new NetBuilder();
    const w = g.value('w', 0.5, true);
    const k = g.constant(-2);
    const doc = g.build(g.neuron('n', 'relu', [0.25, 1], 3, [k, w]));
    const py = toPython(doc);
    expect(py).toContain('w = Value(0.5)  # trainable: a parameter training changes\n');
    expect(py).toContain('n = (n_b + n_w0*(-2.0) + n_w1*w).relu()');
    expect(toTypeScript(doc)).toContain("const w = new Value(0.5, 'w'); // trainable: a parameter training changes\n");
    expect(toTypeScript(doc)).toContain('n_b.add(n_w0.mul(-2.0)).add(n_w1.mul(w)).relu()');
    expectSameNumbers(parsePrinted(runPython(py)), doc, false);
    expectSameNumbers(runTypeScript(toTypeScript(doc)), doc, true);
  });

  it('keeps names unique: a node labelled like a weight keeps its name, the weight moves', () => {
    const g = new NetBuilder();
    const x = g.value('n1_w0', 1.5);
    const doc = g.build(g.neuron('n1', 'linear', [2], 0, [x]));
    const py = toPython(doc);
    expect(py).toContain('n1_w0 = Value(1.5)\nn1_w0_2 = Value(2.0)\nn1_b = Value(0.0)\nn1 = n1_b + n1_w0_2*n1_w0\n');
    expectSameNumbers(parsePrinted(runPython(py)), doc, false);
  });

  it('skips a neuron with an unwired input, and says a layer cannot be the output', () => {
    const g = new NetBuilder();
    const x = g.input('x', 0, 1);
    const n = g.neuron('n', 'relu', [1, 2], 0, [x]); // x1 is not wired
    g.op('tanh', [n], 't');
    const code = toPython(g.build());
    expect(code).toContain("# skipped 'n': input 'x1' is not wired");
    expect(code).toContain("# skipped 't': it needs 'n', which is skipped");

    const h = new NetBuilder();
    const L = h.layer('L', 'relu', [[1], [2]], [0, 0], [h.input('x', 0, 1)]);
    const layerId = (L[0] as { id: string }).id;
    const doc = h.build(layerId);
    expect(toPython(doc)).toContain("# No backward pass: the output, 'L', is a layer: backward starts from one number, not 2.");
    expectSameNumbers(parsePrinted(runPython(toPython(doc))), doc, false);
    expectSameNumbers(runTypeScript(toTypeScript(doc)), doc, true);
  });

  it('matches the canvas on random networks, in Python and exactly in TypeScript', () => {
    const docs = randomNetworks(40);
    const kinds = new Set(docs.flatMap((d) => Object.values(d.nodes).map((n) => (n.kind === 'loss' ? `loss:${n.loss}` : n.kind === 'neuron' || n.kind === 'layer' ? `${n.kind}:${n.activation}` : n.kind))));
    for (const kind of ['loss:squared', 'loss:hinge', 'loss:bce', 'loss:softmax', 'neuron:relu', 'neuron:tanh', 'neuron:sigmoid', 'neuron:linear', 'layer:relu', 'layer:tanh', 'layer:sigmoid', 'layer:linear', 'constant', 'op', 'input', 'target']) {
      expect(kinds.has(kind), kind).toBe(true);
    }
    for (const doc of docs) expectSameNumbers(runTypeScript(toTypeScript(doc)), doc, true);
    const script = docs.map((doc, i) => `print('=== ${i}')\nexec(${stringLiteral(toPython(doc))}, {})\n`).join('');
    const chunks = runPython(script).split(/^=== \d+\n/m).slice(1);
    expect(chunks).toHaveLength(docs.length);
    docs.forEach((doc, i) => expectSameNumbers(parsePrinted(chunks[i]!), doc, false, magnitude(doc)));
  });
});
