import { describe, expect, it } from 'vitest';
import { MLP } from '../../nn';
import { evaluate, type Evaluation } from '../evaluate';
import type { GraphDoc } from '../types';
import { validateDoc } from '../validate';
import { COLUMN_WIDTH, DocBuilder } from './DocBuilder';
import { findPreset, PRESETS } from './index';
import { MLP_PRESET_INPUT, MLP_PRESET_SEED } from './mlpForward';

/** The node with this label (labels are unique within a preset). */
function byLabel(doc: GraphDoc, label: string): string {
  const ids = Object.values(doc.nodes)
    .filter((n) => n.kind !== 'constant' && n.label === label)
    .map((n) => n.id);
  expect(ids, `exactly one node labelled '${label}'`).toHaveLength(1);
  return ids[0]!;
}

function loaded(id: string): { doc: GraphDoc; ev: Evaluation; data: (l: string) => number; grad: (l: string) => number } {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset '${id}'`);
  const doc = preset.build();
  const ev = evaluate(doc);
  return {
    doc,
    ev,
    data: (l) => ev.results.get(byLabel(doc, l))!.data,
    grad: (l) => ev.results.get(byLabel(doc, l))!.passGrad,
  };
}

describe('every preset', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s loads cleanly and shows the lecture\'s numbers', (_id, preset) => {
    const doc = preset.build();
    expect(validateDoc(doc)).toEqual([]);
    const ev = evaluate(doc);
    for (const [id, r] of ev.results) expect(r.error, `node ${id}`).toBeNull();
    expect(doc.output).not.toBeNull();
    expect(ev.output).toBe(doc.output);
    const out = doc.nodes[doc.output!]!;
    expect(out.kind !== 'constant' && out.label).toBe(preset.expected.label);
    expect(ev.results.get(doc.output!)!.data.toFixed(4)).toBe(preset.expected.value.toFixed(4));
    for (const [label, g] of Object.entries(preset.expected.grads ?? {})) {
      expect(ev.results.get(byLabel(doc, label))!.passGrad.toFixed(4), `${label}.grad`).toBe(g.toFixed(4));
    }
  });

  it('have unique ids, and each build gets fresh node ids', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      const a = Object.keys(p.build().nodes);
      const b = new Set(Object.keys(p.build().nodes));
      expect(a.some((id) => b.has(id))).toBe(false);
    }
    expect(findPreset('no-such-preset')).toBeUndefined();
  });

  it('are laid out left to right with no two nodes on the same spot', () => {
    for (const p of PRESETS) {
      const doc = p.build();
      const spots = new Set(Object.values(doc.nodes).map((n) => `${n.position.x},${n.position.y}`));
      expect(spots.size, p.id).toBe(Object.keys(doc.nodes).length);
      for (const w of Object.values(doc.wires)) {
        expect(doc.nodes[w.source]!.position.x, p.id).toBeLessThan(doc.nodes[w.target]!.position.x);
      }
    }
  });
});

describe("micrograd's README example", () => {
  it('gives g = 24.7041, a.grad = 138.8338 and b.grad = 645.5773', () => {
    const { data, grad } = loaded('micrograd-readme');
    expect(data('g').toFixed(4)).toBe('24.7041');
    expect(grad('a').toFixed(4)).toBe('138.8338');
    expect(grad('b').toFixed(4)).toBe('645.5773');
    // micrograd itself prints these digits (checked against its semantics in Python).
    expect(data('g')).toBeCloseTo(24.70408163265306, 12);
  });
});

describe('the lecture\'s first expressions', () => {
  it('d = a*b + c is 4.0, and dd/da = b = -3', () => {
    const { data, grad } = loaded('d-equals-ab-plus-c');
    expect(data('d')).toBe(4);
    expect(grad('a')).toBe(-3);
    expect(grad('b')).toBe(2);
    expect(grad('c')).toBe(1);
  });

  it('L = (a*b + c) * f is -8.0 with the grads the lecture finds by hand', () => {
    const { data, grad } = loaded('lecture-L');
    expect(data('L')).toBe(-8);
    expect(data('e')).toBe(-6);
    expect(data('d')).toBe(4);
    expect([grad('a'), grad('b'), grad('c'), grad('f')]).toEqual([6, -4, -2, 4]);
    expect([grad('e'), grad('d'), grad('L')]).toEqual([-2, -2, 1]);
  });

  it('b = a + a gives a.grad = 2: both uses of a add up', () => {
    const { data, grad } = loaded('node-used-twice');
    expect(data('b')).toBe(6);
    expect(grad('a')).toBe(2);
  });
});

describe('the tanh neuron', () => {
  // b is chosen so that n = atanh(1/sqrt 2): o = 1/sqrt 2 and 1 - o^2 = 1/2. (The lecture's
  // PyTorch cell prints 0.7071066904..., because torch.tensor([...]) rounds b to float32 before
  // .double(); in float64 throughout, o is 1/sqrt 2 to the last bits.)
  it.each(['tanh-neuron', 'tanh-from-exp'])('%s: o = 0.7071, x1 -1.5, w1 1.0, x2 0.5, w2 0', (id) => {
    const { data, grad } = loaded(id);
    expect(data('o').toFixed(4)).toBe('0.7071');
    expect(data('o')).toBeCloseTo(Math.SQRT1_2, 15);
    expect(data('n')).toBeCloseTo(Math.atanh(Math.SQRT1_2), 15);
    const grads = ['x1', 'w1', 'x2', 'w2'].map((l) => grad(l).toFixed(4));
    expect(grads).toEqual(['-1.5000', '1.0000', '0.5000', '0.0000']);
    expect(grad('x1')).toBeCloseTo(-1.5, 14);
    expect(grad('w1')).toBeCloseTo(1.0, 14);
    expect(grad('x2')).toBeCloseTo(0.5, 14);
    expect(grad('w2')).toBe(0);
  });

  it('built from exp gives the same o and grads as the tanh node', () => {
    const plain = loaded('tanh-neuron');
    const fromExp = loaded('tanh-from-exp');
    expect(fromExp.data('o')).toBeCloseTo(plain.data('o'), 15);
    for (const l of ['x1', 'w1', 'x2', 'w2', 'b', 'n']) expect(fromExp.grad(l), l).toBeCloseTo(plain.grad(l), 14);
  });
});

describe('the MLP forward pass', () => {
  it('shows exactly what src/nn computes for the same seed and input', () => {
    const net = new MLP(3, [4, 4, 1], { seed: MLP_PRESET_SEED, activation: 'tanh', outputActivation: 'tanh' });
    const expected = net.forward(MLP_PRESET_INPUT)[0]!.data;
    const { doc, data } = loaded('mlp-forward');
    expect(data('L3.N0.out')).toBe(expected);
    expect(findPreset('mlp-forward')!.expected.value).toBe(expected);
    expect(Object.keys(doc.nodes).length).toBeGreaterThan(100);
    expect(data('L1.N0.w0')).toBe(net.layers[0]!.neurons[0]!.w[0]!.data);
    expect(data('L2.N3.b')).toBe(0);
    expect(data('x2')).toBe(-1);
  });

  it('gives every parameter the grad src/nn computes', () => {
    const net = new MLP(3, [4, 4, 1], { seed: MLP_PRESET_SEED, activation: 'tanh', outputActivation: 'tanh' });
    net.forward(MLP_PRESET_INPUT)[0]!.backward();
    const { grad } = loaded('mlp-forward');
    for (const p of net.parameters()) expect(grad(p.label), p.label).toBe(p.grad);
  });
});

describe('DocBuilder', () => {
  it('turns numbers into constant nodes and wires inputs in port order', () => {
    const g = new DocBuilder();
    const a = g.value(5, 'a');
    const d = g.op('sub', [a, 2], 'd');
    const doc = g.output(d).build();
    const ev = evaluate(doc);
    expect(ev.results.get(d)!.data).toBe(3);
    expect(Object.values(doc.nodes).filter((n) => n.kind === 'constant')).toHaveLength(1);
  });

  it('gives pow its default exponent and takes an explicit one', () => {
    const g = new DocBuilder();
    const x = g.value(3, 'x');
    const sq = g.op('pow', [x]);
    const cube = g.op('pow', [x], 'cube', 3);
    const doc = g.build();
    expect(evaluate(doc).results.get(sq)!.data).toBe(9);
    expect(evaluate(doc).results.get(cube)!.data).toBe(27);
  });

  it('refuses the wrong number of inputs and unknown nodes', () => {
    const g = new DocBuilder();
    const a = g.value(1, 'a');
    expect(() => g.op('add', [a])).toThrow(/2 inputs/);
    expect(() => g.op('tanh', ['nope'])).toThrow(/no node/);
    expect(() => g.output('nope')).toThrow(/no node/);
  });

  it('puts an op one column right of its deepest input, and a leaf just left of its first consumer', () => {
    const g = new DocBuilder();
    const a = g.value(1, 'a');
    const b = g.op('tanh', [a]);
    const c = g.op('tanh', [b]);
    const late = g.value(2, 'late');
    const d = g.op('mul', [c, late]);
    const doc = g.build();
    const col = (id: string) => doc.nodes[id]!.position.x / COLUMN_WIDTH;
    expect([col(a), col(b), col(c), col(late), col(d)]).toEqual([0, 1, 2, 2, 3]);
  });
});
