import type { OpDef } from './OpDef';
import { OVERFLOW } from './OpDef';

/**
 * a / b. micrograd computes it as a * b**-1, and so do we (a times the correctly rounded 1/b),
 * so the data agrees with micrograd to the last bit rather than to the last-but-one.
 */
export const div = {
  type: 'div',
  symbol: '/',
  label: 'divide',
  group: 'Arithmetic',
  glyph: '÷',
  inputs: ['a', 'b'],
  doc: 'a ÷ b, computed as a · b⁻¹ like micrograd. Fails when b is 0.',
  forward: (a, b) => a * (1 / b),
  local: (i, a, b) => (i === 0 ? 1 / b : -(b ** -2) * a),
  localText: (i, [a, b]) => (i === 0 ? `1/${b}` : `-${a}/${b}²`),
  whyNotFinite: (_a, b) => (b === 0 ? 'division by zero' : OVERFLOW),
  code: {
    python: ([a, b]) => `${a} / ${b}`,
    torch: ([a, b]) => `${a} / ${b}`,
    ts: ([a, b]) => `${a}.div(${b})`,
  },
} as const satisfies OpDef;
