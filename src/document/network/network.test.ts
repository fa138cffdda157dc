import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate';
import { EMPTY_DOC, type GraphDoc } from '../types';
import { validateDoc } from '../validate';
import { collapseGroup } from './collapse';
import { insertMlp } from './insertMlp';
import { reinitialize } from './reinitialize';
import { scalarize } from './scalarize';
import { splitLayers } from './splitLayers';
import { MLP } from '../../nn/MLP';
import { hingeLoss } from '../../nn/losses';

function mlpDoc(style: 'neurons' | 'layers', loss: 'squared' | 'hinge' | 'bce' = 'hinge'): GraphDoc {
  const { doc } = insertMlp(EMPTY_DOC, { nin: 2, sizes: [3, 2, 1], activation: 'tanh', seed: 7, style, loss, at: { x: 0, y: 0 } });
  // A sample to look at: x = (0.5, -1.5), label -1.
  const nodes = { ...doc.nodes };
  for (const n of Object.values(nodes)) {
    if (n.kind === 'input') nodes[n.id] = { ...n, value: n.feature === 0 ? 0.5 : -1.5 };
    if (n.kind === 'target') nodes[n.id] = { ...n, value: -1 };
  }
  return { ...doc, nodes };
}

const lossOf = (doc: GraphDoc) => {
  const e = evaluate(doc);
  return e.results.get(e.output!)!.data;
};

describe('Insert MLP', () => {
  it("draws src/nn's MLP with the same seed: same loss to the last bit, as neurons or as layers", () => {
    const mlp = new MLP(2, [3, 2, 1], { seed: 7, activation: 'tanh', outputActivation: 'linear' });
    const expected = hingeLoss(mlp.forward([0.5, -1.5]), [-1]).data;
    for (const style of ['neurons', 'layers'] as const) {
      const doc = mlpDoc(style);
      expect(validateDoc(doc)).toEqual([]);
      expect(lossOf(doc)).toBe(expected);
    }
  });
});

describe('expanding and collapsing', () => {
  it('expanding every neuron and the loss into scalar ops keeps every number', () => {
    for (const loss of ['squared', 'hinge', 'bce'] as const) {
      const doc = mlpDoc('neurons', loss);
      const composite = Object.values(doc.nodes).filter((n) => n.kind === 'neuron' || n.kind === 'loss').map((n) => n.id);
      const { doc: flat, created } = scalarize(doc, composite);
      expect(created.length).toBeGreaterThan(composite.length);
      expect(Object.values(flat.nodes).some((n) => n.kind === 'neuron' || n.kind === 'loss')).toBe(false);
      expect(validateDoc(flat)).toEqual([]);
      expect(lossOf(flat)).toBeCloseTo(lossOf(doc), 14);
      // Leaves the expansion did not touch keep their gradients.
      const before = evaluate(doc);
      const after = evaluate(flat);
      for (const n of Object.values(doc.nodes).filter((x) => x.kind === 'input')) {
        expect(after.results.get(n.id)!.passGrad).toBeCloseTo(before.results.get(n.id)!.passGrad, 12);
      }
    }
  });

  it('a layer expands and collapses back to the same layer, wires and all', () => {
    const doc = mlpDoc('layers');
    const layer = Object.values(doc.nodes).find((n) => n.kind === 'layer' && n.weights.length === 2)!;
    const { doc: flat, created } = scalarize(doc, [layer.id]);
    const member = flat.nodes[created[0]!]!;
    const back = collapseGroup(flat, member.group!.id);
    if ('reason' in back) throw new Error(back.reason);
    const restored = back.doc.nodes[back.id]!;
    expect(restored.kind).toBe('layer');
    if (restored.kind !== 'layer' || layer.kind !== 'layer') return;
    expect(restored.weights).toEqual(layer.weights);
    expect(restored.biases).toEqual(layer.biases);
    expect(restored.activation).toBe(layer.activation);
    expect(Object.keys(back.doc.nodes)).toHaveLength(Object.keys(doc.nodes).length);
    expect(Object.keys(back.doc.wires)).toHaveLength(Object.keys(doc.wires).length);
    expect(lossOf(back.doc)).toBe(lossOf(doc));
  });

  it('keeps weights changed while expanded, and refuses a rewired expansion with the reason', () => {
    const doc = mlpDoc('neurons');
    const neuron = Object.values(doc.nodes).find((n) => n.kind === 'neuron')!;
    const { doc: flat } = scalarize(doc, [neuron.id]);
    const w0 = Object.values(flat.nodes).find((n) => n.group?.role === 'w:0:0')!;
    const nudged: GraphDoc = { ...flat, nodes: { ...flat.nodes, [w0.id]: { ...w0, value: 0.125 } as typeof w0 } };
    const back = collapseGroup(nudged, w0.group!.id);
    if ('reason' in back) throw new Error(back.reason);
    const restored = back.doc.nodes[back.id]!;
    expect(restored.kind === 'neuron' && restored.weights[0]).toBe(0.125);

    const mul = Object.values(flat.nodes).find((n) => n.group?.role === 'mul:0:0')!;
    const wires = { ...flat.wires };
    for (const [k, w] of Object.entries(wires)) if (w.target === mul.id && w.port === 'a') delete wires[k];
    const broken = collapseGroup({ ...flat, wires }, w0.group!.id);
    expect('reason' in broken && broken.reason).toMatch(/rewired/);
  });
});

describe('reinitialize', () => {
  it('draws new weights from the seed: same seed, same weights; biases back to 0', () => {
    const doc = mlpDoc('neurons');
    const a = reinitialize(doc, 3);
    const b = reinitialize(doc, 3);
    const c = reinitialize(doc, 4);
    const weights = (d: GraphDoc) => Object.values(d.nodes).flatMap((n) => (n.kind === 'neuron' ? [...n.weights, n.bias] : []));
    expect(weights(a)).toEqual(weights(b));
    expect(weights(a)).not.toEqual(weights(c));
    expect(weights(a)).not.toEqual(weights(doc));
    expect(weights(a).every((w) => Math.abs(w) < 1)).toBe(true);
  });
});

describe('splitting layers into neurons', () => {
  it('draws each layer as its neurons, wired the same way, with the same loss and grads', () => {
    const layers = mlpDoc('layers');
    const ids = Object.values(layers.nodes).filter((n) => n.kind === 'layer').map((n) => n.id);
    const split = splitLayers(layers, ids);
    expect(validateDoc(split)).toEqual([]);
    const neurons = Object.values(split.nodes).filter((n) => n.kind === 'neuron');
    expect(neurons.map((n) => n.label).sort()).toEqual(['L1.N0', 'L1.N1', 'L1.N2', 'L2.N0', 'L2.N1', 'L3.N0']);
    expect(Object.values(split.nodes).some((n) => n.kind === 'layer')).toBe(false);
    expect(lossOf(split)).toBe(lossOf(layers));
    // Same picture as Insert MLP's neuron style: as many wires, the same loss to the last bit.
    const drawn = mlpDoc('neurons');
    expect(Object.keys(split.wires)).toHaveLength(Object.keys(drawn.wires).length);
    expect(lossOf(split)).toBe(lossOf(drawn));
  });
});
