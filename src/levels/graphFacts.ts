import { evaluate } from '../document/evaluate';
import type { DocNode, GraphDoc } from '../document/types';
import type { Evaluated } from './types';

/** Small questions checks ask about a graph, answered from the document and the engine's evaluation. */

/** Runs the real engine over a graph. */
export function evaluated(doc: GraphDoc): Evaluated {
  return { doc, evaluation: evaluate(doc) };
}

/** The label a node shows, or '' for nodes without one (constants). */
function labelOf(node: DocNode): string {
  return 'label' in node ? node.label.trim() : '';
}

/** The ids of nodes labelled `label`. */
export function idsLabelled(doc: GraphDoc, label: string): string[] {
  return Object.values(doc.nodes)
    .filter((n) => labelOf(n) === label)
    .map((n) => n.id);
}

/** The single node labelled `label`, or null when there is none or more than one. */
export function idLabelled(doc: GraphDoc, label: string): string | null {
  const ids = idsLabelled(doc, label);
  return ids.length === 1 ? ids[0]! : null;
}

/** The forward value of the node labelled `label`; NaN when there is no such single node. */
export function dataOf(e: Evaluated, label: string): number {
  const id = idLabelled(e.doc, label);
  return id === null ? NaN : (e.evaluation.results.get(id)?.data ?? NaN);
}

/** d(output)/d(node labelled `label`) from one fresh backward pass; NaN when there is no such node. */
export function gradOf(e: Evaluated, label: string): number {
  const id = idLabelled(e.doc, label);
  return id === null ? NaN : (e.evaluation.results.get(id)?.passGrad ?? NaN);
}

/** The output's forward value (what backward starts from), NaN when there is none. */
export function outputData(e: Evaluated): number {
  const out = e.evaluation.output;
  return out === null ? NaN : (e.evaluation.results.get(out)?.data ?? NaN);
}

/** The output node, or undefined. */
export function outputNode(e: Evaluated): DocNode | undefined {
  const out = e.evaluation.output;
  return out === null ? undefined : e.doc.nodes[out];
}

/** True when every node computes (no missing input, no NaN). */
export function allComputed(e: Evaluated): boolean {
  return [...e.evaluation.results.values()].every((r) => r.error === null);
}

/** The op types used in the graph. */
export function opsUsed(doc: GraphDoc): Set<string> {
  return new Set(Object.values(doc.nodes).flatMap((n) => (n.kind === 'op' ? [n.op] : [])));
}

/** |a − b| ≤ tolerance, false for NaN. */
export function near(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance;
}

/**
 * The leaf Values (kind 'value') whose grad d(output)/d(leaf) is given, matched by their data:
 * true when, for each `[data, grad]`, exactly one leaf holds that data and its grad is `grad`.
 * A build level checks its structure this way, whatever the player labelled the leaves.
 */
export function leafGradsMatch(e: Evaluated, expected: ReadonlyArray<readonly [number, number]>, tolerance = 1e-6): boolean {
  const leaves = Object.values(e.doc.nodes).filter((n) => n.kind === 'value');
  return expected.every(([data, grad]) => {
    const holding = leaves.filter((n) => n.kind === 'value' && near(n.value, data, 1e-9));
    return holding.length === 1 && near(e.evaluation.results.get(holding[0]!.id)?.passGrad ?? NaN, grad, tolerance);
  });
}

/**
 * The neurons of a drawn network: each neuron card, each neuron of a layer card, and each
 * neuron expanded into scalar nodes (counted once, by its bias), so expanding hides none.
 */
export function countNeurons(doc: GraphDoc): number {
  let count = 0;
  const expanded = new Set<string>();
  for (const node of Object.values(doc.nodes)) {
    if (node.kind === 'neuron') count += 1;
    else if (node.kind === 'layer') count += node.biases.length;
    else if (node.group && node.group.role.startsWith('b:')) expanded.add(`${node.group.id}/${node.group.role}`);
  }
  return count + expanded.size;
}

/** A number for a readout: up to `digits` decimals, trailing zeros dropped; '—' when not finite. */
export function shown(n: number, digits = 4): string {
  return Number.isFinite(n) ? String(Number(n.toFixed(digits))) : '—';
}
