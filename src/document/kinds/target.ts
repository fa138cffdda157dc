import { z } from '../zod';
import { finite, labelSchema } from '../file/fileFields';
import { nodeFields } from '../file/nodeFields';
import { newId } from '../ids';
import type { Position } from '../types';
import type { KindDef, NodeBase } from './KindDef';
import { leafOutputs, leafStep } from './leaf';

/** The label of the sample (−1 or +1): what the loss compares the prediction with. */
export interface TargetNode extends NodeBase {
  kind: 'target';
  label: string;
  /** The value shown when not training. */
  value: number;
}

/** The sample's label. */
export function createTarget(position: Position): TargetNode {
  return { id: newId(), kind: 'target', position, label: 'y', value: 1 };
}

/** The dataset target kind. */
export const targetKind: KindDef<TargetNode, 'position' | 'label' | 'value'> = {
  kind: 'target',
  fileSchema: z.object({
    ...nodeFields('target'),
    /** The name shown on the node and used in generated code. */
    label: labelSchema,
    /** The label shown when not training. */
    value: finite(),
  }),
  copy: (node) => ({ id: node.id, kind: 'target', position: { x: node.position.x, y: node.position.y }, label: node.label, value: node.value }),
  patchable: ['position', 'label', 'value'],
  leaf: true,
  evaluate: (node) => leafOutputs(node.value, node.label),
  code: { variable: 'always', plan: (node, ctx) => leafStep(node.value, 'target: the label of the dataset sample shown on the canvas', ctx) },
  trainer: { unit: () => ({ kind: 'target', inputs: [] }) },
};
