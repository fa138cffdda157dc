import type { OpDef } from './OpDef';
import { OVERFLOW } from './OpDef';

/** a + b: the gradient flows to both inputs unchanged (local derivative 1). */
export const add = {
  type: 'add',
  symbol: '+',
  label: 'add',
  group: 'Arithmetic',
  glyph: '+',
  inputs: ['a', 'b'],
  doc: 'a + b. Routes the gradient to both inputs unchanged.',
  forward: (a, b) => a + b,
  local: () => 1,
  localText: () => '1',
  whyNotFinite: () => OVERFLOW,
  code: {
    python: ([a, b]) => `${a} + ${b}`,
    torch: ([a, b]) => `${a} + ${b}`,
    ts: ([a, b]) => `${a}.add(${b})`,
  },
} as const satisfies OpDef;
