import type { Edge, Node } from '@xyflow/react';
import type { DocNode, GraphDoc } from '../../document/types';

/** Measured size of a node card, kept by the canvas (it is view state, not document state). */
export interface Size {
  width: number;
  height: number;
}

/** React Flow nodes carry no data of ours: cards read the store by id. */
const NO_DATA = Object.freeze({}) as Record<string, never>;

interface CacheEntry {
  source: DocNode;
  selected: boolean;
  size: Size | undefined;
  flow: Node;
}

/**
 * Turns document nodes into React Flow nodes, reusing the previous object when nothing about a
 * node changed: React Flow compares nodes by identity, so a drag re-renders only what moved.
 */
export class FlowNodeCache {
  private entries = new Map<string, CacheEntry>();

  nodes(doc: GraphDoc, selected: ReadonlySet<string>, sizes: ReadonlyMap<string, Size>): Node[] {
    const next = new Map<string, CacheEntry>();
    const out: Node[] = [];
    for (const source of Object.values(doc.nodes)) {
      const isSelected = selected.has(source.id);
      const size = sizes.get(source.id);
      const old = this.entries.get(source.id);
      let entry: CacheEntry;
      if (old && old.source === source && old.selected === isSelected && old.size === size) {
        entry = old;
      } else {
        const flow: Node = { id: source.id, type: source.kind, position: source.position, data: NO_DATA, selected: isSelected };
        if (size) flow.measured = size;
        entry = { source, selected: isSelected, size, flow };
      }
      next.set(source.id, entry);
      out.push(entry.flow);
    }
    this.entries = next;
    return out;
  }
}

/** Document wires as React Flow edges from each node's 'out' handle to the named input handle. */
export function toFlowEdges(doc: GraphDoc, selected: ReadonlySet<string>): Edge[] {
  return Object.values(doc.wires).map((w) => ({
    id: w.id,
    source: w.source,
    target: w.target,
    sourceHandle: w.from ?? 'out',
    targetHandle: w.port,
    type: 'value',
    selected: selected.has(w.id),
  }));
}
