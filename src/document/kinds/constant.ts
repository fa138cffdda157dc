import { z } from '../zod';
import { finite } from '../file/fileFields';
import { nodeFields } from '../file/nodeFields';
import { newId } from '../ids';
import type { Position } from '../types';
import type { KindDef, NodeBase } from './KindDef';
import { leafOutputs, leafStep } from './leaf';

/** A plain number operand, as `a * 2` turns 2 into a leaf in micrograd. */
export interface ConstantNode extends NodeBase {
  kind: 'constant';
  value: number;
}

/** A new constant. */
export function createConstant(position: Position, value = 1): ConstantNode {
  return { id: newId(), kind: 'constant', position, value };
}

/** The constant kind: written inline in code (`d * 2.0`), as micrograd wraps plain numbers itself. */
export const constantKind: KindDef<ConstantNode, 'position' | 'value'> = {
  kind: 'constant',
  fileSchema: z.object({
    ...nodeFields('constant'),
    /** The number. */
    value: finite(),
  }),
  copy: (node) => ({ id: node.id, kind: 'constant', position: { x: node.position.x, y: node.position.y }, value: node.value }),
  patchable: ['position', 'value'],
  leaf: true,
  describe: (node) => `the constant ${node.value}`,
  evaluate: (node) => leafOutputs(node.value, ''),
  code: { variable: 'inline', plan: (node, ctx) => leafStep(node.value, null, ctx) },
  trainer: { unit: (node) => ({ kind: 'const', value: node.value, inputs: [] }) },
};
