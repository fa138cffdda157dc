import type { OpDef } from './OpDef';
import { OVERFLOW } from './OpDef';

/** The logistic sigmoid without overflow: e^x is only ever taken of a number ≤ 0. */
function sigmoidOf(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * softplus(x) = ln(1 + e^x), a smooth ReLU; its local derivative is the sigmoid of x. Computed
 * as max(x, 0) + ln(1 + e^−|x|), which never overflows (ln(1 + e^1000) would) and keeps its
 * digits for very negative x, where 1 + e^x rounds to 1.
 */
export const softplus = {
  type: 'softplus',
  symbol: 'softplus',
  label: 'softplus',
  group: 'Activations',
  glyph: 'softplus',
  inputs: ['x'],
  doc: 'Softplus ln(1 + e^x), a smooth ReLU. Local derivative σ(x) = 1/(1 + e^−x).',
  forward: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
  local: (_i, x) => sigmoidOf(x),
  localText: (_i, [x]) => `σ(${x})`,
  // Finite for every finite x (it is at most |x| + ln 2); only an infinite input leaves the floats.
  whyNotFinite: () => OVERFLOW,
  code: {
    python: ([x]) => `${x}.softplus()`,
    pythonHelper: [
      'def _softplus(self):',
      '    x = self.data',
      '    # max(x, 0) + log(1 + e^-|x|): the same number as log(1 + e^x), without overflow',
      '    out = Value(max(x, 0) + math.log1p(math.exp(-abs(x))), (self,), \'softplus\')',
      '    def _backward():',
      '        s = 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))',
      '        self.grad += s * out.grad',
      '    out._backward = _backward',
      '    return out',
      'Value.softplus = _softplus',
    ].join('\n'),
    // torch's default threshold, 20, returns x itself past 20: 2e-9 off the engine's value and
    // slope. Past 700 exp would overflow; there softplus is x to the last bit anyway.
    torch: ([x]) => `torch.nn.functional.softplus(${x}, threshold=700)`,
    ts: ([x]) => `${x}.softplus()`,
  },
} as const satisfies OpDef;
