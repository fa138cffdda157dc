import { findOp } from '../engine';
import type { DocNode } from './types';

/** The input port names of a node, in order: the op's input names, or none for leaves. */
export function inputPorts(node: DocNode): readonly string[] {
  if (node.kind !== 'op') return [];
  return findOp(node.op)?.inputs ?? [];
}

/** True for nodes that have no inputs and hold a number the user sets. */
export function isLeaf(node: DocNode): boolean {
  return node.kind === 'value' || node.kind === 'constant';
}
