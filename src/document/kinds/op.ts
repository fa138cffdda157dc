import { findOp, getOp, OPS, Value, type OpType } from '../../engine';
import { z } from '../zod';
import { expected, finite, labelSchema } from '../file/fileFields';
import { groupSchema, nodeFields } from '../file/nodeFields';
import { newId } from '../ids';
import type { Position } from '../types';
import { faultyOp } from './faultyOp';
import type { KindDef, NodeBase } from './KindDef';

/** One registry op applied to its wired inputs. */
export interface OpNode extends NodeBase {
  kind: 'op';
  /** The registry op's type. */
  op: OpType;
  /** The name of this intermediate Value (the lecture's `e`, `d`, `L`); may be empty. */
  label: string;
  /** The op's numeric parameter (pow's exponent); absent for ops without one. */
  param?: number;
  /**
   * A level's planted bug (the boss level): backward through this node uses a wrong local
   * derivative. Only a level's starting graph sets it; no edit can, and no card shows it.
   */
  faulty?: true;
}

/** A new op node, with the op's default parameter where it has one. */
export function createOp(op: OpType, position: Position, label = ''): OpNode {
  const def = getOp(op);
  const node: OpNode = { id: newId(), kind: 'op', op, position, label };
  if (def.param) node.param = def.param.defaultValue;
  return node;
}

const OP_RULE = `one of the operations ${OPS.map((op) => `'${op.type}'`).join(', ')}`;

/** An op type known to the registry; checked through `findOp`, so a new op needs no change here. */
const opTypeSchema = z.custom<OpType>((v) => typeof v === 'string' && findOp(v) !== undefined, {
  error: expected(OP_RULE),
});

/** The op kind: every registry op, told apart by `op`. */
export const opKind: KindDef<OpNode, 'position' | 'label' | 'param'> = {
  kind: 'op',
  fileSchema: z.object({
    ...nodeFields('op'),
    /** The registry op's type ('add', 'pow', ...). */
    op: opTypeSchema,
    /** The name of this intermediate Value; may be empty. */
    label: labelSchema,
    /** The op's numeric parameter (pow's exponent); absent for ops without one. */
    param: finite().optional(),
    /** Set when the node came from expanding a neuron or layer. */
    group: groupSchema.optional(),
    /** A level's planted wrong local derivative; absent in every graph a person draws. */
    faulty: z.literal(true).optional(),
  }),
  copy(node) {
    const out: OpNode = { id: node.id, kind: 'op', position: { x: node.position.x, y: node.position.y }, op: node.op, label: node.label };
    // A parameter only means something for an op that takes one; elsewhere it is dropped
    // like any other unknown field.
    if (node.param !== undefined && findOp(node.op)?.param) out.param = node.param;
    if (node.group) out.group = { ...node.group };
    if (node.faulty === true) out.faulty = true;
    return out;
  },
  patchable: ['position', 'label', 'param'],
  leaf: false,
  inputPorts: (node) => findOp(node.op)?.inputs ?? [],
  problem(node) {
    const op = findOp(node.op);
    if (!op) return `unknown operation '${node.op}'`;
    return op.param && node.param === undefined ? `the ${op.label} node needs its ${op.param.name}` : null;
  },
  describe: (node) => `the ${findOp(node.op)?.label ?? node.op} node`,
  evaluate(node, [a, b]) {
    const op = findOp(node.op);
    if (!op) return { refused: `unknown op '${node.op}'` };
    const k = node.param ?? 0;
    // A faulty node computes forward as usual; only its backward is wrong.
    const def = node.faulty === true ? faultyOp(op) : op;
    return { outputs: [new Value(op.forward(a!.data, b?.data ?? 0, k), node.label, def, a!, b ?? null, k)] };
  },
  code: {
    variable: 'computed',
    whyNot: (node) => (findOp(node.op) ? null : `its operation '${node.op}' is unknown`),
    plan(node, ctx) {
      const op = findOp(node.op)!;
      ctx.use(op);
      const k = node.param ?? 0;
      const args = ctx.args();
      if (op.param) ctx.number(k);
      const { id, name, label } = ctx;
      return { kind: 'op', id, name, label, op, args, param: k, prints: [ctx.out(name, label)] };
    },
  },
  trainer: {
    check: (node) => (findOp(node.op) ? null : `uses the unknown operation '${node.op}'.`),
    // The same k evaluate passes, so forward and local see identical arguments.
    unit: (node, inputs) => ({ kind: 'op', op: findOp(node.op)!, k: node.param ?? 0, inputs: inputs() }),
  },
};
