import { DocBuilder } from './DocBuilder';
import type { Preset } from './types';

/**
 * The example in micrograd's README, one node per operation. The README reassigns c, d and g
 * (`c += c + 1`); a graph cannot, so the earlier values are c1, c2, d1, d2, g1 and the final ones
 * keep the README's names. Sub-expressions the README leaves unnamed are t1, t2, ... in the order
 * Python evaluates them.
 */
export const readmeExample: Preset = {
  id: 'micrograd-readme',
  title: "micrograd's README example",
  blurb: "The expression from micrograd's README, built node by node: after g.backward(), a.grad is 138.8338 and b.grad 645.5773.",
  mode: 'backward',
  expected: { label: 'g', value: 24.7041, grads: { a: 138.8338, b: 645.5773 } },
  build() {
    const G = new DocBuilder();
    const a = G.value(-4.0, 'a');
    const b = G.value(2.0, 'b');
    // c = a + b
    const c1 = G.op('add', [a, b], 'c1');
    // d = a * b + b**3
    const t1 = G.op('mul', [a, b], 't1');
    const t2 = G.op('pow', [b], 't2', 3);
    const d1 = G.op('add', [t1, t2], 'd1');
    // c += c + 1
    const t3 = G.op('add', [c1, 1], 't3');
    const c2 = G.op('add', [c1, t3], 'c2');
    // c += 1 + c + (-a): Python reads it as (1 + c) + (-a)
    const t4 = G.op('add', [1, c2], 't4');
    const t5 = G.op('neg', [a], 't5');
    const t6 = G.op('add', [t4, t5], 't6');
    const c = G.op('add', [c2, t6], 'c');
    // d += d * 2 + (b + a).relu()
    const t7 = G.op('mul', [d1, 2], 't7');
    const t8 = G.op('add', [b, a], 't8');
    const t9 = G.op('relu', [t8], 't9');
    const t10 = G.op('add', [t7, t9], 't10');
    const d2 = G.op('add', [d1, t10], 'd2');
    // d += 3 * d + (b - a).relu()
    const t11 = G.op('mul', [3, d2], 't11');
    const t12 = G.op('sub', [b, a], 't12');
    const t13 = G.op('relu', [t12], 't13');
    const t14 = G.op('add', [t11, t13], 't14');
    const d = G.op('add', [d2, t14], 'd');
    // e = c - d; f = e**2; g = f / 2.0; g += 10.0 / f
    const e = G.op('sub', [c, d], 'e');
    const f = G.op('pow', [e], 'f', 2);
    const g1 = G.op('div', [f, 2.0], 'g1');
    const t15 = G.op('div', [10.0, f], 't15');
    const g = G.op('add', [g1, t15], 'g');
    return G.output(g).build();
  },
};
