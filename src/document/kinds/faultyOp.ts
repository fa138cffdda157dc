import type { OpDef } from '../../engine';

/**
 * A planted bug for the boss level: the same op with a wrong local derivative, the kind of
 * slip people make writing micrograd's `_backward` by hand. Forward is untouched, so finite
 * differences (the gradient check) still see the true function and disagree with backprop.
 * Only a node marked `faulty` in its document gets this; the engine's registry never changes.
 */
function wrongLocal(op: OpDef): OpDef['local'] {
  switch (op.type) {
    // `self.grad += self.data * out.grad`: each input gets its own value, not the other's.
    case 'mul':
      return (i, a, b) => (i === 0 ? a : b);
    // `1 - t` instead of `1 - t**2`: the square forgotten.
    case 'tanh':
      return (_i, _a, _b, out) => 1 - out;
    // Anything else: the sign flipped.
    default:
      return (i, a, b, out, k) => -op.local(i, a, b, out, k);
  }
}

const cache = new Map<string, OpDef>();

/** The op with its planted wrong local derivative (one object per op, so Values can share it). */
export function faultyOp(op: OpDef): OpDef {
  let faulty = cache.get(op.type);
  if (!faulty) {
    faulty = { ...op, local: wrongLocal(op) };
    cache.set(op.type, faulty);
  }
  return faulty;
}
