import { Value } from '../../engine';
import type { Activation } from '../../nn/activation';
import { lossClasses, softmaxCrossEntropy } from '../kinds/loss';
import { valueGraphNodes } from './scalarizeGraph';
import { incomingWires } from '../graph';
import { newId } from '../ids';
import { inputPorts, outputPorts } from '../ports';
import type { DocNode, GraphDoc, GroupTag, LossKind, OpNode, Position, ValueNode, Wire } from '../types';

/**
 * Neurons, layers and loss nodes taken apart into the scalar ops they stand for, the way the
 * lecture draws a neuron: every weight a trainable Value, then w·x products summed onto the
 * bias left to right, then the activation. The numbers do not change: evaluate() builds these
 * very ops for a composite node. Created nodes carry a group tag, so a neuron or a layer can
 * be put back together (see collapse.ts).
 */

/** Where a wire should come from after expansion: a node and its output port. */
interface Source {
  id: string;
  from?: string;
}

interface Builder {
  nodes: DocNode[];
  wires: Wire[];
}

const COL = 190;
const ROW = 96;

function op(b: Builder, type: OpNode['op'], at: Position, label: string, group: GroupTag | undefined, param?: number): string {
  const node: OpNode = { id: newId(), kind: 'op', op: type, label, position: at };
  if (param !== undefined) node.param = param;
  if (group) node.group = group;
  b.nodes.push(node);
  return node.id;
}

function value(b: Builder, v: number, label: string, at: Position, group: GroupTag | undefined, trainable: boolean): string {
  const node: ValueNode = { id: newId(), kind: 'value', label, value: v, position: at };
  if (trainable) node.trainable = true;
  if (group) node.group = group;
  b.nodes.push(node);
  return node.id;
}

function wire(b: Builder, source: Source, target: string, port: string): void {
  const w: Wire = { id: newId(), source: source.id, target, port };
  if (source.from && source.from !== 'out') w.from = source.from;
  b.wires.push(w);
}

/** act(b + w0·x0 + ...) as ops; returns the node producing the output. */
function neuronOps(
  b: Builder,
  weights: readonly number[],
  bias: number,
  inputs: readonly (Source | null)[],
  activation: Activation,
  name: string,
  at: Position,
  group: (role: string) => GroupTag,
  unit: number,
): string {
  const w = weights.map((x, i) => value(b, x, `${name}.w${i}`, { x: at.x, y: at.y + i * ROW }, group(`w:${unit}:${i}`), true));
  let sum = value(b, bias, `${name}.b`, { x: at.x, y: at.y + weights.length * ROW }, group(`b:${unit}`), true);
  weights.forEach((_, i) => {
    const product = op(b, 'mul', { x: at.x + COL, y: at.y + i * ROW }, '', group(`mul:${unit}:${i}`));
    wire(b, { id: w[i]! }, product, 'a');
    const input = inputs[i];
    if (input) wire(b, input, product, 'b');
    const next = op(b, 'add', { x: at.x + 2 * COL + i * 40, y: at.y + i * ROW + ROW / 2 }, i === weights.length - 1 && activation === 'linear' ? name : '', group(`add:${unit}:${i}`));
    wire(b, { id: sum }, next, 'a');
    wire(b, { id: product }, next, 'b');
    sum = next;
  });
  if (activation === 'linear') return sum;
  const out = op(b, activation, { x: at.x + 3 * COL + weights.length * 40, y: at.y + (weights.length * ROW) / 2 }, name, group(`act:${unit}`));
  wire(b, { id: sum }, out, 'x');
  return out;
}

/** One sample's loss as ops, as kinds/loss.ts's sampleLoss computes it. */
function lossOps(b: Builder, kind: LossKind, score: Source | null, target: Source | null, name: string, at: Position): string {
  const connect = (src: Source | null, id: string, port: string) => src && wire(b, src, id, port);
  switch (kind) {
    case 'softmax':
      throw new Error('unreachable: scalarize lays a softmax out with softmaxOps');
    case 'squared': {
      const diff = op(b, 'sub', at, 'error', undefined);
      connect(score, diff, 'a');
      connect(target, diff, 'b');
      const sq = op(b, 'pow', { x: at.x + COL, y: at.y }, name, undefined, 2);
      wire(b, { id: diff }, sq, 'x');
      return sq;
    }
    case 'hinge': {
      const negY = op(b, 'neg', { x: at.x, y: at.y + ROW }, '-y', undefined);
      connect(target, negY, 'x');
      const margin = op(b, 'mul', { x: at.x + COL, y: at.y }, 'margin', undefined);
      connect(score, margin, 'a');
      wire(b, { id: negY }, margin, 'b');
      const one = b.nodes.push({ id: newId(), kind: 'constant', value: 1, position: { x: at.x + COL, y: at.y + ROW } });
      const plus = op(b, 'add', { x: at.x + 2 * COL, y: at.y }, '', undefined);
      wire(b, { id: margin }, plus, 'a');
      wire(b, { id: b.nodes[one - 1]!.id }, plus, 'b');
      const out = op(b, 'relu', { x: at.x + 3 * COL, y: at.y }, name, undefined);
      wire(b, { id: plus }, out, 'x');
      return out;
    }
    case 'bce': {
      // z = score·(−y); loss = relu(z) + log(1 + exp(−(relu(z) + relu(−z))))
      const negY = op(b, 'neg', { x: at.x, y: at.y + ROW }, '-y', undefined);
      connect(target, negY, 'x');
      const z = op(b, 'mul', { x: at.x + COL, y: at.y }, 'z', undefined);
      connect(score, z, 'a');
      wire(b, { id: negY }, z, 'b');
      const rz = op(b, 'relu', { x: at.x + 2 * COL, y: at.y }, '', undefined);
      wire(b, { id: z }, rz, 'x');
      const nz = op(b, 'neg', { x: at.x + 2 * COL, y: at.y + ROW }, '', undefined);
      wire(b, { id: z }, nz, 'x');
      const rnz = op(b, 'relu', { x: at.x + 3 * COL, y: at.y + ROW }, '', undefined);
      wire(b, { id: nz }, rnz, 'x');
      const abs = op(b, 'add', { x: at.x + 4 * COL, y: at.y + ROW }, '|z|', undefined);
      wire(b, { id: rz }, abs, 'a');
      wire(b, { id: rnz }, abs, 'b');
      const nabs = op(b, 'neg', { x: at.x + 5 * COL, y: at.y + ROW }, '', undefined);
      wire(b, { id: abs }, nabs, 'x');
      const e = op(b, 'exp', { x: at.x + 6 * COL, y: at.y + ROW }, '', undefined);
      wire(b, { id: nabs }, e, 'x');
      const one = b.nodes.push({ id: newId(), kind: 'constant', value: 1, position: { x: at.x + 6 * COL, y: at.y + 2 * ROW } });
      const plus = op(b, 'add', { x: at.x + 7 * COL, y: at.y + ROW }, '', undefined);
      wire(b, { id: e }, plus, 'a');
      wire(b, { id: b.nodes[one - 1]!.id }, plus, 'b');
      const lg = op(b, 'log', { x: at.x + 8 * COL, y: at.y + ROW }, '', undefined);
      wire(b, { id: plus }, lg, 'x');
      const out = op(b, 'add', { x: at.x + 9 * COL, y: at.y }, name, undefined);
      wire(b, { id: rz }, out, 'a');
      wire(b, { id: lg }, out, 'b');
      return out;
    }
  }
}

/** How many scalar nodes expanding this node makes (for caps). */
export function scalarSize(node: DocNode): number {
  const neuron = (nin: number, activation: Activation) => 3 * nin + 1 + (activation === 'linear' ? 0 : 1);
  if (node.kind === 'neuron') return neuron(node.weights.length, node.activation);
  if (node.kind === 'layer') return node.weights.reduce((n, row) => n + neuron(row.length, node.activation), 0);
  if (node.kind === 'loss' && node.loss === 'softmax') return softmaxOps(lossClasses(node), [], null, '', { x: 0, y: 0 }).nodes.length;
  if (node.kind === 'loss') return node.loss === 'squared' ? 2 : node.loss === 'hinge' ? 5 : 13;
  return 1;
}

/**
 * Replaces each of `ids` (neurons, layers, losses) with its scalar ops, rewiring what fed it
 * and what it fed. Other nodes stay as they are. Returns the new document and the created ids.
 */
export function scalarize(doc: GraphDoc, ids: Iterable<string>): { doc: GraphDoc; created: string[] } {
  let current = doc;
  const created: string[] = [];
  for (const id of ids) {
    const node = current.nodes[id];
    if (!node || (node.kind !== 'neuron' && node.kind !== 'layer' && node.kind !== 'loss')) continue;
    const incoming = incomingWires(current);
    const sources = inputPorts(node).map((port): Source | null => {
      const w = incoming.get(id)?.get(port);
      return w ? (w.from ? { id: w.source, from: w.from } : { id: w.source }) : null;
    });
    const b: Builder = { nodes: [], wires: [] };
    const outs = new Map<string, string>();
    const at = node.position;
    if (node.kind === 'loss' && node.loss === 'softmax') {
      const k = lossClasses(node);
      const made = softmaxOps(k, sources.slice(0, k), sources[k] ?? null, node.label || 'loss', at);
      b.nodes.push(...made.nodes);
      b.wires.push(...made.wires);
      outs.set('out', made.rootId);
    } else if (node.kind === 'loss') {
      outs.set('out', lossOps(b, node.loss, sources[0] ?? null, sources[1] ?? null, node.label || 'loss', at));
    } else {
      const groupId = newId();
      const tag = (role: string): GroupTag => ({ id: groupId, kind: node.kind as 'neuron' | 'layer', label: node.label, activation: node.activation, role });
      const rows = node.kind === 'neuron' ? [{ w: node.weights, b: node.bias }] : node.weights.map((w, j) => ({ w, b: node.biases[j]! }));
      let y = at.y;
      rows.forEach((row, j) => {
        const name = node.kind === 'neuron' ? node.label : `${node.label}.y${j}`;
        const out = neuronOps(b, row.w, row.b, sources, node.activation, name, { x: at.x, y }, tag, j);
        outs.set(outputPorts(node)[j]!, out);
        y += (row.w.length + 1) * ROW + 40;
      });
    }
    const nodes: Record<string, DocNode> = { ...current.nodes };
    delete nodes[id];
    for (const n of b.nodes) nodes[n.id] = n;
    const wires: Record<string, Wire> = {};
    for (const [wid, w] of Object.entries(current.wires)) {
      if (w.target === id) continue;
      if (w.source === id) {
        const replacement = outs.get(w.from ?? 'out');
        if (replacement) wires[wid] = { id: wid, source: replacement, target: w.target, port: w.port };
        continue;
      }
      wires[wid] = w;
    }
    for (const w of b.wires) wires[w.id] = w;
    const output = current.output === id ? (outs.get('out') ?? outs.values().next().value ?? null) : current.output;
    current = { ...current, nodes, wires, output };
    created.push(...b.nodes.map((n) => n.id));
  }
  return { doc: current, created };
}

/** Softmax cross-entropy as the very ops softmaxCrossEntropy builds, its scores and target wired in. */
function softmaxOps(k: number, scores: readonly (Source | null)[], target: Source | null, name: string, at: Position) {
  const s = Array.from({ length: k }, (_, j) => new Value(0, `s${j}`));
  const t = new Value(0, 'y');
  const inputs = new Map<Value, Source | null>(s.map((v, j) => [v, scores[j] ?? null]));
  inputs.set(t, target);
  return valueGraphNodes(softmaxCrossEntropy(s, t), inputs, name, at);
}
