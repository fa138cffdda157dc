import { describe, expect, it } from 'vitest';
import { evaluate } from '../document/evaluate';
import { insertMlp } from '../document/network/insertMlp';
import { EMPTY_DOC } from '../document/types';
import { validateDoc } from '../document/validate';
import { hingeLoss } from '../nn/losses';
import { MLP } from '../nn/MLP';
import { sampleGraph } from './explainSample';

describe('one point’s scalar graph', () => {
  it('is the trained network at that point, op by op: same loss and weight grads as src/nn', () => {
    const { doc } = insertMlp(EMPTY_DOC, { nin: 2, sizes: [4, 4, 1], activation: 'relu', seed: 11, style: 'neurons', loss: 'hinge', at: { x: 0, y: 0 } });
    const point = { x: [0.3, -0.7], label: 1 as const };
    const graph = sampleGraph(doc, point);
    if (!graph.ok) throw new Error(graph.reason);
    expect(validateDoc(graph.doc)).toEqual([]);
    expect(Object.values(graph.doc.nodes).every((n) => n.kind !== 'neuron' && n.kind !== 'loss')).toBe(true);
    const e = evaluate(graph.doc);
    const mlp = new MLP(2, [4, 4, 1], { seed: 11 });
    const loss = hingeLoss(mlp.forward(point.x), [1]);
    loss.backward();
    expect(e.results.get(e.output!)!.data).toBe(loss.data);
    const w = Object.values(graph.doc.nodes).find((n) => n.kind === 'value' && n.label === 'L1.N2.w1')!;
    expect(e.results.get(w.id)!.passGrad).toBe(mlp.layers[0]!.neurons[2]!.w[1]!.grad);
  });

  it('refuses a network too large to read, saying how large and what to try', () => {
    const { doc } = insertMlp(EMPTY_DOC, { nin: 2, sizes: [16, 16, 1], activation: 'relu', seed: 1, style: 'neurons', loss: 'hinge', at: { x: 0, y: 0 } });
    const graph = sampleGraph(doc, { x: [0, 0], label: 1 });
    expect(graph.ok).toBe(false);
    expect(!graph.ok && graph.reason).toMatch(/scalar nodes.*smaller network/);
    expect(graph.size).toBeGreaterThan(700);
  });
});
