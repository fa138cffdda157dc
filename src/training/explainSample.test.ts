import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../document/evaluate';
import { insertMlp } from '../document/network/insertMlp';
import { neuronActivity } from '../document/network/neuronActivity';
import { EMPTY_DOC, type GraphDoc, type LabelledPoint } from '../document/types';
import { validateDoc } from '../document/validate';
import { hingeLoss } from '../nn/losses';
import { MLP } from '../nn/MLP';
import { compileNetwork } from './compiled/compile';
import { CompiledTrainer } from './compiled/Trainer';
import { sampleGraph, sampleLesson, type SampleGraph } from './explainSample';

function mlp(sizes: number[], style: 'neurons' | 'layers', seed: number): GraphDoc {
  return insertMlp(EMPTY_DOC, { nin: 2, sizes, activation: 'relu', seed, style, loss: 'hinge', at: { x: 0, y: 0 } }).doc;
}

function open(doc: GraphDoc, point: LabelledPoint, form: 'neurons' | 'scalars'): SampleGraph {
  const graph = sampleGraph(doc, point, { form });
  if (!graph.ok) throw new Error(graph.reason);
  return graph;
}

/** Every weight's and bias's grad by its lecture name (`L1.N2.w1`, `L1.N2.b`), read from neuron cards. */
function cardGrads(doc: GraphDoc): Map<string, number> {
  const e = evaluate(doc);
  const grads = new Map<string, number>();
  for (const n of Object.values(doc.nodes)) {
    if (n.kind !== 'neuron') continue;
    const g = e.results.get(n.id)!.paramGrads!;
    (g.weights as number[]).forEach((w, i) => grads.set(`${n.label}.w${i}`, w));
    grads.set(`${n.label}.b`, g.bias as number);
  }
  return grads;
}

/** The same, read from the trainable Value nodes of a fully expanded graph. */
function scalarGrads(doc: GraphDoc): Map<string, number> {
  const e = evaluate(doc);
  const grads = new Map<string, number>();
  for (const n of Object.values(doc.nodes)) if (n.kind === 'value' && n.trainable) grads.set(n.label, e.results.get(n.id)!.passGrad);
  return grads;
}

/** The compiled trainer's loss and grads for a batch of just this point, by the same names. */
function trainerGrads(doc: GraphDoc, point: LabelledPoint): { loss: number; grads: Map<string, number> } {
  const compiled = compileNetwork(doc);
  if (!compiled.ok) throw new Error(compiled.reason);
  const trainer = new CompiledTrainer(compiled.program, { name: 'one point', x: [point.x], y: [point.label] }, { lr: 0 });
  const loss = trainer.step().loss;
  const grads = new Map<string, number>();
  compiled.program.paramRefs.forEach((ref, k) => {
    const node = doc.nodes[ref.nodeId]!;
    const neuron = node.kind === 'layer' ? `${node.label}.N${ref.unit}` : (node as { label: string }).label;
    grads.set(ref.field === 'bias' ? `${neuron}.b` : `${neuron}.w${ref.input}`, trainer.grads[k]!);
  });
  return { loss, grads };
}

function close(a: number, b: number): boolean {
  return Object.is(a, b) || Math.abs(a - b) <= Math.max(1e-12, 1e-9 * Math.max(Math.abs(a), Math.abs(b)));
}

const points = fc.record({
  x: fc.tuple(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -1.5, max: 1.5, noNaN: true })),
  label: fc.constantFrom(1 as const, -1 as const),
});

describe('one point’s graph with neurons as cards', () => {
  it('opens for micrograd’s MLP(2, [16, 16, 1]): 33 neuron cards, the hinge loss as ops, one undo-able document', () => {
    const graph = open(mlp([16, 16, 1], 'neurons', 1337), { x: [0.4, -0.2], label: 1 }, 'neurons');
    expect(validateDoc(graph.doc)).toEqual([]);
    const kinds = Object.values(graph.doc.nodes).map((n) => n.kind);
    expect(kinds.filter((k) => k === 'neuron')).toHaveLength(33);
    expect(kinds.filter((k) => k === 'layer' || k === 'loss')).toEqual([]);
    expect(graph.neurons).toBe(33);
    // 2 inputs, 33 neurons, the target, and the hinge's neg, mul, 1, add, relu.
    expect(graph.size).toBe(2 + 33 + 1 + 5);
  });

  it('gives the same loss and grads as the fully expanded graph and as the compiled trainer, for random points and networks', () => {
    fc.assert(
      fc.property(points, fc.constantFrom('neurons' as const, 'layers' as const), fc.integer({ min: 1, max: 1000 }), (p, style, seed) => {
        const point: LabelledPoint = { x: [...p.x], label: p.label };
        const doc = mlp([4, 3, 1], style, seed);
        const cards = open(doc, point, 'neurons');
        const scalars = open(doc, point, 'scalars');
        const trainer = trainerGrads(doc, point);
        expect(cards.loss).toBe(scalars.loss);
        expect(close(cards.loss, trainer.loss), `loss ${cards.loss} vs trainer ${trainer.loss}`).toBe(true);
        const fromCards = cardGrads(cards.doc);
        const fromScalars = scalarGrads(scalars.doc);
        expect(fromCards.size).toBe(2 * 4 + 4 + 4 * 3 + 3 + 3 + 1);
        expect([...fromScalars.keys()].sort()).toEqual([...fromCards.keys()].sort());
        expect([...trainer.grads.keys()].sort()).toEqual([...fromCards.keys()].sort());
        for (const [name, g] of fromCards) {
          expect(fromScalars.get(name), name).toBe(g);
          expect(close(trainer.grads.get(name)!, g), `${name}: cards ${g}, trainer ${trainer.grads.get(name)}`).toBe(true);
        }
        expect(cards.inactive).toBe(scalars.inactive);
      }),
      { numRuns: 40 },
    );
  });

  it('matches src/nn’s MLP on a point: same hinge loss, same weight grad', () => {
    const point: LabelledPoint = { x: [0.3, -0.7], label: 1 };
    const graph = open(mlp([4, 4, 1], 'layers', 11), point, 'neurons');
    const model = new MLP(2, [4, 4, 1], { seed: 11 });
    const loss = hingeLoss(model.forward(point.x), [1]);
    loss.backward();
    expect(graph.loss).toBe(loss.data);
    expect(cardGrads(graph.doc).get('L1.N2.w1')).toBe(model.layers[0]!.neurons[2]!.w[1]!.grad);
  });

  it('counts the inactive neurons and says why their grads are 0; every inactive neuron’s weights and bias get grad 0', () => {
    const doc = mlp([16, 16, 1], 'neurons', 1337);
    fc.assert(
      fc.property(points, (p) => {
        const graph = open(doc, { x: [...p.x], label: p.label }, 'neurons');
        const e = evaluate(graph.doc);
        const neurons = Object.values(graph.doc.nodes).filter((n) => n.kind === 'neuron');
        const inactive = neurons.filter((n) => neuronActivity(graph.doc, e, n.id)!.inactive);
        expect(graph.inactive).toBe(inactive.length);
        for (const n of inactive) {
          const g = e.results.get(n.id)!.paramGrads!;
          expect((g.weights as number[]).every((w) => w === 0), n.label).toBe(true);
          expect(g.bias).toBe(0);
        }
        const lesson = sampleLesson(graph);
        if (inactive.length > 0) expect(lesson).toContain(`${inactive.length} of 33 neurons are inactive for this point`);
        expect(lesson.includes('every grad is 0')).toBe(graph.loss === 0);
      }),
      { numRuns: 30 },
    );
  });

  it('a point the network already classifies with margin has a flat loss hinge: loss 0, and the lesson says every grad is 0', () => {
    // One neuron, score = 2·x1, on a point of class +1 at x1 = 1: y·score = 2 ≥ 1.
    const doc = mlp([1], 'neurons', 3);
    const neuron = Object.values(doc.nodes).find((n) => n.kind === 'neuron')!;
    const fixed: GraphDoc = { ...doc, nodes: { ...doc.nodes, [neuron.id]: { ...neuron, weights: [2, 0], bias: 0 } as typeof neuron } };
    const graph = open(fixed, { x: [1, 0], label: 1 }, 'neurons');
    expect(graph.loss).toBe(0);
    expect(sampleLesson(graph)).toContain('The loss’s hinge is inactive too');
    expect([...cardGrads(graph.doc).values()].every((g) => g === 0)).toBe(true);
  });

  it('takes every neuron apart only when asked, and refuses that form above the cap, saying what to do instead', () => {
    const doc = mlp([16, 16, 1], 'neurons', 1);
    const graph = sampleGraph(doc, { x: [0, 0], label: 1 }, { form: 'scalars' });
    expect(graph.ok).toBe(false);
    expect(!graph.ok && graph.reason).toMatch(/scalar nodes.*expand them one at a time/);
    expect(graph.size).toBeGreaterThan(700);
    const small = open(mlp([4, 4, 1], 'neurons', 11), { x: [0.3, -0.7], label: 1 }, 'scalars');
    expect(Object.values(small.doc.nodes).every((n) => n.kind !== 'neuron' && n.kind !== 'loss')).toBe(true);
  });
});
