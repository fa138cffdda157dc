import { DocBuilder } from './DocBuilder';
import type { Preset } from './types';

/** The expression the lecture backpropagates through by hand: L = (a*b + c) * f. */
export const lectureL: Preset = {
  id: 'lecture-L',
  title: 'L = (a*b + c) * f',
  blurb: 'The graph the lecture backpropagates by hand, node by node, with the chain rule.',
  mode: 'backward',
  expected: {
    label: 'L',
    value: -8.0,
    grads: { L: 1.0, f: 4.0, d: -2.0, e: -2.0, c: -2.0, a: 6.0, b: -4.0 },
  },
  build() {
    const g = new DocBuilder();
    const a = g.value(2.0, 'a');
    const b = g.value(-3.0, 'b');
    const c = g.value(10.0, 'c');
    const e = g.op('mul', [a, b], 'e');
    const d = g.op('add', [e, c], 'd');
    const f = g.value(-2.0, 'f');
    const L = g.op('mul', [d, f], 'L');
    return g.output(L).build();
  },
};
