import type { OpDef } from './OpDef';
import { OVERFLOW } from './OpDef';

/** Natural logarithm; defined for positive x only. */
export const log = {
  type: 'log',
  symbol: 'log',
  label: 'log',
  group: 'Functions',
  glyph: 'ln',
  inputs: ['x'],
  doc: 'Natural logarithm of x (x > 0). Local derivative 1/x.',
  forward: (x) => Math.log(x),
  local: (_i, x) => 1 / x,
  localText: (_i, [x]) => `1/${x}`,
  whyNotFinite: (x) => {
    if (x < 0) return 'log of a negative number';
    if (x === 0) return 'log of zero';
    return OVERFLOW;
  },
  code: {
    python: ([x]) => `${x}.log()`,
    pythonHelper: [
      'def _log(self):',
      "    out = Value(math.log(self.data), (self,), 'log')",
      '    def _backward():',
      '        self.grad += (1 / self.data) * out.grad',
      '    out._backward = _backward',
      '    return out',
      'Value.log = _log',
    ].join('\n'),
    torch: ([x]) => `torch.log(${x})`,
    ts: ([x]) => `${x}.log()`,
  },
} as const satisfies OpDef;
