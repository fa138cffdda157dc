import { DocBuilder, type NodeRef } from './DocBuilder';
import type { Preset } from './types';

/**
 * The bias the lecture picks so that n = x1*w1 + x2*w2 + b = atanh(1/sqrt 2) and o = tanh(n)
 * comes out at 1/sqrt 2, making every grad a round number.
 */
export const NEURON_BIAS = 6.8813735870195432;

/**
 * Adds the lecture's two-input neuron up to its pre-activation n = x1*w1 + x2*w2 + b, with the
 * lecture's labels, and returns n. Shared by the tanh presets so they stay the same neuron.
 */
export function addNeuronSum(g: DocBuilder): NodeRef {
  const x1 = g.value(2.0, 'x1');
  const x2 = g.value(0.0, 'x2');
  const w1 = g.value(-3.0, 'w1');
  const w2 = g.value(1.0, 'w2');
  const b = g.value(NEURON_BIAS, 'b');
  const x1w1 = g.op('mul', [x1, w1], 'x1w1');
  const x2w2 = g.op('mul', [x2, w2], 'x2w2');
  const sum = g.op('add', [x1w1, x2w2], 'x1w1 + x2w2');
  return g.op('add', [sum, b], 'n');
}

/** The grads the lecture reads off after o.backward(), for both tanh presets. */
export const NEURON_GRADS: Readonly<Record<string, number>> = { x1: -1.5, w1: 1.0, x2: 0.5, w2: 0.0, n: 0.5, o: 1.0 };

/** The lecture's neuron: o = tanh(x1*w1 + x2*w2 + b). */
export const tanhNeuron: Preset = {
  id: 'tanh-neuron',
  title: 'A neuron: o = tanh(x1*w1 + x2*w2 + b)',
  blurb: 'A two-input neuron with a tanh activation; since 1 - tanh(n)^2 = 0.5 here, w1 gets grad x1 * 0.5 = 1.',
  mode: 'backward',
  expected: { label: 'o', value: 0.7071, grads: NEURON_GRADS },
  build() {
    const g = new DocBuilder();
    const n = addNeuronSum(g);
    const o = g.op('tanh', [n], 'o');
    return g.output(o).build();
  },
};
