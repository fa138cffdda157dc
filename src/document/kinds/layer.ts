import { Value } from '../../engine';
import type { Activation } from '../../nn/activation';
import { z } from '../zod';
import { expected, finite, FILE_LIMITS, labelSchema } from '../file/fileFields';
import { activationSchema, nodeFields, weightRowSchema } from '../file/nodeFields';
import type { PlanNeuron, PlanPrint } from '../codegen/plan';
import { newId } from '../ids';
import type { Position } from '../types';
import type { KindDef, NodeBase } from './KindDef';
import { neuronValue, useActivation } from './neuron';
import { indexedPorts } from './portNames';

/** A layer of neurons sharing inputs: inputs x0..x(nin−1), outputs y0..y(nout−1). */
export interface LayerNode extends NodeBase {
  kind: 'layer';
  label: string;
  activation: Activation;
  /** weights[j][i]: from input i to neuron j. */
  weights: number[][];
  biases: number[];
}

/** A layer of `nout` neurons over `nin` inputs, initialised like `createNeuron`. */
export function createLayer(position: Position, nin = 2, nout = 2, activation: Activation = 'relu', random: () => number = Math.random, label = 'layer'): LayerNode {
  return {
    id: newId(),
    kind: 'layer',
    position,
    label,
    activation,
    weights: Array.from({ length: nout }, () => Array.from({ length: nin }, () => random() * 2 - 1)),
    biases: Array.from({ length: nout }, () => 0),
  };
}

/** A layer's weights: one row per neuron, every row as long as the layer has inputs. */
const weightMatrixSchema = z
  .array(weightRowSchema, { error: expected('a list of rows of weights, one row per neuron') })
  .min(1, { error: 'must hold at least one row (one per neuron)' })
  .max(FILE_LIMITS.maxLayerWidth, { error: `must hold at most ${FILE_LIMITS.maxLayerWidth} rows (neurons)` })
  .superRefine((rows, ctx) => {
    // zod runs this even when a check above failed (an empty list, a row that is not a list):
    // then there is nothing to compare, and that failure is already reported.
    if (rows.length === 0 || !rows.every(Array.isArray)) return;
    const nin = rows[0]!.length;
    const ragged = rows.findIndex((row) => row.length !== nin);
    if (ragged > 0) {
      ctx.addIssue({
        code: 'custom',
        path: [ragged],
        message: `has ${rows[ragged]!.length} weight${rows[ragged]!.length === 1 ? '' : 's'}, but 'weights.0' has ${nin}: every row needs one weight per input`,
      });
    }
  });

const fileSchema = z
  .object({
    ...nodeFields('layer'),
    /** The name shown on the node and used in generated code. */
    label: labelSchema,
    /** The squashing function every neuron of the layer applies. */
    activation: activationSchema,
    /** weights[j][i]: from input i to neuron j. */
    weights: weightMatrixSchema,
    /** One bias per neuron. */
    biases: z.array(finite(), { error: expected('a list of numbers, one per neuron') }),
  })
  .superRefine((layer, ctx) => {
    // Only when both lists read; otherwise their own problem is the one to report.
    if (!Array.isArray(layer.weights) || layer.weights.length === 0 || !Array.isArray(layer.biases)) return;
    const nout = layer.weights.length;
    if (layer.biases.length !== nout) {
      ctx.addIssue({
        code: 'custom',
        path: ['biases'],
        message: `has ${layer.biases.length} number${layer.biases.length === 1 ? '' : 's'}, but the layer has ${nout} neuron${nout === 1 ? '' : 's'} (rows of 'weights'): it needs one bias per neuron`,
      });
    }
  });

/** True when every row has as many weights as the first and there is a bias per neuron. */
function wellShaped(node: LayerNode): boolean {
  const nin = node.weights[0]?.length ?? 0;
  return node.weights.every((row) => row.length === nin) && node.biases.length === node.weights.length;
}

/** The layer kind: the only kind with several outputs. */
export const layerKind: KindDef<LayerNode, 'position' | 'label' | 'activation' | 'weights' | 'biases'> = {
  kind: 'layer',
  fileSchema,
  copy: (node) => ({
    id: node.id,
    kind: 'layer',
    position: { x: node.position.x, y: node.position.y },
    label: node.label,
    activation: node.activation,
    weights: node.weights.map((row) => [...row]),
    biases: [...node.biases],
  }),
  patchable: ['position', 'label', 'activation', 'weights', 'biases'],
  leaf: false,
  inputPorts: (node) => indexedPorts('x', node.weights[0]?.length ?? 0),
  outputPorts: (node) => indexedPorts('y', node.weights.length),
  evaluate(node, inputs) {
    const w = node.weights.map((row, j) => row.map((x, i) => new Value(x, `${node.label}.w${j}.${i}`)));
    const b = node.biases.map((x, j) => new Value(x, `${node.label}.b${j}`));
    return { outputs: w.map((row, j) => neuronValue(row, b[j]!, inputs, node.activation, `${node.label}.y${j}`)), params: { weights: w, bias: b } };
  },
  code: {
    variable: 'computed',
    whyNot(node) {
      if (node.weights.length === 0) return 'it has no neurons';
      if (node.biases.length !== node.weights.length) return `it has ${node.biases.length} biases for ${node.weights.length} neurons`;
      if (node.weights.some((row) => row.length !== node.weights[0]!.length)) return 'its rows of weights differ in length';
      return null;
    },
    whyNotOutput: (node) => `is a layer: backward starts from one number, not ${node.weights.length}`,
    plan(node, ctx) {
      const { id, name } = ctx;
      const inputs = ctx.args();
      useActivation(node.activation, ctx);
      const shown = node.label || name;
      const prints: PlanPrint[] = [];
      const neurons: PlanNeuron[] = [];
      node.weights.forEach((row, j) => {
        const weights = row.map((w, i) => ctx.param(name, shown, `w${j}.${i}`, w));
        const bias = ctx.param(name, shown, `b${j}`, node.biases[j]!);
        const y = ctx.fresh(`${name}_y${j}`);
        ctx.nameOutput(`y${j}`, y);
        weights.forEach((w, i) => prints.push({ name: w.name, label: w.label, of: { kind: 'weight', id, neuron: j, input: i } }));
        prints.push({ name: bias.name, label: bias.label, of: { kind: 'bias', id, neuron: j } });
        prints.push(ctx.out(y, `${shown}.y${j}`, `y${j}`));
        neurons.push({ name: y, label: `${shown}.y${j}`, weights, bias });
      });
      return { kind: 'neurons', id, what: 'layer', title: shown, activation: node.activation, inputs, neurons, prints };
    },
  },
  trainer: {
    check: (node) => (wellShaped(node) ? null : 'has weight rows of different lengths or a bias per neuron missing.'),
    params: (node) =>
      node.weights.flatMap((row, j) => [...row.map((_, i) => ({ field: 'weight' as const, unit: j, input: i })), { field: 'bias' as const, unit: j, input: 0 }]),
    readParam: (node, slot) =>
      slot.field === 'weight' ? node.weights[slot.unit]?.[slot.input] : slot.field === 'bias' ? node.biases[slot.unit] : undefined,
    writeParam(node, slot, value, owned) {
      const copy = owned ? node : { ...node, weights: node.weights.map((row) => [...row]), biases: [...node.biases] };
      if (slot.field === 'bias') copy.biases[slot.unit] = value;
      else copy.weights[slot.unit]![slot.input] = value;
      return copy;
    },
    unit: (node, inputs, firstParam) => ({
      kind: 'dense',
      activation: node.activation,
      nin: node.weights[0]?.length ?? 0,
      nout: node.weights.length,
      firstParam: firstParam!,
      inputs: inputs(),
    }),
  },
};
