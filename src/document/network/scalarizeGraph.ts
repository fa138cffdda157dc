import { topoSort, type Value } from '../../engine';
import { newId } from '../ids';
import type { DocNode, OpNode, Position, Wire } from '../types';

/** Where a wire comes from after expansion: a node and its output port. */
export interface GraphSource {
  id: string;
  from?: string;
}

/**
 * A Value graph copied into op and constant nodes, op for op, with the placeholder leaves in
 * `inputs` wired from the given sources. Used for a loss too long to lay out by hand (softmax
 * over k classes), so the canvas holds exactly the ops the trainers compute. Nodes are placed in
 * columns by depth from the placeholders. Returns the nodes, wires and the root's node id.
 */
export function valueGraphNodes(
  root: Value,
  inputs: ReadonlyMap<Value, GraphSource | null>,
  rootLabel: string,
  at: Position,
): { nodes: DocNode[]; wires: Wire[]; rootId: string } {
  const nodes: DocNode[] = [];
  const wires: Wire[] = [];
  const ids = new Map<Value, GraphSource | null>(inputs);
  const depth = new Map<Value, number>();
  const perColumn = new Map<number, number>();
  const place = (d: number): Position => {
    const row = perColumn.get(d) ?? 0;
    perColumn.set(d, row + 1);
    return { x: at.x + d * 170, y: at.y + row * 90 };
  };
  for (const v of topoSort(root)) {
    if (ids.has(v)) {
      depth.set(v, 0);
      continue;
    }
    if (v.op === null || v.a === null) {
      const id = newId();
      nodes.push({ id, kind: 'constant', value: v.data, position: place(0) });
      ids.set(v, { id });
      depth.set(v, 0);
      continue;
    }
    const parents = v.b === null ? [v.a] : [v.a, v.b];
    const d = 1 + Math.max(...parents.map((p) => depth.get(p) ?? 0));
    depth.set(v, d);
    const node: OpNode = { id: newId(), kind: 'op', op: v.op.type as OpNode['op'], label: v === root ? rootLabel : '', position: place(d) };
    if (v.op.param) node.param = v.k;
    nodes.push(node);
    parents.forEach((p, i) => {
      const source = ids.get(p);
      if (!source) return;
      const w: Wire = { id: newId(), source: source.id, target: node.id, port: v.op!.inputs[i]! };
      if (source.from && source.from !== 'out') w.from = source.from;
      wires.push(w);
    });
    ids.set(v, { id: node.id });
  }
  return { nodes, wires, rootId: ids.get(root)!.id };
}
