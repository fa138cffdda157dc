import type { OpDef } from './OpDef';
import { OVERFLOW } from './OpDef';

/**
 * Past this input exp(2x) overflows and the lecture's formula would give Infinity/Infinity =
 * NaN; tanh is exactly 1 in doubles long before that, so we return 1 instead.
 */
const SATURATED = 350;

/**
 * tanh computed with the lecture's formula (e^2x − 1)/(e^2x + 1), so that the digits match the
 * lecture's Value.tanh; local derivative 1 − t².
 */
export const tanh = {
  type: 'tanh',
  symbol: 'tanh',
  label: 'tanh',
  group: 'Activations',
  glyph: 'tanh',
  inputs: ['x'],
  doc: 'Hyperbolic tangent, squashing x into (−1, 1). Local derivative 1 − tanh(x)².',
  forward: (x) => {
    if (x > SATURATED) return 1;
    const e = Math.exp(2 * x);
    return (e - 1) / (e + 1);
  },
  local: (_i, _x, _b, t) => 1 - t * t,
  localText: (_i, [x]) => `1 - tanh(${x})²`,
  whyNotFinite: () => OVERFLOW,
  code: {
    python: ([x]) => `${x}.tanh()`,
    pythonHelper: [
      'def _tanh(self):',
      '    x = self.data',
      '    # the lecture\'s formula; past x = 350 exp overflows, and tanh is exactly 1 there anyway',
      '    t = 1.0 if x > 350 else (math.exp(2*x) - 1)/(math.exp(2*x) + 1)',
      "    out = Value(t, (self,), 'tanh')",
      '    def _backward():',
      '        self.grad += (1 - t**2) * out.grad',
      '    out._backward = _backward',
      '    return out',
      'Value.tanh = _tanh',
    ].join('\n'),
    torch: ([x]) => `torch.tanh(${x})`,
    ts: ([x]) => `${x}.tanh()`,
  },
} as const satisfies OpDef;
