import { z } from '../zod';
import { expected, finite, labelSchema } from '../file/fileFields';
import { groupSchema, nodeFields } from '../file/nodeFields';
import { newId } from '../ids';
import type { Position } from '../types';
import type { KindDef, NodeBase } from './KindDef';
import { leafOutputs, leafStep } from './leaf';

/** A leaf Value the user types or scrubs: micrograd's `Value(2.0, label='a')`. */
export interface ValueNode extends NodeBase {
  kind: 'value';
  /** The name shown on the node and used in generated code. */
  label: string;
  /** The leaf's data. */
  value: number;
  /** A parameter: training changes it (and L2 weighs it). Absent means false. */
  trainable?: boolean;
}

/** A new leaf Value. */
export function createValue(position: Position, value = 1, label = ''): ValueNode {
  return { id: newId(), kind: 'value', position, value, label };
}

/** The leaf Value kind. */
export const valueKind: KindDef<ValueNode, 'position' | 'label' | 'value' | 'trainable'> = {
  kind: 'value',
  fileSchema: z.object({
    ...nodeFields('value'),
    /** The name shown on the node and used in generated code. */
    label: labelSchema,
    /** The leaf's data. */
    value: finite(),
    /** A parameter training changes; written only when true. */
    trainable: z.boolean({ error: expected('true or false') }).optional(),
    /** Set when the node came from expanding a neuron or layer. */
    group: groupSchema.optional(),
  }),
  copy(node) {
    const out: ValueNode = { id: node.id, kind: 'value', position: { x: node.position.x, y: node.position.y }, label: node.label, value: node.value };
    // false is what an absent field means: dropped, so a file written by hand reads back as saved.
    if (node.trainable === true) out.trainable = true;
    if (node.group) out.group = { ...node.group };
    return out;
  },
  patchable: ['position', 'label', 'value', 'trainable'],
  leaf: true,
  describe: () => 'a value',
  evaluate: (node) => leafOutputs(node.value, node.label),
  code: {
    variable: 'always',
    plan: (node, ctx) => leafStep(node.value, node.trainable === true ? 'trainable: a parameter training changes' : null, ctx),
  },
  trainer: {
    params: (node) => (node.trainable === true ? [{ field: 'value', unit: 0, input: 0 }] : []),
    readParam: (node, slot) => (slot.field === 'value' ? node.value : undefined),
    writeParam: (node, _slot, value) => ({ ...node, value }),
    unit: (node, _inputs, firstParam) =>
      node.trainable === true ? { kind: 'param', index: firstParam!, inputs: [] } : { kind: 'const', value: node.value, inputs: [] },
  },
};
