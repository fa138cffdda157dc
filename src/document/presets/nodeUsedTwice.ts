import { DocBuilder } from './DocBuilder';
import type { Preset } from './types';

/** The lecture's backprop bug: b = a + a, where a's two contributions must add up. */
export const nodeUsedTwice: Preset = {
  id: 'node-used-twice',
  title: 'b = a + a (a node used twice)',
  blurb: 'A node feeding two inputs gets both gradient contributions added (+=), so a.grad is 2, not the 1 of the lecture\'s first, buggy backward.',
  mode: 'backward',
  expected: { label: 'b', value: 6.0, grads: { a: 2.0, b: 1.0 } },
  build() {
    const g = new DocBuilder();
    const a = g.value(3.0, 'a');
    const b = g.op('add', [a, a], 'b');
    return g.output(b).build();
  },
};
