import { add } from './add';
import { div } from './div';
import { exp } from './exp';
import { log } from './log';
import { mul } from './mul';
import { neg } from './neg';
import type { OpDef } from './OpDef';
import { pow } from './pow';
import { relu } from './relu';
import { sigmoid } from './sigmoid';
import { softplus } from './softplus';
import { sub } from './sub';
import { tanh } from './tanh';

/**
 * Every op, in palette order. To add an op: write its file beside this one and list it here;
 * Value gains the method, the palette the node, and the tests cover it.
 */
export const OPS = [add, sub, mul, div, pow, neg, relu, tanh, exp, log, sigmoid, softplus] as const;

/** One op's definition with its literal type kept (so method names can be derived). */
export type AnyOp = (typeof OPS)[number];

/** The names of the ops, which are also Value's method names. */
export type OpType = AnyOp['type'];

const byType = new Map<string, OpDef>(OPS.map((op) => [op.type, op]));

/** The op with this type, or undefined (for untrusted input such as a loaded file). */
export function findOp(type: string): OpDef | undefined {
  return byType.get(type);
}

/** The op with this type; throws for an unknown type, which is a programming error. */
export function getOp(type: OpType): OpDef {
  const op = byType.get(type);
  if (!op) throw new Error(`unknown op '${type}'`);
  return op;
}
