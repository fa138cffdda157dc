import { inputPorts } from './ports';
import type { GraphDoc, Wire } from './types';

/**
 * Structural questions about a document: who feeds whom, in which order, and whether a new
 * wire would close a loop. All iterative, so graphs of any depth work.
 */

/** Lookups derived from a wires object; cached because a leaf edit leaves the wires untouched. */
interface WireIndex {
  incoming: Map<string, Map<string, Wire>>;
  consumers: Map<string, string[]>;
}

const wireIndexes = new WeakMap<GraphDoc['wires'], WireIndex>();

function wireIndex(doc: GraphDoc): WireIndex {
  let index = wireIndexes.get(doc.wires);
  if (index) return index;
  const incoming = new Map<string, Map<string, Wire>>();
  const feeds = new Map<string, string[]>();
  for (const w of Object.values(doc.wires)) {
    let ports = incoming.get(w.target);
    if (!ports) incoming.set(w.target, (ports = new Map()));
    ports.set(w.port, w);
    const list = feeds.get(w.source);
    if (list) list.push(w.target);
    else feeds.set(w.source, [w.target]);
  }
  index = { incoming, consumers: feeds };
  wireIndexes.set(doc.wires, index);
  return index;
}

/** For each node, its input wires by port name. Shared and cached: do not mutate. */
export function incomingWires(doc: GraphDoc): ReadonlyMap<string, ReadonlyMap<string, Wire>> {
  return wireIndex(doc).incoming;
}

/** For each node, the ids of the nodes its output feeds (one entry per wire). Cached: do not mutate. */
export function consumers(doc: GraphDoc): ReadonlyMap<string, readonly string[]> {
  return wireIndex(doc).consumers;
}

/**
 * Node ids with every node after the nodes that feed it (Kahn's algorithm, ties in insertion
 * order), plus the ids left over because they sit on or behind a cycle. A valid document has
 * no leftovers; a hostile file might.
 */
export function topologicalOrder(doc: GraphDoc): { order: string[]; cyclic: string[] } {
  // Editing a leaf's value makes a new nodes object but leaves the node set and the wires as
  // they were, and then the order is too: reuse it after checking the set is the same.
  const cached = orders.get(doc.wires);
  if (cached && sameNodeSet(cached, doc)) return cached;
  const result = computeOrder(doc);
  orders.set(doc.wires, result);
  return result;
}

const orders = new WeakMap<GraphDoc['wires'], { order: string[]; cyclic: string[] }>();

function sameNodeSet(cached: { order: string[]; cyclic: string[] }, doc: GraphDoc): boolean {
  if (Object.keys(doc.nodes).length !== cached.order.length + cached.cyclic.length) return false;
  return cached.order.every((id) => Object.hasOwn(doc.nodes, id)) && cached.cyclic.every((id) => Object.hasOwn(doc.nodes, id));
}

function computeOrder(doc: GraphDoc): { order: string[]; cyclic: string[] } {
  const indegree = new Map<string, number>();
  for (const id of Object.keys(doc.nodes)) indegree.set(id, 0);
  const feeds = consumers(doc);
  for (const w of Object.values(doc.wires)) {
    if (indegree.has(w.target) && doc.nodes[w.source]) indegree.set(w.target, indegree.get(w.target)! + 1);
  }
  const ready: string[] = [];
  for (const [id, d] of indegree) if (d === 0) ready.push(id);
  const order: string[] = [];
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i]!;
    order.push(id);
    for (const next of feeds.get(id) ?? []) {
      const d = indegree.get(next);
      if (d === undefined) continue;
      indegree.set(next, d - 1);
      if (d - 1 === 0) ready.push(next);
    }
  }
  const placed = new Set(order);
  const cyclic = order.length === indegree.size ? [] : [...indegree.keys()].filter((id) => !placed.has(id));
  return { order, cyclic };
}

/**
 * The loops of a damaged document: each set of nodes that feed one another round in a circle (a
 * strongly connected component with a wire inside it), a node wired into itself as a set of one.
 * Nodes that only sit behind a loop belong to none, so a self-loop feeding two nodes is one loop
 * of one node, not three. Loops and their nodes come in document order. Tarjan's algorithm,
 * iterative, run over only the nodes `topologicalOrder` could not place.
 */
export function cycles(doc: GraphDoc): string[][] {
  const { cyclic } = topologicalOrder(doc);
  if (cyclic.length === 0) return [];
  const rank = new Map(cyclic.map((id, i) => [id, i]));
  const feeds = consumers(doc);
  const targetsOf = (id: string): string[] => (feeds.get(id) ?? []).filter((t) => rank.has(t));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  for (const root of cyclic) {
    if (index.has(root)) continue;
    const work: { id: string; next: number; targets: string[] }[] = [];
    const open = (id: string): void => {
      index.set(id, index.size);
      low.set(id, index.get(id)!);
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: 0, targets: targetsOf(id) });
    };
    open(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const target = top.targets[top.next++];
      if (target !== undefined) {
        if (!index.has(target)) open(target);
        else if (onStack.has(target)) low.set(top.id, Math.min(low.get(top.id)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(top.id)!));
      if (low.get(top.id) !== index.get(top.id)) continue;
      const component: string[] = [];
      let id: string;
      do {
        id = stack.pop()!;
        onStack.delete(id);
        component.push(id);
      } while (id !== top.id);
      if (component.length > 1 || top.targets.includes(top.id)) loops.push(component.sort((a, b) => rank.get(a)! - rank.get(b)!));
    }
  }
  return loops.sort((a, b) => rank.get(a[0]!)! - rank.get(b[0]!)!);
}

/** True when `to` can be reached from `from` by following wires forward. */
export function reaches(doc: GraphDoc, from: string, to: string): boolean {
  if (from === to) return true;
  const feeds = consumers(doc);
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const next of feeds.get(id) ?? []) {
      if (next === to) return true;
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}

/** Nodes whose output feeds nothing. */
export function sinks(doc: GraphDoc): string[] {
  const feeds = consumers(doc);
  return Object.keys(doc.nodes).filter((id) => !feeds.has(id));
}

/** Every node that `id` depends on, itself included. */
export function ancestors(doc: GraphDoc, id: string): Set<string> {
  const incoming = incomingWires(doc);
  const seen = new Set<string>([id]);
  const stack = [id];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const w of incoming.get(current)?.values() ?? []) {
      if (!seen.has(w.source)) {
        seen.add(w.source);
        stack.push(w.source);
      }
    }
  }
  return seen;
}

/**
 * The node backward starts from: the node the user marked as output, or else the sink at the
 * end of the longest chain (the main expression on the canvas; later nodes win ties), or null
 * for an empty graph. One pass over the graph, however many loose pieces it has.
 */
export function resolveOutput(doc: GraphDoc): string | null {
  if (doc.output !== null && doc.nodes[doc.output]) return doc.output;
  const { order } = topologicalOrder(doc);
  const incoming = incomingWires(doc);
  const feeds = consumers(doc);
  const depth = new Map<string, number>();
  let best: string | null = null;
  let bestDepth = -1;
  for (const id of order) {
    let d = 0;
    for (const w of incoming.get(id)?.values() ?? []) d = Math.max(d, (depth.get(w.source) ?? 0) + 1);
    depth.set(id, d);
    if (!feeds.has(id) && d >= bestDepth) {
      best = id;
      bestDepth = d;
    }
  }
  return best;
}

/** Ports of this node that no wire feeds. */
export function missingPorts(doc: GraphDoc, id: string, incoming = incomingWires(doc)): string[] {
  const node = doc.nodes[id];
  if (!node) return [];
  const wired = incoming.get(id);
  return inputPorts(node).filter((p) => !wired?.has(p));
}
