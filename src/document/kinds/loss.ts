import { getOp, type OpType, type Value } from '../../engine';
import { z } from '../zod';
import { expected, labelSchema, oneOf } from '../file/fileFields';
import { nodeFields } from '../file/nodeFields';
import { newId } from '../ids';
import type { PlanOperand } from '../codegen/plan';
import type { Position } from '../types';
import type { KindDef, NodeBase } from './KindDef';

/**
 * How a Loss node scores one sample. 'softmax' is softmax + cross-entropy over k scores, one
 * per class, against a target that is the class number 0..k−1.
 */
export type LossKind = 'squared' | 'hinge' | 'bce' | 'softmax';

/**
 * One sample's loss from a prediction and its target. Training sums ('squared', the lecture's
 * loss) or averages ('hinge', 'bce') it over the batch and adds L2 on the parameters.
 */
export interface LossNode extends NodeBase {
  kind: 'loss';
  label: string;
  loss: LossKind;
  /** Classes a softmax loss reads, one score port each (2..8); absent for the other losses. */
  classes?: number;
}

/** Most classes a softmax loss (and a dataset) may have: more colours than this cannot be told apart. */
export const MAX_CLASSES = 8;

/** A loss node; micrograd's demo uses the hinge loss. */
export function createLoss(position: Position, loss: LossKind = 'hinge'): LossNode {
  return { id: newId(), kind: 'loss', position, label: 'loss', loss };
}

/** The losses a Loss node may compute. */
const LOSS_KINDS: readonly LossKind[] = ['squared', 'hinge', 'bce', 'softmax'];

/** The loss node's inputs: the network's prediction and the sample's target. */
export const LOSS_PORTS = ['score', 'target'] as const;

/** A softmax's class count when the node does not say. */
export const DEFAULT_CLASSES = 3;

/** How many scores the loss reads: k for a softmax, 1 for the others. */
export function lossClasses(node: Pick<LossNode, 'loss' | 'classes'>): number {
  return node.loss === 'softmax' ? (node.classes ?? DEFAULT_CLASSES) : 1;
}

/** The loss's input ports: 'score', 'target', or for a softmax 's0' … 's(k−1)', 'target'. */
export function lossPorts(node: Pick<LossNode, 'loss' | 'classes'>): readonly string[] {
  if (node.loss !== 'softmax') return LOSS_PORTS;
  return [...Array.from({ length: lossClasses(node) }, (_, j) => `s${j}`), 'target'];
}

/** Why a softmax over this many classes is refused, or null. */
export function softmaxClassesProblem(classes: number): string | null {
  if (classes < 2) return `is a softmax over ${classes} class: its one probability is always 1, so nothing can be learnt. Give it at least 2 classes.`;
  if (classes > MAX_CLASSES) return `is a softmax over ${classes} classes; at most ${MAX_CLASSES} are allowed.`;
  return null;
}

const lossKindSchema = z.custom<LossKind>((v) => typeof v === 'string' && (LOSS_KINDS as readonly string[]).includes(v), {
  error: expected(oneOf(LOSS_KINDS)),
});

/**
 * One sample's loss, with the same ops as src/nn's losses so the digits agree: squared
 * (s − y)², hinge relu(1 − y·s), cross-entropy softplus(−y·s) in its overflow-safe form, and
 * softmax cross-entropy over `scores` (see softmaxCrossEntropy). The others read scores[0].
 */
export function sampleLoss(kind: LossKind, scores: readonly Value[], target: Value, label = ''): Value {
  let out: Value;
  const score = scores[0]!;
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
    case 'softmax':
      out = softmaxCrossEntropy(scores, target);
      break;
  }
  out.label = label;
  return out;
}

/**
 * −log softmax(s)[t] = log Σ exp(s_j) − s_t, with scalar ops only, so the step mode, the point
 * graph and both trainers see an ordinary op graph. The target picks its score through a one-hot
 * built from relu: relu(1 − |t − j|) is 1 when t = j and 0 for any other integer t, and it needs
 * no gradient (the target is data). Not shifted by the max score: the Value engine has no max op,
 * and a score large enough to overflow exp (above 709) makes the trainer roll back the step.
 */
export function softmaxCrossEntropy(scores: readonly Value[], target: Value): Value {
  let sumExp = scores[0]!.exp();
  for (let j = 1; j < scores.length; j++) sumExp = sumExp.add(scores[j]!.exp());
  let picked: Value | null = null;
  scores.forEach((s, j) => {
    const hot = target.sub(j).relu().add(target.neg().add(j).relu()).neg().add(1).relu();
    const term = s.mul(hot);
    picked = picked === null ? term : picked.add(term);
  });
  return sumExp.log().sub(picked!);
}

/** The ops each loss is built from (its Python helpers come from these). */
const LOSS_OPS: Readonly<Record<LossKind, readonly OpType[]>> = {
  squared: ['sub', 'pow'],
  hinge: ['mul', 'neg', 'add', 'relu'],
  bce: ['mul', 'neg', 'add', 'relu', 'exp', 'log'],
  softmax: ['sub', 'add', 'neg', 'relu', 'mul', 'exp', 'log'],
};

/** The loss kind: what training minimises. The trainer expands it into ops itself. */
export const lossKind: KindDef<LossNode, 'position' | 'label' | 'loss' | 'classes'> = {
  kind: 'loss',
  fileSchema: z.object({
    ...nodeFields('loss'),
    /** The name shown on the node and used in generated code. */
    label: labelSchema,
    /** Which loss. */
    loss: lossKindSchema,
    /** A softmax's class count (1 is read, and refused on the node, so the reason can be shown). */
    classes: z.number().int().min(1).max(MAX_CLASSES).optional(),
  }),
  copy: (node) => ({
    id: node.id,
    kind: 'loss',
    position: { x: node.position.x, y: node.position.y },
    label: node.label,
    loss: node.loss,
    ...(node.loss === 'softmax' ? { classes: lossClasses(node) } : {}),
  }),
  patchable: ['position', 'label', 'loss', 'classes'],
  leaf: false,
  inputPorts: (node) => lossPorts(node),
  refusesWires: (node) => (node.loss === 'softmax' ? prefixed(softmaxClassesProblem(lossClasses(node))) : null),
  evaluate: (node, inputs) => {
    const k = lossClasses(node);
    const bad = node.loss === 'softmax' ? prefixed(softmaxClassesProblem(k)) : null;
    if (bad !== null) return { refused: bad };
    return { outputs: [sampleLoss(node.loss, inputs.slice(0, k), inputs[k]!, node.label)] };
  },
  code: {
    variable: 'computed',
    // A softmax over fewer than 2 or more than MAX_CLASSES classes computes nothing to write.
    whyNot: (node) => {
      const problem = node.loss === 'softmax' ? softmaxClassesProblem(lossClasses(node)) : null;
      return problem === null ? null : `it ${problem}`;
    },
    plan(node, ctx) {
      const { id, name, label } = ctx;
      const args = ctx.args() as PlanOperand[];
      const k = lossClasses(node);
      for (const type of LOSS_OPS[node.loss]) ctx.use(getOp(type));
      // Cross-entropy needs −target·score three times: computed once into a temporary first.
      // A softmax's sum of exps and picked score each get a line of their own, to be readable.
      const temps = node.loss === 'bce' ? [ctx.fresh(`${name}_z`)] : node.loss === 'softmax' ? [ctx.fresh(`${name}_sum_exp`), ctx.fresh(`${name}_picked`)] : [];
      return { kind: 'loss', id, name, label, loss: node.loss, scores: args.slice(0, k), target: args[k]!, temps, prints: [ctx.out(name, label)] };
    },
  },
  trainer: { unit: () => null, check: (node) => (node.loss === 'softmax' ? softmaxClassesProblem(lossClasses(node)) : null) },
};

function prefixed(problem: string | null): string | null {
  return problem === null ? null : `This loss ${problem}`;
}
