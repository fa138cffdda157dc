import { getOp, type OpType } from '../engine';
import { newId } from './ids';
import type { Activation } from '../nn/activation';
import type { ConstantNode, InputNode, LayerNode, LossKind, LossNode, NeuronNode, OpNode, Position, TargetNode, ValueNode } from './types';

/** A new leaf Value. */
export function createValue(position: Position, value = 1, label = ''): ValueNode {
  return { id: newId(), kind: 'value', position, value, label };
}

/** A new constant. */
export function createConstant(position: Position, value = 1): ConstantNode {
  return { id: newId(), kind: 'constant', position, value };
}

/** A new op node, with the op's default parameter where it has one. */
export function createOp(op: OpType, position: Position, label = ''): OpNode {
  const def = getOp(op);
  const node: OpNode = { id: newId(), kind: 'op', op, position, label };
  if (def.param) node.param = def.param.defaultValue;
  return node;
}

/** A dataset feature; `feature` 0 is x1. */
export function createInput(position: Position, feature = 0): InputNode {
  return { id: newId(), kind: 'input', position, label: `x${feature + 1}`, feature, value: 0 };
}

/** The sample's label. */
export function createTarget(position: Position): TargetNode {
  return { id: newId(), kind: 'target', position, label: 'y', value: 1 };
}

/** A loss node; micrograd's demo uses the hinge loss. */
export function createLoss(position: Position, loss: LossKind = 'hinge'): LossNode {
  return { id: newId(), kind: 'loss', position, label: 'loss', loss };
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
