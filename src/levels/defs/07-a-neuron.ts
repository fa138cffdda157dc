import { DocBuilder } from '../../document/presets/DocBuilder';
import { NEURON_BIAS, tanhNeuron } from '../../document/presets/tanhNeuron';
import { evaluated, gradOf, near, outputData, outputNode } from '../graphFacts';
import type { Evaluated, LevelDef } from '../types';

/** The lecture's neuron, evaluated by the engine: the reference the player's build must match. */
export function referenceNeuron(): Evaluated {
  return evaluated(tanhNeuron.build());
}

/** True when the leaves labelled x1, w1, x2, w2 get the same grads as in the lecture's neuron. */
export function sameLeafGrads(now: Evaluated, reference: Evaluated): boolean {
  return ['x1', 'w1', 'x2', 'w2', 'b'].every((label) => near(gradOf(now, label), gradOf(reference, label), 1e-6));
}

/** Lecture: a two-input neuron whose numbers make every grad round. */
export const aNeuron: LevelDef = {
  id: 'a-neuron',
  chapter: 'neuron',
  title: 'A neuron',
  goal: 'Wire o = tanh(x1·w1 + x2·w2 + b) from the given leaves; goal o = 0.7071. Then predict ∂o/∂w1 and ∂o/∂x2.',
  mode: 'build',
  start: () => {
    const g = new DocBuilder();
    g.value(2.0, 'x1');
    g.value(0.0, 'x2');
    g.value(-3.0, 'w1');
    g.value(1.0, 'w2');
    g.value(NEURON_BIAS, 'b');
    return g.build();
  },
  palette: ['mul', 'add', 'tanh'],
  hidden: ['mode-backward', 'mode-train', 'examples'],
  budget: 10,
  hints: ['Two ×, two + and one tanh: ten nodes with the five leaves.', 'd tanh(n)/dn = 1 − tanh(n)² = 1 − 0.5 = 0.5 here; ∂n/∂w1 is x1.'],
  predictions: [
    { id: 'grad-w1', prompt: '∂o/∂w1', answer: () => gradOf(referenceNeuron(), 'w1'), tolerance: 0.001 },
    { id: 'grad-x2', prompt: '∂o/∂x2', answer: () => gradOf(referenceNeuron(), 'x2'), tolerance: 0.001 },
  ],
  checks: [
    { id: 'tanh-out', text: 'The output is a tanh', test: ({ now }) => { const o = outputNode(now); return o?.kind === 'op' && o.op === 'tanh'; } },
    { id: 'o-value', text: 'o = 0.7071', test: ({ now }) => near(outputData(now), Math.SQRT1_2, 1e-4) },
    { id: 'same-neuron', text: 'Every leaf feeds the neuron as in the lecture (same grads)', test: ({ now }) => sameLeafGrads(now, referenceNeuron()) },
  ],
};
