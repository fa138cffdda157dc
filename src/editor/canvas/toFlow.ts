import { cardNameId } from '../nodes/cardName';
import type { Edge, Node } from '@xyflow/react';
import type { DocNode, GraphDoc, Wire } from '../../document/types';

/** Measured size of a node card, kept by the canvas (it is view state, not document state). */
export interface Size {
  width: number;
  height: number;
}

/** React Flow nodes carry no data of ours: cards read the store by id. */
const NO_DATA = Object.freeze({}) as Record<string, never>;

interface CacheEntry {
  /** What the React Flow node was made from: it carries only the kind and position of it. */
  source: DocNode;
  selected: boolean;
  size: Size | undefined;
  hidden: boolean;
  flow: Node;
}

/**
 * Turns document nodes into React Flow nodes, reusing the previous object when nothing about a
 * node changed: React Flow compares nodes by identity, so a drag re-renders only what moved.
 */
export class FlowNodeCache {
  private entries = new Map<string, CacheEntry>();
  private last: Node[] = [];

  /** `shownOnly`, when given, hides every node but those (the far view paints the others). */
  nodes(doc: GraphDoc, selected: ReadonlySet<string>, sizes: ReadonlyMap<string, Size>, shownOnly: ReadonlySet<string> | null = null): Node[] {
    const next = new Map<string, CacheEntry>();
    const out: Node[] = [];
    let same = true;
    for (const source of Object.values(doc.nodes)) {
      const isSelected = selected.has(source.id);
      const size = sizes.get(source.id);
      const hidden = shownOnly !== null && !shownOnly.has(source.id);
      const old = this.entries.get(source.id);
      let entry: CacheEntry;
      if (old && old.source.position === source.position && old.source.kind === source.kind && old.selected === isSelected && old.size === size && old.hidden === hidden) {
        entry = old;
      } else {
        const flow: Node = { id: source.id, type: source.kind, position: source.position, data: NO_DATA, selected: isSelected, domAttributes: { 'aria-labelledby': cardNameId(source.id) } };
        if (size) flow.measured = size;
        if (hidden) flow.hidden = true;
        entry = { source, selected: isSelected, size, hidden, flow };
      }
      next.set(source.id, entry);
      same &&= this.last[out.length] === entry.flow;
      out.push(entry.flow);
    }
    this.entries = next;
    // Typing a number changes no node object: the array React Flow already has is handed back,
    // since a new one has it walk all 2,000 nodes of a big graph again on every keystroke.
    if (same && out.length === this.last.length) return this.last;
    this.last = out;
    return out;
  }
}

/**
 * Document wires as React Flow edges from each node's 'out' handle to the named input handle,
 * reusing the previous edge object for a wire that did not change: an edit of a number leaves
 * the wires alone, and new objects would have React Flow re-render every wire (2,641 on the
 * bench's big graph) on every keystroke.
 */
export class FlowEdgeCache {
  private entries = new Map<string, { wire: Wire; selected: boolean; edge: Edge }>();

  edges(wires: GraphDoc['wires'], selected: ReadonlySet<string>): Edge[] {
    const next = new Map<string, { wire: Wire; selected: boolean; edge: Edge }>();
    const out: Edge[] = [];
    for (const wire of Object.values(wires)) {
      const isSelected = selected.has(wire.id);
      const old = this.entries.get(wire.id);
      const entry = old && old.wire === wire && old.selected === isSelected ? old : { wire, selected: isSelected, edge: toFlowEdge(wire, isSelected) };
      next.set(wire.id, entry);
      out.push(entry.edge);
    }
    this.entries = next;
    return out;
  }
}

/** One document wire as a React Flow edge. */
export function toFlowEdge(w: Wire, selected: boolean): Edge {
  return { id: w.id, source: w.source, target: w.target, sourceHandle: w.from ?? 'out', targetHandle: w.port, type: 'value', selected };
}
