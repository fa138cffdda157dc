import { findOp, OPS, type OpDef } from '../../engine';
import { incomingWires, resolveOutput, topologicalOrder } from '../graph';
import { inputPorts } from '../ports';
import type { GraphDoc } from '../types';
import { describeNode } from '../validate';
import { assignNames } from './names';

/**
 * What a generated program does, before it is spelled in a language: which nodes become lines,
 * which are skipped and why, what each variable is called, where backward starts. Python and
 * TypeScript export read the same plan, so they always agree on names and on what is left out.
 */

/** An op's input as the program writes it. */
export type PlanOperand =
  /** A node that has a variable. */
  | { kind: 'var'; name: string }
  /** A constant, written inline as a number (micrograd turns it into a leaf by itself). */
  | { kind: 'number'; value: number };

/** One step of the program, in topological order. */
export type PlanStep =
  /** A leaf Value: a value node, or a constant that is itself the output. */
  | { kind: 'leaf'; id: string; name: string; label: string; value: number }
  /** An op applied to operands, in the op's input order. */
  | { kind: 'op'; id: string; name: string; label: string; op: OpDef; args: PlanOperand[]; param: number }
  /** A node that cannot be written, with a reason for the comment left in its place. */
  | { kind: 'skip'; id: string; what: string; reason: string };

/** The whole program. */
export interface ProgramPlan {
  /** One step per node that is written or skipped, inputs before the nodes that read them. */
  steps: PlanStep[];
  /** The variable backward starts from, or null with the reason there is no backward pass. */
  output: { name: string } | { name: null; reason: string };
  /** Ops the program uses, in registry order, so helpers come out in a stable order. */
  opsUsed: OpDef[];
  /** Every number the program writes (leaves, constants, parameters), to spot non-finite ones. */
  numbers: number[];
}

/** Plans the program for a document. Pure. */
export function planProgram(doc: GraphDoc): ProgramPlan {
  const { cyclic } = topologicalOrder(doc);
  const incoming = incomingWires(doc);
  const order = writingOrder(doc, incoming, cyclic);
  const outputId = resolveOutput(doc);

  // Pass 1: which nodes become variables, and why the others cannot.
  const skipped = new Map<string, string>();
  const hasVariable: string[] = [];
  for (const id of order) {
    const node = doc.nodes[id]!;
    if (node.kind === 'value' || (node.kind === 'constant' && id === outputId)) {
      hasVariable.push(id);
      continue;
    }
    if (node.kind === 'constant') continue;
    const reason = whySkipped(doc, id, incoming, skipped);
    if (reason === null) hasVariable.push(id);
    else skipped.set(id, reason);
  }
  for (const id of cyclic) skipped.set(id, 'it sits on or behind a cycle');

  const names = assignNames(hasVariable.map((id) => ({ id, label: labelOf(doc, id) })));

  // Pass 2: the steps.
  const steps: PlanStep[] = [];
  const numbers: number[] = [];
  const used = new Set<OpDef>();
  for (const id of [...order, ...cyclic]) {
    const node = doc.nodes[id]!;
    const reason = skipped.get(id);
    if (reason !== undefined) {
      steps.push({ kind: 'skip', id, what: describeNode(doc, id), reason });
      continue;
    }
    const name = names.get(id);
    if (name === undefined) continue; // an inlined constant
    if (node.kind !== 'op') {
      numbers.push(node.value);
      steps.push({ kind: 'leaf', id, name, label: labelOf(doc, id), value: node.value });
      continue;
    }
    const op = findOp(node.op)!;
    used.add(op);
    const args = inputPorts(node).map((port): PlanOperand => {
      const source = incoming.get(id)!.get(port)!.source;
      const sourceName = names.get(source);
      if (sourceName !== undefined) return { kind: 'var', name: sourceName };
      const constant = doc.nodes[source]!;
      const value = constant.kind === 'constant' ? constant.value : NaN;
      numbers.push(value);
      return { kind: 'number', value };
    });
    const param = node.param ?? 0;
    if (op.param) numbers.push(param);
    steps.push({ kind: 'op', id, name, label: node.label, op, args, param });
  }

  let output: ProgramPlan['output'];
  if (outputId === null) output = { name: null, reason: 'the graph is empty' };
  else if (names.has(outputId)) output = { name: names.get(outputId)! };
  else output = { name: null, reason: `the output, ${describeNode(doc, outputId)}, is skipped` };

  return { steps, output, opsUsed: (OPS as readonly OpDef[]).filter((op) => used.has(op)), numbers };
}

/**
 * A topological order that follows the order nodes were added, as a person writes code: each
 * node comes as soon as its inputs are written, and an input added later is pulled in just
 * before the first node that needs it (depth first, in port order). A preset built in the
 * lecture's order is printed in the lecture's order; Kahn's breadth-first order would scatter
 * it. Nodes on or behind a cycle are left out. Iterative, so deep graphs are fine.
 */
function writingOrder(doc: GraphDoc, incoming: ReturnType<typeof incomingWires>, cyclic: readonly string[]): string[] {
  const order: string[] = [];
  const seen = new Set<string>(cyclic);
  const sourcesOf = (id: string): string[] => {
    const wired = incoming.get(id);
    return inputPorts(doc.nodes[id]!)
      .map((p) => wired?.get(p)?.source)
      .filter((s): s is string => s !== undefined && doc.nodes[s] !== undefined);
  };
  for (const root of Object.keys(doc.nodes)) {
    if (seen.has(root)) continue;
    seen.add(root);
    const stack: { id: string; next: number; sources: string[] }[] = [{ id: root, next: 0, sources: sourcesOf(root) }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const source = top.sources[top.next++];
      if (source === undefined) {
        stack.pop();
        order.push(top.id);
      } else if (!seen.has(source)) {
        seen.add(source);
        stack.push({ id: source, next: 0, sources: sourcesOf(source) });
      }
    }
  }
  return order;
}

/** The label a node's variable is named after and printed with ('' for none). */
function labelOf(doc: GraphDoc, id: string): string {
  const node = doc.nodes[id]!;
  return node.kind === 'constant' ? '' : node.label;
}

function whySkipped(
  doc: GraphDoc,
  id: string,
  incoming: ReturnType<typeof incomingWires>,
  skipped: ReadonlyMap<string, string>,
): string | null {
  const node = doc.nodes[id]!;
  if (node.kind !== 'op') return null;
  if (!findOp(node.op)) return `its operation '${node.op}' is unknown`;
  const wired = incoming.get(id);
  const ports = inputPorts(node);
  const missing = ports.filter((p) => !wired?.has(p));
  if (missing.length > 0) {
    const list = missing.map((p) => `'${p}'`).join(' and ');
    return `${missing.length === 1 ? 'input' : 'inputs'} ${list} ${missing.length === 1 ? 'is' : 'are'} not wired`;
  }
  const sources = ports.map((p) => wired!.get(p)!.source);
  if (sources.some((s) => !doc.nodes[s])) return 'an input is wired to a node that does not exist';
  const blocked = sources.find((s) => skipped.has(s));
  return blocked === undefined ? null : `it needs ${describeNode(doc, blocked)}, which is skipped`;
}
