import { getOp, type OpType } from '../engine';
import { newId } from './ids';
import type { ConstantNode, OpNode, Position, ValueNode } from './types';

/** A new leaf Value. */
export function createValue(position: Position, value = 1, label = ''): ValueNode {
  return { id: newId(), kind: 'value', position, value, label };
}

/** A new constant. */
export function createConstant(position: Position, value = 1): ConstantNode {
  return { id: newId(), kind: 'constant', position, value };
}

/** A new op node, with the op's default parameter where it has one. */
export function createOp(op: OpType, position: Position, label = ''): OpNode {
  const def = getOp(op);
  const node: OpNode = { id: newId(), kind: 'op', op, position, label };
  if (def.param) node.param = def.param.defaultValue;
  return node;
}
