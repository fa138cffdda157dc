import type { OpDef } from './OpDef';
import { OVERFLOW } from './OpDef';

/** ReLU exactly as micrograd: 0 when x < 0, else x; gradient 1 where the output is positive. */
export const relu = {
  type: 'relu',
  symbol: 'ReLU',
  label: 'ReLU',
  group: 'Activations',
  glyph: 'ReLU',
  inputs: ['x'],
  doc: 'max(0, x). Lets the gradient through only where the output is positive.',
  forward: (x) => (x < 0 ? 0 : x),
  local: (_i, _x, _b, out) => (out > 0 ? 1 : 0),
  localText: (_i, [x]) => `(${x} > 0 ? 1 : 0)`,
  whyNotFinite: () => OVERFLOW,
  code: {
    python: ([x]) => `${x}.relu()`,
    torch: ([x]) => `torch.relu(${x})`,
    ts: ([x]) => `${x}.relu()`,
  },
} as const satisfies OpDef;
