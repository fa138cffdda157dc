import type { OpType } from '../engine';

/**
 * The graph the user draws: the only state that is saved. Data and grads are never stored here;
 * they are derived by `evaluate` (values are derived, never stored).
 */

/** A point on the canvas, in flow coordinates. */
export interface Position {
  x: number;
  y: number;
}

/** Fields every node has. */
interface NodeBase {
  /** Random (crypto.randomUUID), so ids never collide after a restore or a paste. */
  id: string;
  /** Top-left corner on the canvas. */
  position: Position;
}

/** A leaf Value the user types or scrubs: micrograd's `Value(2.0, label='a')`. */
export interface ValueNode extends NodeBase {
  kind: 'value';
  /** The name shown on the node and used in generated code. */
  label: string;
  /** The leaf's data. */
  value: number;
}

/** A plain number operand, as `a * 2` turns 2 into a leaf in micrograd. */
export interface ConstantNode extends NodeBase {
  kind: 'constant';
  value: number;
}

/** One registry op applied to its wired inputs. */
export interface OpNode extends NodeBase {
  kind: 'op';
  /** The registry op's type. */
  op: OpType;
  /** The name of this intermediate Value (the lecture's `e`, `d`, `L`); may be empty. */
  label: string;
  /** The op's numeric parameter (pow's exponent); absent for ops without one. */
  param?: number;
}

/** Anything that can sit on the canvas. */
export type DocNode = ValueNode | ConstantNode | OpNode;

/** What kinds of node exist. */
export type NodeKind = DocNode['kind'];

/** A wire from one node's output to a named input port of another. */
export interface Wire {
  id: string;
  /** The node whose output feeds the port. */
  source: string;
  /** The node that reads it. */
  target: string;
  /** The target op's input name ('a', 'b', 'x'), from the op registry. */
  port: string;
}

/** The whole drawn graph. Immutable: every edit makes a new object, sharing what did not change. */
export interface GraphDoc {
  /** Nodes by id. */
  nodes: Readonly<Record<string, DocNode>>;
  /** Wires by id. */
  wires: Readonly<Record<string, Wire>>;
  /** The node backward starts from; when null, the graph's single sink is used. */
  output: string | null;
}

/** The empty graph. */
export const EMPTY_DOC: GraphDoc = { nodes: {}, wires: {}, output: null };

/** Fields an edit may change on a node. Fields the node's kind does not have are ignored. */
export interface NodePatch {
  position?: Position;
  label?: string;
  value?: number;
  param?: number;
}
