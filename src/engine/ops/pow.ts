import type { OpDef } from './OpDef';
import { numberLiteral, OVERFLOW } from './OpDef';

/** x ** k for a plain-number exponent k, as micrograd's `__pow__` allows. */
export const pow = {
  type: 'pow',
  symbol: '**',
  label: 'power',
  group: 'Arithmetic',
  glyph: 'xᵏ',
  inputs: ['x'],
  param: { name: 'k', defaultValue: 2 },
  doc: 'x to the power k (k a number). Local derivative k·x^(k−1).',
  forward: (x, _b, k) => x ** k,
  // x**0 is the constant 1: its slope is 0 everywhere, also at x = 0 where k·x^(k−1) is 0·∞ = NaN.
  local: (_i, x, _b, _out, k) => (k === 0 ? 0 : k * x ** (k - 1)),
  localText: (_i, [x], k) => `${numberLiteral(k)}·${x}^${numberLiteral(k - 1)}`,
  whyNotFinite: (x, _b, k) => {
    if (x < 0 && !Number.isInteger(k)) return 'negative base to a fractional power';
    if (x === 0 && k < 0) return 'division by zero: 0 to a negative power';
    return OVERFLOW;
  },
  code: {
    python: ([x], k) => `${x}**${numberLiteral(k)}`,
    torch: ([x], k) => `${x}**${numberLiteral(k)}`,
    ts: ([x], k) => `${x}.pow(${numberLiteral(k)})`,
  },
} as const satisfies OpDef;
