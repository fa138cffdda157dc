import { findOp, getOp, OPS, type OpDef, type OpType } from '../../engine';
import type { Activation } from '../../nn/activation';
import { incomingWires, resolveOutput, topologicalOrder } from '../graph';
import { inputPorts, OUT, outputKey, outputPorts } from '../ports';
import type { GraphDoc, LossKind, Wire } from '../types';
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
   * One sample's loss of `score` against `target`. Cross-entropy needs −target·score three
   * times, so it is computed once into `temp` first.
   */
  | {
      kind: 'loss';
      id: string;
      name: string;
      label: string;
      loss: LossKind;
      score: PlanOperand;
      target: PlanOperand;
      temp: string | null;
      prints: PlanPrint[];
    }
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

/** The op each activation applies; linear applies none. */
const ACTIVATION_OPS: Readonly<Record<Activation, OpType | null>> = { relu: 'relu', tanh: 'tanh', sigmoid: 'sigmoid', linear: null };

/** The ops each loss is built from (its Python helpers come from these). */
const LOSS_OPS: Readonly<Record<LossKind, readonly OpType[]>> = {
  squared: ['sub', 'pow'],
  hinge: ['mul', 'neg', 'add', 'relu'],
  bce: ['mul', 'neg', 'add', 'relu', 'exp', 'log'],
};

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
    if (node.kind === 'value' || node.kind === 'input' || node.kind === 'target' || (node.kind === 'constant' && id === outputId)) {
      hasVariable.push(id);
      continue;
    }
    if (node.kind === 'constant') continue;
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
  for (const [id, name] of nodeNames) if (doc.nodes[id]!.kind !== 'layer') names.set(id, name);

  // Pass 2: the steps.
  const steps: PlanStep[] = [];
  const numbers: number[] = [];
  const used = new Set<OpDef>();
  const operandOf = (w: Wire): PlanOperand => {
    const sourceName = names.get(outputKey(w.source, w.from));
    if (sourceName !== undefined) return { kind: 'var', name: sourceName };
    // whySkipped has made sure every other source is a constant node.
    const constant = doc.nodes[w.source]!;
    const value = constant.kind === 'constant' ? constant.value : NaN;
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
    const label = labelOf(doc, id);
    const args = (): PlanOperand[] => inputPorts(node).map((port) => operandOf(incoming.get(id)!.get(port)!));
    const out = (printedName: string, printedLabel: string, port = OUT): PlanPrint => ({
      name: printedName,
      label: printedLabel || printedName,
      of: { kind: 'output', id, port },
    });
    switch (node.kind) {
      case 'value':
      case 'constant':
      case 'input':
      case 'target': {
        numbers.push(node.value);
        steps.push({ kind: 'leaf', id, name, label, value: node.value, note: leafNote(doc, id), prints: [out(name, label)] });
        break;
      }
      case 'op': {
        const op = findOp(node.op)!;
        used.add(op);
        const k = node.param ?? 0;
        const operands = args();
        if (op.param) numbers.push(k);
        steps.push({ kind: 'op', id, name, label, op, args: operands, param: k, prints: [out(name, label)] });
        break;
      }
      case 'neuron':
      case 'layer': {
        const inputs = args();
        const act = ACTIVATION_OPS[node.activation];
        if (act !== null) used.add(getOp(act));
        const shown = node.label || name;
        const prints: PlanPrint[] = [];
        const neurons: PlanNeuron[] = [];
        if (node.kind === 'neuron') {
          const weights = node.weights.map((w, i) => param(name, shown, `w${i}`, w));
          const bias = param(name, shown, 'b', node.bias);
          weights.forEach((w, i) => prints.push({ name: w.name, label: w.label, of: { kind: 'weight', id, neuron: null, input: i } }));
          prints.push({ name: bias.name, label: bias.label, of: { kind: 'bias', id, neuron: null } });
          prints.push(out(name, label));
          neurons.push({ name, label: shown, weights, bias });
        } else {
          node.weights.forEach((row, j) => {
            const weights = row.map((w, i) => param(name, shown, `w${j}.${i}`, w));
            const bias = param(name, shown, `b${j}`, node.biases[j]!);
            const y = derivedName(`${name}_y${j}`, taken);
            names.set(outputKey(id, `y${j}`), y);
            weights.forEach((w, i) => prints.push({ name: w.name, label: w.label, of: { kind: 'weight', id, neuron: j, input: i } }));
            prints.push({ name: bias.name, label: bias.label, of: { kind: 'bias', id, neuron: j } });
            prints.push(out(y, `${shown}.y${j}`, `y${j}`));
            neurons.push({ name: y, label: `${shown}.y${j}`, weights, bias });
          });
        }
        steps.push({ kind: 'neurons', id, what: node.kind, title: shown, activation: node.activation, inputs, neurons, prints });
        break;
      }
      case 'loss': {
        const [score, target] = args() as [PlanOperand, PlanOperand];
        for (const type of LOSS_OPS[node.loss]) used.add(getOp(type));
        const temp = node.loss === 'bce' ? derivedName(`${name}_z`, taken) : null;
        steps.push({ kind: 'loss', id, name, label, loss: node.loss, score, target, temp, prints: [out(name, label)] });
        break;
      }
    }
  }

  let output: ProgramPlan['output'];
  if (outputId === null) output = { name: null, reason: 'the graph is empty' };
  else if (names.has(outputId)) output = { name: names.get(outputId)! };
  else if (doc.nodes[outputId]!.kind === 'layer' && !skipped.has(outputId)) {
    output = { name: null, reason: `the output, ${describeNode(doc, outputId)}, is a layer: backward starts from one number, not ${outputPorts(doc.nodes[outputId]!).length}` };
  } else output = { name: null, reason: `the output, ${describeNode(doc, outputId)}, is skipped` };

  return { steps, output, opsUsed: (OPS as readonly OpDef[]).filter((op) => used.has(op)), numbers };
}

/** The comment on a leaf that stands for more than a number. */
function leafNote(doc: GraphDoc, id: string): string | null {
  const node = doc.nodes[id]!;
  switch (node.kind) {
    case 'input':
      return `input: feature x${node.feature + 1} of the dataset sample shown on the canvas`;
    case 'target':
      return 'target: the label of the dataset sample shown on the canvas';
    case 'value':
      return node.trainable === true ? 'trainable: a parameter training changes' : null;
    default:
      return null;
  }
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
  if (node.kind === 'op' && !findOp(node.op)) return `its operation '${node.op}' is unknown`;
  if (node.kind === 'layer') {
    if (node.weights.length === 0) return 'it has no neurons';
    if (node.biases.length !== node.weights.length) return `it has ${node.biases.length} biases for ${node.weights.length} neurons`;
    if (node.weights.some((row) => row.length !== node.weights[0]!.length)) return 'its rows of weights differ in length';
  }
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
