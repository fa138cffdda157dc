import { kindOf } from './kinds';
import { OUT } from './kinds/portNames';
import type { DocNode } from './types';

export { indexedPorts, OUT } from './kinds/portNames';

/** The input port names of a node, in order (its kind says; see kinds/). */
export function inputPorts(node: DocNode): readonly string[] {
  return kindOf(node).inputPorts?.(node) ?? [];
}

const ONE_OUTPUT: readonly string[] = [OUT];

/** The output port names of a node: 'out', or y0..y(n−1) for a layer. */
export function outputPorts(node: DocNode): readonly string[] {
  return kindOf(node).outputPorts?.(node) ?? ONE_OUTPUT;
}

/** The key of one output of one node in maps of values: the id itself for the usual 'out'. */
export function outputKey(id: string, port: string | undefined): string {
  return port === undefined || port === OUT ? id : `${id}:${port}`;
}

/** True for nodes with no inputs whose number the user or the dataset sets. */
export function isLeaf(node: DocNode): boolean {
  return kindOf(node).leaf;
}
