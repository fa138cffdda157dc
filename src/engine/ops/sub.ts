import type { OpDef } from './OpDef';
import { OVERFLOW } from './OpDef';

/**
 * a - b. micrograd builds it as a + (-b); in IEEE arithmetic a + (-b) equals a - b exactly, and
 * the gradients (1 and -1 times out.grad) are exact too, so one node gives the same digits.
 */
export const sub = {
  type: 'sub',
  symbol: '-',
  label: 'subtract',
  group: 'Arithmetic',
  glyph: '−',
  inputs: ['a', 'b'],
  doc: 'a − b. The gradient flows to a unchanged and to b with its sign flipped.',
  forward: (a, b) => a - b,
  local: (i) => (i === 0 ? 1 : -1),
  localText: (i) => (i === 0 ? '1' : '-1'),
  whyNotFinite: () => OVERFLOW,
  code: {
    python: ([a, b]) => `${a} - ${b}`,
    torch: ([a, b]) => `${a} - ${b}`,
    ts: ([a, b]) => `${a}.sub(${b})`,
  },
} as const satisfies OpDef;
