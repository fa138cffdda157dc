import { DocBuilder } from './DocBuilder';
import { addNeuronSum, NEURON_GRADS } from './tanhNeuron';
import type { Preset } from './types';

/** The same neuron with tanh spelled out as (e^2n - 1) / (e^2n + 1), as the lecture does next. */
export const tanhFromExp: Preset = {
  id: 'tanh-from-exp',
  title: 'The neuron with tanh built from exp',
  blurb: 'The same neuron with tanh broken into exp, minus, plus and divide; more nodes, but the same o and the same grads.',
  mode: 'backward',
  expected: { label: 'o', value: 0.7071, grads: NEURON_GRADS },
  build() {
    const g = new DocBuilder();
    const n = addNeuronSum(g);
    // The lecture writes (2*n).exp(): the constant comes first.
    const twoN = g.op('mul', [2, n], '2n');
    const e = g.op('exp', [twoN], 'e');
    const num = g.op('sub', [e, 1], 'e - 1');
    const den = g.op('add', [e, 1], 'e + 1');
    const o = g.op('div', [num, den], 'o');
    return g.output(o).build();
  },
};
