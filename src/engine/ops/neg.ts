import type { OpDef } from './OpDef';
import { OVERFLOW } from './OpDef';

/** -x. micrograd writes it x * -1; multiplying by -1 is exact, so the digits are the same. */
export const neg = {
  type: 'neg',
  symbol: 'neg',
  label: 'negate',
  group: 'Arithmetic',
  glyph: '−x',
  inputs: ['x'],
  doc: '−x. Passes the gradient back with its sign flipped.',
  forward: (x) => -x,
  local: () => -1,
  localText: () => '-1',
  whyNotFinite: () => OVERFLOW,
  code: {
    python: ([x]) => `-${x}`,
    torch: ([x]) => `-${x}`,
    ts: ([x]) => `${x}.neg()`,
  },
} as const satisfies OpDef;
