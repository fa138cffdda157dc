import { constantKind } from './constant';
import { inputKind } from './input';
import type { KindDef } from './KindDef';
import { layerKind } from './layer';
import { lossKind } from './loss';
import { neuronKind } from './neuron';
import { opKind } from './op';
import { targetKind } from './target';
import { valueKind } from './value';

/**
 * Every node kind, in the order a file's messages list them. To add a kind: write its file
 * beside this one (its node type, schema, ports, evaluate, code plan and trainer unit) and list
 * it here; then the editor's two tables ask for its view
 * (`editor/nodes/kindViews.ts`) and its exported card (`editor/files/svgCardKinds.ts`).
 */
export const KINDS = {
  value: valueKind,
  constant: constantKind,
  op: opKind,
  input: inputKind,
  target: targetKind,
  loss: lossKind,
  neuron: neuronKind,
  layer: layerKind,
} as const;

/** The name of a node kind ('value', 'op', 'layer', ...). */
export type Kind = keyof typeof KINDS;

/** The node type a kind definition is for. */
type NodeOf<D> = D extends KindDef<infer N, infer _P> ? N : never;

/** The fields an edit may change on a kind's nodes. */
type PatchOf<D> = D extends KindDef<infer N, infer P> ? Partial<Pick<N, P>> : never;

/** Anything that can sit on the canvas: one node type per kind. */
export type DocNode = { [K in Kind]: NodeOf<(typeof KINDS)[K]> }[Kind];

/**
 * Fields an edit may change on a node: for each kind, some of its patchable fields (a
 * position, a label, a value, weights...). Fields the node's kind does not have are ignored.
 */
export type NodePatch = { [K in Kind]: PatchOf<(typeof KINDS)[K]> }[Kind];

/**
 * The definition of a node's kind, typed for nodes of any kind. (Each table entry is typed for
 * its own kind; a node whose kind is not known statically needs this one view of them all.)
 */
export function kindOf(node: DocNode): KindDef<DocNode, keyof DocNode> {
  return KINDS[node.kind] as unknown as KindDef<DocNode, keyof DocNode>;
}

/** The kinds, in registry order. */
export const KIND_LIST: readonly KindDef<DocNode, keyof DocNode>[] = Object.values(KINDS) as unknown as KindDef<DocNode, keyof DocNode>[];

export type { IrNode, IrRef, OwnedParams, ParamSlot, PlanContext } from './KindDef';
