import { DocBuilder } from './DocBuilder';
import type { Preset } from './types';

/** The lecture's very first function: f(x) = 3x² − 4x + 5, whose slope at x = 3 is 14. */
export const quadratic: Preset = {
  id: 'quadratic',
  title: 'f(x) = 3x² − 4x + 5',
  blurb: 'The lecture starts here: at x = 3, f is 20 and bumping x by a small h moves f by about 14h, so the slope is 14.',
  mode: 'backward',
  expected: { label: 'f', value: 20.0, grads: { x: 14.0 } },
  build() {
    const g = new DocBuilder();
    const x = g.value(3.0, 'x');
    const x2 = g.op('pow', [x], 'x²', 2);
    const t1 = g.op('mul', [3, x2], '3x²');
    const t2 = g.op('mul', [4, x], '4x');
    const diff = g.op('sub', [t1, t2], '3x² − 4x');
    const f = g.op('add', [diff, 5], 'f');
    return g.output(f).build();
  },
};
