import { OPS, type OpDef } from '../../engine';
import type { Activation } from '../../nn/activation';
import { kindOf, type PlanContext } from '../kinds';
import type { LossKind } from '../kinds/loss';
import { incomingWires, resolveOutput, topologicalOrder } from '../graph';
import { inputPorts, OUT, outputKey, outputPorts } from '../ports';
import type { GraphDoc, Wire } from '../types';
import { describeNode } from '../validate';
import { assignNames, derivedName } from './names';
import { stringLiteral } from './text';

/**
 * What a generated program does, before it is spelled in a language: which nodes become lines,
 * which are skipped and why, what each variable is called, where backward starts. Python and
 * TypeScript export read the same plan, so they always agree on names and on what is left out.
 */

/** An op's input as the program writes it. */
export type PlanOperand =
  /** A node output that has a variable. */
  | { kind: 'var'; name: string }
  /** A constant, written inline as a number (micrograd turns it into a leaf by itself). */
  | { kind: 'number'; value: number };

/** Where the canvas keeps the number a printed variable holds, so tests can compare the two. */
export type PlanValueRef =
  /** An output of a node: 'out', or a layer's 'y0', 'y1', ... */
  | { kind: 'output'; id: string; port: string }
  /** A weight a neuron or layer node owns: input `input` of neuron `neuron` (null for a Neuron node). */
  | { kind: 'weight'; id: string; neuron: number | null; input: number }
  /** The bias of neuron `neuron` of a layer, or of a Neuron node (null). */
  | { kind: 'bias'; id: string; neuron: number | null };

/** One variable the program prints, after backward: `print(label, name.data, name.grad)`. */
export interface PlanPrint {
  name: string;
  label: string;
  of: PlanValueRef;
}

/** A weight or bias: a leaf Value made from a number the node holds. */
export interface PlanParam {
  name: string;
  /** Its label: the node's label with '.w0', '.b', ... after it. */
  label: string;
  value: number;
}

/** One neuron: act(b + w0·x0 + w1·x1 + ...), summed from the bias, left to right. */
export interface PlanNeuron {
  /** The variable of its output. */
  name: string;
  label: string;
  weights: PlanParam[];
  bias: PlanParam;
}

/** One step of the program, in topological order. */
export type PlanStep =
  /**
   * A leaf Value: a value node, a dataset input or target, or a constant that is itself the
   * output. `note` says what it stands for when that is more than a number (a comment).
   */
  | { kind: 'leaf'; id: string; name: string; label: string; value: number; note: string | null; prints: PlanPrint[] }
  /** An op applied to operands, in the op's input order. */
  | { kind: 'op'; id: string; name: string; label: string; op: OpDef; args: PlanOperand[]; param: number; prints: PlanPrint[] }
  /**
   * A Neuron node (one neuron) or a Layer node (one neuron per output), each neuron reading
   * `inputs` in port order, its parameters written as Values first.
   */
  | {
      kind: 'neurons';
      id: string;
      what: 'neuron' | 'layer';
      /** The node's label, or its variable name when it has none, for the comment. */
      title: string;
      activation: Activation;
      inputs: PlanOperand[];
      neurons: PlanNeuron[];
      prints: PlanPrint[];
    }
  /**
   * One sample's loss of its `scores` (one, or a softmax's k in class order) against `target`.
   * Cross-entropy needs −target·score three times, so it is computed once into `temps[0]`
   * first; a softmax writes Σ exp(s_j) into `temps[0]` and the target's score into `temps[1]`.
   */
  | {
      kind: 'loss';
      id: string;
      name: string;
      label: string;
      loss: LossKind;
      scores: PlanOperand[];
      target: PlanOperand;
      temps: string[];
      prints: PlanPrint[];
    }
  /** A node that cannot be written, with a reason for the comment left in its place. */
  | { kind: 'skip'; id: string; what: string; reason: string };

/** The whole program. */
interface ProgramPlan {
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
    const variable = kindOf(doc.nodes[id]!).code.variable;
    if (variable === 'always' || (variable === 'inline' && id === outputId)) {
      hasVariable.push(id);
      continue;
    }
    if (variable === 'inline') continue;
    const reason = whySkipped(doc, id, incoming, skipped);
    if (reason === null) hasVariable.push(id);
    else skipped.set(id, reason);
  }
  for (const id of cyclic) skipped.set(id, 'it sits on or behind a cycle');

  // Nodes name their variables after their labels first; the variables inside a neuron or a
  // layer (its weights, bias, outputs) are named after the node's variable next, so a label
  // never loses its name to a weight.
  const nodeNames = assignNames(hasVariable.map((id) => ({ id, label: labelOf(doc, id) })));
  const taken = new Set(nodeNames.values());
  /** Variables by output key (the node id, or `id:y0` for a layer's outputs). */
  const names = new Map<string, string>();
  // A node with named outputs (a layer's y0, y1, ...) names them when it is planned.
  for (const [id, name] of nodeNames) if (outputPorts(doc.nodes[id]!)[0] === OUT) names.set(id, name);

  // Pass 2: the steps.
  const steps: PlanStep[] = [];
  const numbers: number[] = [];
  const used = new Set<OpDef>();
  const operandOf = (w: Wire): PlanOperand => {
    const sourceName = names.get(outputKey(w.source, w.from));
    if (sourceName !== undefined) return { kind: 'var', name: sourceName };
    // whySkipped has made sure every other source is a constant node.
    const source = doc.nodes[w.source]!;
    const value = kindOf(source).code.variable === 'inline' && 'value' in source ? source.value : NaN;
    numbers.push(value);
    return { kind: 'number', value };
  };
  const param = (base: string, shown: string, suffix: string, value: number): PlanParam => {
    numbers.push(value);
    return { name: derivedName(`${base}_${suffix.replace(/\./g, '_')}`, taken), label: `${shown}.${suffix}`, value };
  };

  for (const id of [...order, ...cyclic]) {
    const node = doc.nodes[id]!;
    const reason = skipped.get(id);
    if (reason !== undefined) {
      steps.push({ kind: 'skip', id, what: describeNode(doc, id), reason });
      continue;
    }
    const name = nodeNames.get(id);
    if (name === undefined) continue; // an inlined constant
    const ctx: PlanContext = {
      id,
      name,
      label: labelOf(doc, id),
      args: () => inputPorts(node).map((port) => operandOf(incoming.get(id)!.get(port)!)),
      out: (printedName, printedLabel, port = OUT) => ({ name: printedName, label: printedLabel || printedName, of: { kind: 'output', id, port } }),
      param,
      fresh: (base) => derivedName(base, taken),
      nameOutput: (port, variable) => names.set(outputKey(id, port), variable),
      number: (value) => numbers.push(value),
      use: (op) => used.add(op),
    };
    steps.push(kindOf(node).code.plan(node, ctx));
  }

  const outputNode = outputId === null ? undefined : doc.nodes[outputId];
  const notOutput = outputNode && !skipped.has(outputNode.id) ? (kindOf(outputNode).code.whyNotOutput?.(outputNode) ?? null) : null;
  let output: ProgramPlan['output'];
  if (outputId === null) output = { name: null, reason: 'the graph is empty' };
  else if (names.has(outputId)) output = { name: names.get(outputId)! };
  else if (notOutput !== null) output = { name: null, reason: `the output, ${describeNode(doc, outputId)}, ${notOutput}` };
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
  return 'label' in node ? node.label : '';
}

function whySkipped(
  doc: GraphDoc,
  id: string,
  incoming: ReturnType<typeof incomingWires>,
  skipped: ReadonlyMap<string, string>,
): string | null {
  const node = doc.nodes[id]!;
  const broken = kindOf(node).code.whyNot?.(node) ?? null;
  if (broken !== null) return broken;
  const wired = incoming.get(id);
  const ports = inputPorts(node);
  const missing = ports.filter((p) => !wired?.has(p));
  if (missing.length > 0) {
    const list = missing.map((p) => `'${p}'`).join(' and ');
    return `${missing.length === 1 ? 'input' : 'inputs'} ${list} ${missing.length === 1 ? 'is' : 'are'} not wired`;
  }
  const wires = ports.map((p) => wired!.get(p)!);
  if (wires.some((w) => !doc.nodes[w.source])) return 'an input is wired to a node that does not exist';
  const stray = wires.find((w) => !outputPorts(doc.nodes[w.source]!).includes(w.from ?? OUT));
  if (stray) return `input '${stray.port}' is wired to output '${stray.from ?? OUT}', which ${describeNode(doc, stray.source)} does not have`;
  const blocked = wires.find((w) => skipped.has(w.source));
  return blocked === undefined ? null : `it needs ${describeNode(doc, blocked.source)}, which is skipped`;
}

/** The comment above a layer's neurons in exported code, without the comment marker (see `lineComment`). */
export function layerHeading(step: Extract<PlanStep, { kind: 'neurons' }>): string {
  const n = step.neurons.length;
  const inputs = step.inputs.length;
  return `layer ${stringLiteral(step.title)}: ${n} ${step.activation} neuron${n === 1 ? '' : 's'} over the same ${inputs} input${inputs === 1 ? '' : 's'}`;
}
