import type { OpDef } from './OpDef';
import { OVERFLOW } from './OpDef';

/** a * b: each input's local derivative is the other input's value. */
export const mul = {
  type: 'mul',
  symbol: '*',
  label: 'multiply',
  group: 'Arithmetic',
  glyph: '×',
  inputs: ['a', 'b'],
  doc: 'a × b. Each input receives the other input times the gradient.',
  forward: (a, b) => a * b,
  local: (i, a, b) => (i === 0 ? b : a),
  localText: (i, [a, b]) => (i === 0 ? `${b}` : `${a}`),
  whyNotFinite: () => OVERFLOW,
  code: {
    python: ([a, b]) => `${a} * ${b}`,
    torch: ([a, b]) => `${a} * ${b}`,
    ts: ([a, b]) => `${a}.mul(${b})`,
  },
} as const satisfies OpDef;
