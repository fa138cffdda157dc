import { newId } from './ids';
import { kindOf } from './kinds';
import { inputPorts, OUT } from './ports';
import type { DocNode, GraphDoc, NodePatch, Position, Wire } from './types';
import { canConnect, type Connection } from './validate';

/**
 * Pure edits: each takes a document and returns a new one, sharing everything unchanged, so
 * undo can keep old documents for free and React can compare by identity.
 */

/** Adds nodes (and wires among them). */
export function addNodes(doc: GraphDoc, nodes: readonly DocNode[], wires: readonly Wire[] = []): GraphDoc {
  const nextNodes = { ...doc.nodes };
  for (const n of nodes) nextNodes[n.id] = n;
  const nextWires = { ...doc.wires };
  for (const w of wires) nextWires[w.id] = w;
  return { ...doc, nodes: nextNodes, wires: nextWires };
}

/** Removes nodes and every wire touching them. */
export function removeNodes(doc: GraphDoc, ids: Iterable<string>): GraphDoc {
  const gone = new Set(ids);
  if (gone.size === 0) return doc;
  const nodes = { ...doc.nodes };
  for (const id of gone) delete nodes[id];
  const wires: Record<string, Wire> = {};
  for (const [id, w] of Object.entries(doc.wires)) {
    if (!gone.has(w.source) && !gone.has(w.target)) wires[id] = w;
  }
  return { ...doc, nodes, wires, output: doc.output !== null && gone.has(doc.output) ? null : doc.output };
}

/** Removes wires by id. */
export function removeWires(doc: GraphDoc, ids: Iterable<string>): GraphDoc {
  const wires = { ...doc.wires };
  let changed = false;
  for (const id of ids) {
    if (wires[id]) {
      delete wires[id];
      changed = true;
    }
  }
  return changed ? { ...doc, wires } : doc;
}

/**
 * Wires source into target's port, replacing any wire already in that port. Returns the reason
 * instead of a document when the wire is refused (a cycle, a missing port).
 */
export function connect(doc: GraphDoc, c: Connection): { doc: GraphDoc } | { reason: string } {
  const check = canConnect(doc, c);
  if (!check.ok) return { reason: check.reason };
  const wires: Record<string, Wire> = {};
  for (const [id, w] of Object.entries(doc.wires)) {
    if (!(w.target === c.target && w.port === c.port)) wires[id] = w;
  }
  const wire: Wire = { id: newId(), source: c.source, target: c.target, port: c.port };
  if (c.from !== undefined && c.from !== OUT) wire.from = c.from;
  wires[wire.id] = wire;
  return { doc: { ...doc, wires } };
}

/**
 * Changes some fields of one node (value, label, param...): the fields its kind lists as
 * patchable (see kinds/). Fields its kind lacks are ignored;
 * an unknown id, or a patch that changes nothing, returns the same document.
 */
export function updateNode(doc: GraphDoc, id: string, patch: NodePatch): GraphDoc {
  const node = doc.nodes[id];
  if (!node) return doc;
  const next: Record<string, unknown> = { ...node };
  let changed = false;
  for (const key of kindOf(node).patchable as readonly string[]) {
    const value = (patch as Readonly<Record<string, unknown>>)[key];
    if (value !== undefined && !Object.is(value, (node as unknown as Record<string, unknown>)[key])) {
      next[key] = value;
      changed = true;
    }
  }
  if (!changed) return doc;
  const updated = next as unknown as DocNode;
  // A change of ports (a softmax's class count, a loss turned from softmax into hinge) drops
  // the wires into ports the node no longer has, so the document stays valid.
  const ports = new Set(inputPorts(updated));
  const gone = Object.values(doc.wires).filter((w) => w.target === id && !ports.has(w.port));
  const wires = gone.length === 0 ? doc.wires : Object.fromEntries(Object.entries(doc.wires).filter(([, w]) => !gone.includes(w)));
  return { ...doc, nodes: { ...doc.nodes, [id]: updated }, wires };
}

/** Moves nodes to new positions. */
export function moveNodes(doc: GraphDoc, positions: ReadonlyMap<string, Position>): GraphDoc {
  const nodes = { ...doc.nodes };
  let changed = false;
  for (const [id, position] of positions) {
    const node = nodes[id];
    if (node && (node.position.x !== position.x || node.position.y !== position.y)) {
      nodes[id] = { ...node, position };
      changed = true;
    }
  }
  return changed ? { ...doc, nodes } : doc;
}

/** Marks the node backward starts from (null: let the graph's sink be the output). */
export function setOutput(doc: GraphDoc, id: string | null): GraphDoc {
  const output = id !== null && doc.nodes[id] ? id : null;
  // The same output again is no edit: returning the same document records no empty undo step.
  if ((doc.output ?? null) === output) return doc;
  return { ...doc, output };
}

/** A piece of a graph cut out for copy and paste. */
export interface Fragment {
  nodes: DocNode[];
  /** Only the wires whose two ends are both in the fragment. */
  wires: Wire[];
}

/** The selected nodes and the wires between them. */
export function extractFragment(doc: GraphDoc, ids: Iterable<string>): Fragment {
  const picked = new Set(ids);
  return {
    nodes: [...picked].map((id) => doc.nodes[id]).filter((n): n is DocNode => n !== undefined),
    wires: Object.values(doc.wires).filter((w) => picked.has(w.source) && picked.has(w.target)),
  };
}

/**
 * A copy of a fragment with fresh ids, shifted by `offset`, ready to add: pasting twice never
 * collides, and wires follow their nodes.
 */
export function cloneFragment(fragment: Fragment, offset: Position): Fragment {
  const idMap = new Map<string, string>();
  const nodes = fragment.nodes.map((n) => {
    const id = newId();
    idMap.set(n.id, id);
    return { ...n, id, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } };
  });
  const wires = fragment.wires
    .filter((w) => idMap.has(w.source) && idMap.has(w.target))
    .map((w) => ({ ...w, id: newId(), source: idMap.get(w.source)!, target: idMap.get(w.target)! }));
  return { nodes, wires };
}
