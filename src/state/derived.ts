import { whyGradNotFinite } from '../document/backward';
import { gradAfter, type BackwardSchedule } from '../document/backward/schedule';
import { compileNetwork } from '../training/compiled/compile';
import { evaluate, type Evaluation, type NodeError, type NodeResult } from '../document/evaluate';
import { isLeaf } from '../document/ports';
import type { GraphDoc } from '../document/types';
import type { PlaygroundState } from './store';

/**
 * Things computed from the store rather than kept in it. Documents are immutable, so a result
 * computed for one document object is valid for as long as that object is current.
 */
const evaluations = new WeakMap<GraphDoc, Evaluation>();

/** The evaluation of a document, computed once per document object. */
export function evaluationOf(doc: GraphDoc): Evaluation {
  let e = evaluations.get(doc);
  if (!e) {
    e = evaluate(doc);
    evaluations.set(doc, e);
  }
  return e;
}

/** The evaluated result of one node in the current document, or undefined. */
export function nodeResult(state: PlaygroundState, id: string): NodeResult | undefined {
  return evaluationOf(state.doc).results.get(id);
}

/**
 * The grad micrograd would show for this node after the passes the user ran: 0 before any
 * backward pass; a leaf's accumulated grad; an interior node's grad from the latest pass.
 */
export function accumulatedGrad(state: PlaygroundState, id: string): number {
  const { grads, backwardRun: run } = state;
  const node = state.doc.nodes[id];
  const leaf = node !== undefined && isLeaf(node);
  if (run && run.delivered < run.schedule.arrivals.length) {
    // Mid-animation: what has arrived so far, else what the node held when the pass began.
    return gradAfter(run.schedule, id, run.delivered) ?? (leaf ? (run.base[id] ?? 0) : 0);
  }
  if (grads.passes === 0) return 0;
  if (leaf) return grads.leaves[id] ?? 0;
  return grads.latest[id] ?? 0;
}

const gradProblems = new WeakMap<BackwardSchedule, Map<string, NodeError | null>>();

/**
 * What is wrong with a node's numbers as its card shows them, or null: the data's error first
 * (evaluate's), else why the grad shown is not a finite number. Cached per pass and per landed
 * arrival count, so a card's selector gets the same object back until something changes.
 */
export function nodeProblem(state: PlaygroundState, id: string): NodeError | null {
  const dataError = nodeResult(state, id)?.error;
  if (dataError) return dataError;
  const run = state.backwardRun;
  if (!run || Number.isFinite(accumulatedGrad(state, id))) return null;
  const delivered = run.delivered;
  let cache = gradProblems.get(run.schedule);
  if (!cache) {
    cache = new Map();
    gradProblems.set(run.schedule, cache);
  }
  const key = `${id}@${delivered}`;
  if (!cache.has(key)) cache.set(key, whyGradNotFinite(state.doc, run.schedule, id, delivered, run.base));
  return cache.get(key)!;
}

/** The node's place in the backward order of the watched pass (1 = output), or null. */
export function backwardRank(state: PlaygroundState, id: string): number | null {
  return state.backwardRun?.schedule.rank.get(id) ?? null;
}

/** True when the document changed since the latest backward pass, so grads describe an older graph. */
export function gradsAreStale(state: PlaygroundState): boolean {
  return state.grads.passes > 0 && state.grads.revision !== state.revision;
}

const compiled = new WeakMap<GraphDoc, ReturnType<typeof compileNetwork>>();

/** The drawing compiled for training (or why it cannot train), once per document object. */
export function compiledOf(doc: GraphDoc): ReturnType<typeof compileNetwork> {
  let c = compiled.get(doc);
  if (!c) {
    c = compileNetwork(doc);
    compiled.set(doc, c);
  }
  return c;
}

/** The weight a wire into a neuron carries, as the document holds it; null for other wires. */
export function documentWeight(state: PlaygroundState, target: string, port: string): number | null {
  const node = state.doc.nodes[target];
  if (node?.kind !== 'neuron' || !port.startsWith('x')) return null;
  return node.weights[Number(port.slice(1))] ?? null;
}
