import type { OpDef } from './OpDef';
import { OVERFLOW } from './OpDef';

/** The logistic sigmoid 1/(1 + e^−x); local derivative s(1 − s). */
export const sigmoid = {
  type: 'sigmoid',
  symbol: 'sigmoid',
  label: 'sigmoid',
  group: 'Activations',
  glyph: 'σ',
  inputs: ['x'],
  doc: 'Logistic sigmoid 1/(1 + e^−x), squashing x into (0, 1). Local derivative σ(1 − σ).',
  forward: (x) => 1 / (1 + Math.exp(-x)),
  local: (_i, _x, _b, s) => s * (1 - s),
  localText: (_i, [x]) => `σ(${x})·(1 - σ(${x}))`,
  whyNotFinite: () => OVERFLOW,
  code: {
    python: ([x]) => `${x}.sigmoid()`,
    pythonHelper: [
      'def _sigmoid(self):',
      '    try:',
      '        s = 1 / (1 + math.exp(-self.data))',
      '    except OverflowError:  # e^-x too large for a float: the sigmoid is 0 there',
      '        s = 0.0',
      "    out = Value(s, (self,), 'sigmoid')",
      '    def _backward():',
      '        self.grad += s * (1 - s) * out.grad',
      '    out._backward = _backward',
      '    return out',
      'Value.sigmoid = _sigmoid',
    ].join('\n'),
    torch: ([x]) => `torch.sigmoid(${x})`,
    ts: ([x]) => `${x}.sigmoid()`,
  },
} as const satisfies OpDef;
