import type { OpDef } from './OpDef';

/** e^x; its own derivative, so the local derivative is the output itself. */
export const exp = {
  type: 'exp',
  symbol: 'exp',
  label: 'exp',
  group: 'Functions',
  glyph: 'eˣ',
  inputs: ['x'],
  doc: 'e to the power x. Its local derivative is its own output.',
  forward: (x) => Math.exp(x),
  local: (_i, _x, _b, out) => out,
  localText: (_i, [x]) => `exp(${x})`,
  whyNotFinite: () => 'overflow: e^x is too large for a 64-bit float (x > 709.78)',
  code: {
    python: ([x]) => `${x}.exp()`,
    pythonHelper: [
      'def _exp(self):',
      '    try:',
      '        e = math.exp(self.data)',
      '    except OverflowError:  # the canvas shows Infinity (and marks the node) here too',
      '        e = math.inf',
      "    out = Value(e, (self,), 'exp')",
      '    def _backward():',
      '        self.grad += out.data * out.grad',
      '    out._backward = _backward',
      '    return out',
      'Value.exp = _exp',
    ].join('\n'),
    torch: ([x]) => `torch.exp(${x})`,
    ts: ([x]) => `${x}.exp()`,
  },
} as const satisfies OpDef;
