import type { Value } from './Value';

/**
 * Why this Value's data is NaN or ±Infinity, in words a learner understands, or null when it is
 * finite. Only this node's own step is explained: when an input was already not finite, the
 * reason says which input, so a UI can mark the node where the trouble started.
 */
export function whyNotFinite(v: Value): string | null {
  if (Number.isFinite(v.data)) return null;
  const op = v.op;
  if (op === null) return `the value itself is ${v.data}`;
  const inputs = v.inputs;
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i]!;
    if (!Number.isFinite(input.data)) return `input ${op.inputs[i]} is already ${input.data}`;
  }
  return op.whyNotFinite(v.a?.data ?? 0, v.b?.data ?? 0, v.k);
}

/** True when this node's own op produced the non-finite result from finite inputs. */
export function isOriginOfNonFinite(v: Value): boolean {
  return !Number.isFinite(v.data) && v.inputs.every((x) => Number.isFinite(x.data)) && v.op !== null;
}
