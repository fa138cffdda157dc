import { DocBuilder } from './DocBuilder';
import type { Preset } from './types';

/** The lecture's first expression of several inputs: d = a*b + c. */
export const abPlusC: Preset = {
  id: 'd-equals-ab-plus-c',
  title: 'd = a*b + c',
  blurb: 'The lecture\'s first function of three inputs; nudging a by h changes d by about -3h, so dd/da = b = -3.',
  mode: 'backward',
  expected: { label: 'd', value: 4.0, grads: { a: -3.0 } },
  build() {
    const g = new DocBuilder();
    const a = g.value(2.0, 'a');
    const b = g.value(-3.0, 'b');
    const c = g.value(10.0, 'c');
    const e = g.op('mul', [a, b], 'e');
    const d = g.op('add', [e, c], 'd');
    return g.output(d).build();
  },
};
