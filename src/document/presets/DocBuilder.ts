import { getOp, type OpType } from '../../engine';
import { newId } from '../ids';
import type { DocNode, GraphDoc, OpNode, Position, Wire } from '../types';

/** The id of a node the builder has made. */
export type NodeRef = string;

/** An op input: a node made earlier, or a plain number, which becomes a constant node. */
export type BuilderInput = NodeRef | number;

/** Horizontal distance between columns, wide enough for a node showing label, data and grad. */
export const COLUMN_WIDTH = 220;
/** Vertical distance between rows in a column. */
export const ROW_HEIGHT = 110;

/**
 * Writes a document the way the lecture writes code: `const a = b.value(2, 'a')`,
 * `const e = b.op('mul', [a, bb], 'e')`. Inputs must exist before the op that reads them, so a
 * builder cannot make a cycle. `build()` also places every node on a rough left-to-right grid
 * (column = depth in the graph), so a preset reads sensibly before the auto-layout runs.
 */
export class DocBuilder {
  private readonly nodes: DocNode[] = [];
  private readonly byId = new Map<string, DocNode>();
  private readonly wires: Wire[] = [];
  private outputId: string | null = null;

  /** A leaf Value with a label, as `Value(2.0, label='a')`. */
  value(value: number, label: string): NodeRef {
    return this.add({ id: newId(), kind: 'value', position: ORIGIN, value, label });
  }

  /** A parameter: a leaf training changes, as a Neuron's `w` and `b` (shown as "param" on its card). */
  param(value: number, label: string): NodeRef {
    return this.add({ id: newId(), kind: 'value', position: ORIGIN, value, label, trainable: true });
  }

  /** A plain number operand, as the `2` in `d * 2`. */
  constant(value: number): NodeRef {
    return this.add({ id: newId(), kind: 'constant', position: ORIGIN, value });
  }

  /**
   * An op applied to `inputs`, in the op's port order (`sub`'s a then b). Numbers become
   * constant nodes. `param` is pow's exponent; ops with a parameter get its default without one.
   */
  op(type: OpType, inputs: readonly BuilderInput[], label = '', param?: number): NodeRef {
    const def = getOp(type);
    if (inputs.length !== def.inputs.length) {
      throw new RangeError(`${type} takes ${def.inputs.length} inputs, got ${inputs.length}`);
    }
    const sources = inputs.map((x) => (typeof x === 'number' ? this.constant(x) : this.existing(x)));
    const node: OpNode = { id: newId(), kind: 'op', op: type, position: ORIGIN, label };
    if (def.param) node.param = param ?? def.param.defaultValue;
    this.add(node);
    sources.forEach((source, i) => {
      this.wires.push({ id: newId(), source, target: node.id, port: def.inputs[i]! });
    });
    return node.id;
  }

  /** Marks the node backward starts from. */
  output(id: NodeRef): this {
    this.outputId = this.existing(id);
    return this;
  }

  /** The document, with every node placed on the grid. */
  build(): GraphDoc {
    const positions = gridPositions(this.nodes, this.wires);
    const nodes: Record<string, DocNode> = {};
    for (const n of this.nodes) nodes[n.id] = { ...n, position: positions.get(n.id)! };
    const wires: Record<string, Wire> = {};
    for (const w of this.wires) wires[w.id] = w;
    return { nodes, wires, output: this.outputId };
  }

  private add(node: DocNode): NodeRef {
    this.nodes.push(node);
    this.byId.set(node.id, node);
    return node.id;
  }

  private existing(id: NodeRef): NodeRef {
    if (!this.byId.has(id)) throw new RangeError(`no node '${id}' in this builder`);
    return id;
  }
}

const ORIGIN: Position = { x: 0, y: 0 };

/**
 * Columns by depth: an op sits one column right of its deepest input; a leaf sits just left of
 * its first consumer rather than in column 0, so a weight deep in a network is drawn next to
 * the multiply that reads it instead of at the far left. Rows keep creation order, which in a
 * preset is the order of the lecture's code. Columns are centred on the tallest one.
 */
function gridPositions(nodes: readonly DocNode[], wires: readonly Wire[]): Map<string, Position> {
  const inputsOf = new Map<string, string[]>();
  const consumersOf = new Map<string, string[]>();
  for (const w of wires) {
    pushTo(inputsOf, w.target, w.source);
    pushTo(consumersOf, w.source, w.target);
  }
  // Creation order is topological (inputs exist before the op), so one pass suffices.
  const depth = new Map<string, number>();
  for (const n of nodes) {
    const ins = inputsOf.get(n.id) ?? [];
    depth.set(n.id, ins.length === 0 ? 0 : 1 + Math.max(...ins.map((i) => depth.get(i)!)));
  }
  const column = new Map<string, number>();
  for (const n of nodes) {
    const users = consumersOf.get(n.id);
    const leaf = n.kind !== 'op';
    column.set(n.id, leaf && users ? Math.min(...users.map((u) => depth.get(u)!)) - 1 : depth.get(n.id)!);
  }
  const columns = new Map<number, string[]>();
  for (const n of nodes) {
    pushTo(columns, column.get(n.id)!, n.id);
  }
  const tallest = Math.max(0, ...[...columns.values()].map((ids) => ids.length));
  const positions = new Map<string, Position>();
  for (const [c, ids] of columns) {
    const top = ((tallest - ids.length) * ROW_HEIGHT) / 2;
    ids.forEach((id, row) => positions.set(id, { x: c * COLUMN_WIDTH, y: top + row * ROW_HEIGHT }));
  }
  return positions;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
