import { findOp } from '../engine';
import type { DocNode } from './types';

/** The port most nodes produce their value on. */
export const OUT = 'out';

/** Input names x0, x1, ... for a node with n inputs (neurons and layers). */
export function indexedPorts(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}`);
}

/** The input port names of a node, in order. */
export function inputPorts(node: DocNode): readonly string[] {
  switch (node.kind) {
    case 'op':
      return findOp(node.op)?.inputs ?? [];
    case 'neuron':
      return indexedPorts('x', node.weights.length);
    case 'layer':
      return indexedPorts('x', node.weights[0]?.length ?? 0);
    case 'loss':
      return LOSS_PORTS;
    default:
      return [];
  }
}

/** The loss node's inputs: the network's prediction and the sample's target. */
export const LOSS_PORTS = ['score', 'target'] as const;

/** The output port names of a node: 'out', or y0..y(n−1) for a layer. */
export function outputPorts(node: DocNode): readonly string[] {
  return node.kind === 'layer' ? indexedPorts('y', node.weights.length) : [OUT];
}

/** The key of one output of one node in maps of values: the id itself for the usual 'out'. */
export function outputKey(id: string, port: string | undefined): string {
  return port === undefined || port === OUT ? id : `${id}:${port}`;
}

/** True for nodes with no inputs whose number the user or the dataset sets. */
export function isLeaf(node: DocNode): boolean {
  return node.kind === 'value' || node.kind === 'constant' || node.kind === 'input' || node.kind === 'target';
}

/** True for nodes that hold trainable parameters (a trainable Value, a neuron, a layer). */
export function hasParameters(node: DocNode): boolean {
  return (node.kind === 'value' && node.trainable === true) || node.kind === 'neuron' || node.kind === 'layer';
}
