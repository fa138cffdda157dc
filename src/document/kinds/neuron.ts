import { getOp, Value, type OpType } from '../../engine';
import { activate, type Activation } from '../../nn/activation';
import { z } from '../zod';
import { finite, labelSchema } from '../file/fileFields';
import { activationSchema, nodeFields, weightRowSchema } from '../file/nodeFields';
import { newId } from '../ids';
import type { PlanPrint } from '../codegen/plan';
import type { Position } from '../types';
import type { KindDef, NodeBase, PlanContext } from './KindDef';
import { indexedPorts } from './portNames';

/**
 * A neuron drawn as one node: act(b + w0·x0 + w1·x1 + ...), its weights and bias kept in the
 * node. One input port per weight (x0, x1, ...), so a wire carries exactly one weight.
 */
export interface NeuronNode extends NodeBase {
  kind: 'neuron';
  label: string;
  activation: Activation;
  weights: number[];
  bias: number;
}

/** A neuron with `nin` inputs, weights uniform in (−1, 1) from `random`, bias 0 (micrograd's init). */
export function createNeuron(position: Position, nin = 2, activation: Activation = 'relu', random: () => number = Math.random, label = 'n'): NeuronNode {
  return {
    id: newId(),
    kind: 'neuron',
    position,
    label,
    activation,
    weights: Array.from({ length: nin }, () => random() * 2 - 1),
    bias: 0,
  };
}

/** act(b + w0·x0 + w1·x1 + ...), summed in src/nn's (micrograd's) order, so the digits agree. */
export function neuronValue(w: readonly Value[], b: Value, x: readonly Value[], activation: Activation, label: string): Value {
  let act = b;
  for (let i = 0; i < w.length; i++) act = act.add(w[i]!.mul(x[i]!));
  const out = activate(act, activation);
  out.label = label;
  return out;
}

/** The op each activation applies; linear applies none. */
const ACTIVATION_OPS: Readonly<Record<Activation, OpType | null>> = { relu: 'relu', tanh: 'tanh', sigmoid: 'sigmoid', linear: null };

/** Notes the op an activation applies as used, so generated code gets its helper. */
export function useActivation(activation: Activation, ctx: PlanContext): void {
  const act = ACTIVATION_OPS[activation];
  if (act !== null) ctx.use(getOp(act));
}

/** The neuron kind. */
export const neuronKind: KindDef<NeuronNode, 'position' | 'label' | 'activation' | 'weights' | 'bias'> = {
  kind: 'neuron',
  fileSchema: z.object({
    ...nodeFields('neuron'),
    /** The name shown on the node and used in generated code. */
    label: labelSchema,
    /** The squashing function. */
    activation: activationSchema,
    /** One weight per input (x0, x1, ...). */
    weights: weightRowSchema,
    /** The bias. */
    bias: finite(),
  }),
  copy: (node) => ({
    id: node.id,
    kind: 'neuron',
    position: { x: node.position.x, y: node.position.y },
    label: node.label,
    activation: node.activation,
    weights: [...node.weights],
    bias: node.bias,
  }),
  patchable: ['position', 'label', 'activation', 'weights', 'bias'],
  leaf: false,
  inputPorts: (node) => indexedPorts('x', node.weights.length),
  evaluate(node, inputs) {
    const w = node.weights.map((x, i) => new Value(x, `${node.label}.w${i}`));
    const b = new Value(node.bias, `${node.label}.b`);
    return { outputs: [neuronValue(w, b, inputs, node.activation, node.label)], params: { weights: w, bias: b } };
  },
  code: {
    variable: 'computed',
    plan(node, ctx) {
      const { id, name, label } = ctx;
      const inputs = ctx.args();
      useActivation(node.activation, ctx);
      const shown = node.label || name;
      const weights = node.weights.map((w, i) => ctx.param(name, shown, `w${i}`, w));
      const bias = ctx.param(name, shown, 'b', node.bias);
      const prints: PlanPrint[] = weights.map((w, i) => ({ name: w.name, label: w.label, of: { kind: 'weight', id, neuron: null, input: i } }));
      prints.push({ name: bias.name, label: bias.label, of: { kind: 'bias', id, neuron: null } });
      return {
        kind: 'neurons',
        id,
        what: 'neuron',
        title: shown,
        activation: node.activation,
        inputs,
        neurons: [{ name, label: shown, weights, bias }],
        prints: [...prints, ctx.out(name, label)],
      };
    },
  },
  trainer: {
    params: (node) => [...node.weights.map((_, i) => ({ field: 'weight' as const, unit: 0, input: i })), { field: 'bias', unit: 0, input: 0 }],
    readParam: (node, slot) => (slot.field === 'weight' ? node.weights[slot.input] : slot.field === 'bias' ? node.bias : undefined),
    writeParam(node, slot, value, owned) {
      const copy = owned ? node : { ...node, weights: [...node.weights] };
      if (slot.field === 'bias') copy.bias = value;
      else copy.weights[slot.input] = value;
      return copy;
    },
    unit: (node, inputs, firstParam) => ({ kind: 'dense', activation: node.activation, nin: node.weights.length, nout: 1, firstParam: firstParam!, inputs: inputs() }),
  },
};
