import { describe, expect, it } from 'vitest';
import type { Activation } from '../../nn/activation';
import { evaluate } from '../evaluate';
import { docOf, konst, op, val, wire } from '../testDocs';
import type { GraphDoc, NeuronNode } from '../types';
import { inactiveNeurons, neuronActivity } from './neuronActivity';

/** out = 3 · act(b + w0·x0 + w1·x1), so a gradient of 3 reaches the neuron from above. */
function oneNeuron(activation: Activation, weights: number[], bias: number, x: [number, number]): GraphDoc {
  const n: NeuronNode = { id: 'n', kind: 'neuron', label: 'n', activation, weights, bias, position: { x: 0, y: 0 } };
  return docOf(
    [val('x0', x[0]), val('x1', x[1]), n, konst('three', 3), op('out', 'mul')],
    [wire('x0', 'n', 'x0'), wire('x1', 'n', 'x1'), wire('n', 'out', 'a'), wire('three', 'out', 'b')],
    'out',
  );
}

function activityOf(doc: GraphDoc) {
  return neuronActivity(doc, evaluate(doc), 'n');
}

describe('a neuron’s activity for the inputs it is given', () => {
  it('a ReLU with z < 0 is inactive: output 0, every weight grad 0', () => {
    // z = 0.5 + 1·(−2) + 0.25·2 = −1
    const doc = oneNeuron('relu', [1, 0.25], 0.5, [-2, 2]);
    expect(activityOf(doc)).toEqual({ z: -1, inactive: true, zeroWeightGrads: 2, weightCount: 2 });
    expect(inactiveNeurons(doc, evaluate(doc))).toEqual(['n']);
  });

  it('a ReLU with z exactly 0 is inactive too: relu′(0) = 0, as in micrograd', () => {
    const doc = oneNeuron('relu', [1, 1], 0, [2, -2]);
    expect(activityOf(doc)).toMatchObject({ z: 0, inactive: true, zeroWeightGrads: 2 });
  });

  it('an active ReLU passes the gradient on: w grad = x · upstream, 0 only where its input is 0', () => {
    // z = 0.1 + 1·2 + 5·0 = 2.1 > 0; grads 3·x = (6, 0).
    const doc = oneNeuron('relu', [1, 5], 0.1, [2, 0]);
    const e = evaluate(doc);
    expect(neuronActivity(doc, e, 'n')).toMatchObject({ inactive: false, zeroWeightGrads: 1, weightCount: 2 });
    expect(neuronActivity(doc, e, 'n')!.z).toBeCloseTo(2.1, 12);
    expect(e.results.get('n')!.paramGrads!.weights).toEqual([6, 0]);
    expect(inactiveNeurons(doc, e)).toEqual([]);
  });

  it('only a ReLU is called inactive: tanh with z < 0 still passes a gradient', () => {
    const doc = oneNeuron('tanh', [1, 1], 0, [-1, -1]);
    expect(activityOf(doc)).toMatchObject({ z: -2, inactive: false, zeroWeightGrads: 0 });
  });

  it('says nothing about other nodes or a neuron that cannot be computed', () => {
    const doc = oneNeuron('relu', [1, 1], 0, [1, 1]);
    const e = evaluate(doc);
    expect(neuronActivity(doc, e, 'out')).toBeNull();
    const unwired: GraphDoc = { ...doc, wires: Object.fromEntries(Object.entries(doc.wires).filter(([, w]) => w.target !== 'n')) };
    expect(neuronActivity(unwired, evaluate(unwired), 'n')).toBeNull();
  });
});
