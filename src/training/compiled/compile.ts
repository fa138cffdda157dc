import { getOp, type OpDef } from '../../engine';
import type { Activation } from '../../nn/activation';
import type { GraphDoc } from '../../document/types';
import { buildIr, type IrNode, type IrRef } from './ir';
import { REDUCTION, selectModel } from './model';
import { readParams } from './params';
import { ACT, ADD, DENSE, DENSEX, INPUT, MUL, NEG, OP, RELU, SIGMOID, SUB, TANH, TARGET, type Program } from './program';

/**
 * Compiles the drawn network into a Program (see program.ts), or says why it cannot be trained.
 *
 * Exactness. The Value engine's backward visits nodes in the reverse of a depth-first post-order
 * from the loss (first input first), and each node's grad is the sum of its consumers'
 * contributions in that order; floating-point sums depend on order. So the tape is laid out in
 * that same depth-first post-order over units, the parameters live in the slot array itself
 * (their grads receive each contribution directly, not a pre-summed one), a neuron sums
 * b + w0·x0 + w1·x1 + ... left to right and takes its inputs' gradients from the last input to
 * the first, and a layer does its neurons from the last to the first, which is the order the
 * engine reaches them in. Forward values are then bit-identical to the engine's; gradients are
 * too for layered networks and op graphs, and differ in the last bits only where a dense unit's
 * later input depends on an earlier one through other nodes (the engine interleaves those
 * inputs' sub-graphs with the neuron's multiplies; a dense loop cannot).
 */
export function compileNetwork(doc: GraphDoc): { ok: true; program: Program } | { ok: false; reason: string } {
  const selected = selectModel(doc);
  if (!selected.ok) return selected;
  const { model } = selected;
  const { root, scores } = buildIr(doc, model);
  const order = postOrder(root.node);
  const paramCount = model.params.length;

  // Slots: parameters first, then every unit's outputs in tape order (so a layer's outputs, and
  // neurons drawn one after another, are contiguous and the next dense unit reads them in place),
  // then pre-activations, which nothing else reads.
  const first = new Map<IrNode, number>();
  let next = paramCount;
  for (const u of order) {
    if (u.kind === 'param') first.set(u, u.index);
    else {
      first.set(u, next);
      next += u.kind === 'dense' ? u.nout : 1;
    }
  }
  const slot = (r: IrRef): number => first.get(r.node)! + r.port;
  const groups = denseGroups(order, first, slot);
  const pre = new Map<DenseGroup, number>();
  for (const g of groups.values()) {
    if (g.activation !== 'linear') {
      pre.set(g, next);
      next += g.nout;
    } else pre.set(g, g.out);
  }
  const slotCount = next;

  // Which slots depend on a parameter: only those need gradients.
  const needs = new Set<IrNode>();
  for (const u of order) {
    if (u.kind === 'param' || u.kind === 'dense' || u.inputs.some((r) => needs.has(r.node))) needs.add(u);
  }

  const code: number[] = [];
  const starts: number[] = [];
  const owners: IrNode[][] = [];
  const needsGrad: number[] = [];
  const ops: OpDef[] = [];
  const nums: number[] = [];
  const emit = (units: IrNode[], grad: boolean, ...words: number[]): void => {
    starts.push(code.length);
    owners.push(units);
    needsGrad.push(grad ? 1 : 0);
    code.push(...words);
  };
  // Loads first: they only write their own slots, so their place in the tape is free.
  for (const u of order) {
    if (u.kind === 'input') emit([u], false, INPUT, first.get(u)!, u.feature);
    else if (u.kind === 'target') emit([u], false, TARGET, first.get(u)!);
  }
  for (const u of order) {
    const grad = needs.has(u);
    if (u.kind === 'op') {
      const out = first.get(u)!;
      const [a, b] = u.inputs.map(slot) as [number, number | undefined];
      const inline = INLINE.get(u.op);
      const act = ACTIVATION_OPS.get(u.op);
      if (inline !== undefined && u.k === 0) emit([u], grad, inline, out, a, ...(b === undefined ? [] : [b]));
      else if (act !== undefined && u.k === 0) emit([u], grad, ACT, act, 1, a, out);
      else {
        let opIndex = ops.indexOf(u.op);
        if (opIndex < 0) opIndex = ops.push(u.op) - 1;
        emit([u], grad, OP, opIndex, out, a, b ?? -1, nums.push(u.k) - 1);
      }
    } else if (u.kind === 'dense') {
      const g = groups.get(u);
      if (g === undefined) continue; // a later member of a group: emitted with its first
      const inGrad = g.units.some((m) => m.inputs.some((r) => needs.has(r.node)));
      // Inputs in consecutive slots (a layer's outputs, neurons drawn in a column) are read in
      // place; others through their slot list, adding each gradient straight into its slot.
      if (contiguous(g.inputs)) emit(g.units, true, DENSE, g.inputs.length, g.nout, g.firstParam, g.inputs[0] ?? 0, pre.get(g)!, inGrad ? 1 : 0);
      else emit(g.units, true, DENSEX, g.inputs.length, g.nout, g.firstParam, pre.get(g)!, inGrad ? 1 : 0, ...g.inputs);
      if (g.activation !== 'linear') emit(g.units, true, ACT, ACTIVATION_CODES[g.activation], g.nout, pre.get(g)!, g.out);
    }
  }

  const scoreUnits = new Set(scores.flatMap((s) => postOrder(s.node)));
  const scoreStarts = starts.filter((_, i) => owners[i]!.some((u) => scoreUnits.has(u)));
  const init = new Float64Array(slotCount);
  init.set(readParams({ paramRefs: model.params }, doc));
  for (const u of order) if (u.kind === 'const') init[first.get(u)!] = u.value;

  return {
    ok: true,
    program: {
      code: Int32Array.from(code),
      starts: Int32Array.from(starts),
      scoreStarts: Int32Array.from(scoreStarts),
      needsGrad: Uint8Array.from(needsGrad),
      ops,
      nums: Float64Array.from(nums),
      slotCount,
      paramCount,
      paramRefs: model.params,
      init,
      scoreSlot: slot(scores[0]!),
      scoreSlots: Int32Array.from(scores, slot),
      classes: model.classes,
      lossSlot: slot(root),
      lossKind: model.lossKind,
      reduction: REDUCTION[model.lossKind],
      featureCount: model.featureCount,
      lossNodeId: model.lossId,
      denseUnits: order.flatMap((u) => (u.kind === 'dense' && scoreUnits.has(u) ? [{ firstParam: u.firstParam, nout: u.nout, out: first.get(u)! }] : [])),
    },
  };
}

/** Registry ops simple enough to run inline in the interpreter with the very same arithmetic. */
const INLINE = new Map<OpDef, number>([
  [getOp('add'), ADD],
  [getOp('sub'), SUB],
  [getOp('mul'), MUL],
  [getOp('neg'), NEG],
]);

/** Activation codes; ACT calls these registry ops from call sites of their own. */
const ACTIVATION_CODES: Readonly<Record<Exclude<Activation, 'linear'>, number>> = { relu: RELU, tanh: TANH, sigmoid: SIGMOID };
const ACTIVATION_OPS = new Map<OpDef, number>([
  [getOp('relu'), RELU],
  [getOp('tanh'), TANH],
  [getOp('sigmoid'), SIGMOID],
]);

/** Dense units run by one DENSE instruction. */
interface DenseGroup {
  units: IrNode[];
  activation: Activation;
  /** The input slots, shared by every unit of the group. */
  inputs: number[];
  nout: number;
  firstParam: number;
  /** The first output slot; the group's outputs are contiguous. */
  out: number;
}

/**
 * Dense units grouped for the tape, keyed by each group's first unit: a layer alone, or
 * neurons drawn side by side (one after another in the tape, reading the same slots, with the
 * same activation, consecutive parameters and outputs) together, which makes 16 Neuron nodes as
 * fast as one Layer node. Exact: the group's backward takes its neurons from the last to the
 * first, as the separate instructions would have run.
 */
function denseGroups(order: readonly IrNode[], first: ReadonlyMap<IrNode, number>, slot: (r: IrRef) => number): Map<IrNode, DenseGroup> {
  const groups = new Map<IrNode, DenseGroup>();
  let open: DenseGroup | null = null;
  for (const u of order) {
    if (u.kind !== 'dense') {
      if (u.kind === 'op') open = null;
      continue;
    }
    const inputs = u.inputs.map(slot);
    const out = first.get(u)!;
    if (
      open !== null &&
      open.activation === u.activation &&
      open.inputs.length === u.nin &&
      open.inputs.every((s, i) => s === inputs[i]) &&
      open.firstParam + open.nout * (u.nin + 1) === u.firstParam &&
      open.out + open.nout === out
    ) {
      open.units.push(u);
      open.nout += u.nout;
      continue;
    }
    open = { units: [u], activation: u.activation, inputs, nout: u.nout, firstParam: u.firstParam, out };
    groups.set(u, open);
  }
  return groups;
}

/**
 * Units in depth-first post-order from `root`, inputs first and in port order: the order of the
 * engine's topoSort (iterative, so a deep chain cannot overflow the stack).
 */
function postOrder(root: IrNode): IrNode[] {
  const order: IrNode[] = [];
  const seen = new Set<IrNode>([root]);
  const stack: IrNode[] = [root];
  const nextInput: number[] = [0];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const u = stack[top]!;
    const i = nextInput[top]!;
    if (i < u.inputs.length) {
      nextInput[top] = i + 1;
      const v = u.inputs[i]!.node;
      if (!seen.has(v)) {
        seen.add(v);
        stack.push(v);
        nextInput.push(0);
      }
      continue;
    }
    stack.pop();
    nextInput.pop();
    order.push(u);
  }
  return order;
}

function contiguous(slots: readonly number[]): boolean {
  return slots.every((s, i) => s === slots[0]! + i);
}
