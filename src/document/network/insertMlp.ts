import { MLP } from '../../nn/MLP';
import type { Activation } from '../../nn/activation';
import { newId } from '../ids';
import { indexedPorts } from '../ports';
import type { DocNode, GraphDoc, LossKind, Position, Wire } from '../types';

/** What "Insert MLP" draws. */
interface MlpSpec {
  /** How many inputs (dataset features). */
  nin: number;
  /** Neurons per layer, the last being the output: micrograd's [16, 16, 1]. */
  sizes: readonly number[];
  /** Hidden layers' activation (micrograd: relu). */
  activation: Activation;
  /**
   * The last layer's activation: linear by default, as micrograd's demo; the lecture's tiny MLP
   * puts tanh on every layer, the output's too.
   */
  outputActivation?: Activation;
  /** Seeds the weights: the same seed draws the same network as `new MLP(nin, sizes, { seed })`. */
  seed: number;
  /** One node per neuron (every weight its own wire, like TensorFlow Playground) or one per layer. */
  style: 'neurons' | 'layers';
  loss: LossKind;
  /** Top-left of the drawing. */
  at: Position;
}

const COLUMN = 320;
/** Room an input card needs (its feature picker makes it taller than 110 px). */
const ROW_INPUT = 130;
/**
 * Room a neuron card needs: a header and rows, plus about 18 px per input port (the editor's
 * NET_PORTS); past 4 inputs the card has one fixed height of 122 px and its ports fan
 * (NEURON_FAN), so a 16-unit column is short enough to fit a desktop canvas at zoom 0.25.
 */
const neuronPitch = (nin: number) => (nin > 4 ? 140 : Math.max(140, 90 + Math.max(nin, 2) * 18));
/** Neuron columns sit wider apart than layer cards, so the fan of wires between two columns spreads out. */
const NEURON_COLUMN = 440;

/** Largest network Insert MLP draws as separate neurons; wires grow as the square of the width. */
export const MAX_DRAWN_NEURONS = 200;

/**
 * Draws an MLP with inputs bound to dataset features, a target and a loss, wired and ready to
 * train; the loss becomes the output. Weights come from src/nn's MLP with the same seed, so the
 * drawing is exactly that network.
 */
export function insertMlp(doc: GraphDoc, spec: MlpSpec): { doc: GraphDoc; added: string[] } {
  const outputActivation = spec.outputActivation ?? 'linear';
  const mlp = new MLP(spec.nin, spec.sizes, { seed: spec.seed, activation: spec.activation, outputActivation });
  const nodes: DocNode[] = [];
  const wires: Wire[] = [];
  const wire = (source: string, target: string, port: string, from?: string) => {
    const w: Wire = { id: newId(), source, target, port };
    if (from) w.from = from;
    wires.push(w);
  };
  const sizes = [spec.nin, ...spec.sizes];
  const column = spec.style === 'neurons' ? NEURON_COLUMN : COLUMN;
  const height = spec.style === 'neurons' ? Math.max(...spec.sizes.map((n, i) => n * neuronPitch(sizes[i]!))) : 200;
  const centred = (count: number, pitch: number, i: number) => spec.at.y + height / 2 + (i - (count - 1) / 2) * pitch;

  const inputs = Array.from({ length: spec.nin }, (_, f) => {
    const id = newId();
    nodes.push({ id, kind: 'input', label: `x${f + 1}`, feature: f, value: 0, position: { x: spec.at.x, y: centred(spec.nin, ROW_INPUT, f) } });
    return { id, from: undefined as string | undefined };
  });

  let previous = inputs;
  mlp.layers.forEach((layer, li) => {
    const x = spec.at.x + (li + 1) * column;
    const last = li === mlp.layers.length - 1;
    const activation: Activation = last ? outputActivation : spec.activation;
    if (spec.style === 'layers') {
      const id = newId();
      nodes.push({
        id,
        kind: 'layer',
        label: `L${li + 1}`,
        activation,
        weights: layer.neurons.map((n) => n.w.map((w) => w.data)),
        biases: layer.neurons.map((n) => n.b.data),
        position: { x, y: centred(1, 0, 0) - 120 },
      });
      previous.forEach((p, i) => wire(p.id, id, `x${i}`, p.from));
      previous = indexedPorts('y', layer.nout).map((port) => ({ id, from: port }));
      return;
    }
    const pitch = layer.nout > 1 ? neuronPitch(layer.nin) : 0;
    const next = layer.neurons.map((n, j) => {
      const id = newId();
      nodes.push({
        id,
        kind: 'neuron',
        label: `L${li + 1}.N${j}`,
        activation,
        weights: n.w.map((w) => w.data),
        bias: n.b.data,
        position: { x, y: centred(layer.nout, pitch, j) - 40 },
      });
      previous.forEach((p, i) => wire(p.id, id, `x${i}`, p.from));
      return { id, from: undefined as string | undefined };
    });
    previous = next;
  });

  const outX = spec.at.x + (mlp.layers.length + 1) * column;
  const targetId = newId();
  const lossId = newId();
  nodes.push({ id: targetId, kind: 'target', label: 'y', value: 1, position: { x: outX - COLUMN / 2, y: centred(1, 0, 0) + 140 } });
  const lossAt = { x: outX + 40, y: centred(1, 0, 0) - 40 };
  if (spec.loss === 'softmax') {
    // A softmax judges every output: one class per output of the last layer.
    nodes.push({ id: lossId, kind: 'loss', label: 'loss', loss: 'softmax', classes: previous.length, position: lossAt });
    previous.forEach((p, j) => wire(p.id, lossId, `s${j}`, p.from));
  } else {
    nodes.push({ id: lossId, kind: 'loss', label: 'loss', loss: spec.loss, position: lossAt });
    const score = previous[0]!;
    wire(score.id, lossId, 'score', score.from);
  }
  wire(targetId, lossId, 'target');

  const nextNodes = { ...doc.nodes };
  for (const n of nodes) nextNodes[n.id] = n;
  const nextWires = { ...doc.wires };
  for (const w of wires) nextWires[w.id] = w;
  return { doc: { ...doc, nodes: nextNodes, wires: nextWires, output: lossId }, added: nodes.map((n) => n.id) };
}
