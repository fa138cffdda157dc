import { getOp, type OpType, type Value } from '../../engine';
import { z } from '../zod';
import { expected, labelSchema, oneOf } from '../file/fileFields';
import { nodeFields } from '../file/nodeFields';
import { newId } from '../ids';
import type { PlanOperand } from '../codegen/plan';
import type { Position } from '../types';
import type { KindDef, NodeBase } from './KindDef';

/** How a Loss node scores one sample. */
export type LossKind = 'squared' | 'hinge' | 'bce';

/**
 * One sample's loss from a prediction and its target. Training sums ('squared', the lecture's
 * loss) or averages ('hinge', 'bce') it over the batch and adds L2 on the parameters.
 */
export interface LossNode extends NodeBase {
  kind: 'loss';
  label: string;
  loss: LossKind;
}

/** A loss node; micrograd's demo uses the hinge loss. */
export function createLoss(position: Position, loss: LossKind = 'hinge'): LossNode {
  return { id: newId(), kind: 'loss', position, label: 'loss', loss };
}

/** The losses a Loss node may compute. */
const LOSS_KINDS: readonly LossKind[] = ['squared', 'hinge', 'bce'];

/** The loss node's inputs: the network's prediction and the sample's target. */
export const LOSS_PORTS = ['score', 'target'] as const;

const lossKindSchema = z.custom<LossKind>((v) => typeof v === 'string' && (LOSS_KINDS as readonly string[]).includes(v), {
  error: expected(oneOf(LOSS_KINDS)),
});

/**
 * One sample's loss, with the same ops as src/nn's losses so the digits agree: squared
 * (s − y)², hinge relu(1 − y·s), and cross-entropy softplus(−y·s) in its overflow-safe form.
 */
export function sampleLoss(kind: LossKind, score: Value, target: Value, label = ''): Value {
  let out: Value;
  switch (kind) {
    case 'squared':
      out = score.sub(target).pow(2);
      break;
    case 'hinge':
      out = score.mul(target.neg()).add(1).relu();
      break;
    case 'bce': {
      const z = score.mul(target.neg());
      const absZ = z.relu().add(z.neg().relu());
      out = z.relu().add(absZ.neg().exp().add(1).log());
      break;
    }
  }
  out.label = label;
  return out;
}

/** The ops each loss is built from (its Python helpers come from these). */
const LOSS_OPS: Readonly<Record<LossKind, readonly OpType[]>> = {
  squared: ['sub', 'pow'],
  hinge: ['mul', 'neg', 'add', 'relu'],
  bce: ['mul', 'neg', 'add', 'relu', 'exp', 'log'],
};

/** The loss kind: what training minimises. The trainer expands it into ops itself. */
export const lossKind: KindDef<LossNode, 'position' | 'label' | 'loss'> = {
  kind: 'loss',
  fileSchema: z.object({
    ...nodeFields('loss'),
    /** The name shown on the node and used in generated code. */
    label: labelSchema,
    /** Which loss. */
    loss: lossKindSchema,
  }),
  copy: (node) => ({ id: node.id, kind: 'loss', position: { x: node.position.x, y: node.position.y }, label: node.label, loss: node.loss }),
  patchable: ['position', 'label', 'loss'],
  leaf: false,
  inputPorts: () => LOSS_PORTS,
  evaluate: (node, [score, target]) => ({ outputs: [sampleLoss(node.loss, score!, target!, node.label)] }),
  code: {
    variable: 'computed',
    plan(node, ctx) {
      const { id, name, label } = ctx;
      const [score, target] = ctx.args() as [PlanOperand, PlanOperand];
      for (const type of LOSS_OPS[node.loss]) ctx.use(getOp(type));
      // Cross-entropy needs −target·score three times: computed once into a temporary first.
      const temp = node.loss === 'bce' ? ctx.fresh(`${name}_z`) : null;
      return { kind: 'loss', id, name, label, loss: node.loss, score, target, temp, prints: [ctx.out(name, label)] };
    },
  },
  trainer: { unit: () => null },
};
