import { z } from '../zod';
import { findOp, OPS, type OpType } from '../../engine';
import { ACTIVATIONS, type Activation } from '../../nn/activation';
import { coordinate, expected, FILE_LIMITS, finite, idSchema, labelSchema, oneOf } from './fileFields';
import type { LossKind } from '../types';

/**
 * One node in the saved graph file (see `fileFormat.ts`): a zod schema for each node kind and
 * the discriminated union on `kind` that picks among them. To add a node kind, add its schema
 * to `NODE_FILE_SCHEMAS` below.
 */

const positionSchema = z.object(
  {
    /** Left edge on the canvas, in flow coordinates. */
    x: coordinate(),
    /** Top edge on the canvas, in flow coordinates. */
    y: coordinate(),
  },
  { error: expected('an object with x and y') },
);

const OP_RULE = `one of the operations ${OPS.map((op) => `'${op.type}'`).join(', ')}`;

/** An op type known to the registry; checked through `findOp`, so a new op needs no change here. */
const opTypeSchema = z.custom<OpType>((v) => typeof v === 'string' && findOp(v) !== undefined, {
  error: expected(OP_RULE),
});

const ACTIVATION_RULE = oneOf(ACTIVATIONS);

/** A neuron's squashing function. */
const activationSchema = z.custom<Activation>((v) => typeof v === 'string' && (ACTIVATIONS as readonly string[]).includes(v), {
  error: expected(ACTIVATION_RULE),
});

/** The losses a Loss node may compute. */
export const LOSS_KINDS: readonly LossKind[] = ['squared', 'hinge', 'bce'];

const lossKindSchema = z.custom<LossKind>((v) => typeof v === 'string' && (LOSS_KINDS as readonly string[]).includes(v), {
  error: expected(oneOf(LOSS_KINDS)),
});

/** One neuron's weights, one per input. */
const weightRowSchema = z
  .array(finite(), { error: expected('a list of numbers') })
  .min(1, { error: 'must hold at least one weight' })
  .max(FILE_LIMITS.maxFanIn, { error: `must hold at most ${FILE_LIMITS.maxFanIn} weights` });

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

/** On the scalar nodes of an expanded neuron or layer: enough to put it back together. */
const groupSchema = z.object({
  /** Shared by the nodes of one expansion. */
  id: idSchema,
  /** What was expanded. */
  kind: z.enum(['neuron', 'layer']),
  /** Its label. */
  label: labelSchema,
  /** Its activation. */
  activation: z.custom<Activation>((v) => typeof v === 'string' && (ACTIVATIONS as readonly string[]).includes(v)),
  /** This node's part ('w:0:1', 'b:0', 'mul:0:1', 'add:0:1', 'act:0'). */
  role: z.string().regex(/^(w|mul|add):\d{1,4}:\d{1,4}$|^(b|act):\d{1,4}$/),
});

/** A leaf Value in the file. */
const valueNodeFileSchema = z.object({
  /** The node's id, unique among nodes. */
  id: idSchema,
  /** Which kind of node this is. */
  kind: z.literal('value'),
  /** Top-left corner on the canvas. */
  position: positionSchema,
  /** The name shown on the node and used in generated code. */
  label: labelSchema,
  /** The leaf's data. */
  value: finite(),
  /** A parameter training changes; written only when true. */
  trainable: z.boolean({ error: expected('true or false') }).optional(),
  /** Set when the node came from expanding a neuron or layer. */
  group: groupSchema.optional(),
});

/** A dataset feature in the file. */
const inputNodeFileSchema = z.object({
  /** The node's id, unique among nodes. */
  id: idSchema,
  /** Which kind of node this is. */
  kind: z.literal('input'),
  /** Top-left corner on the canvas. */
  position: positionSchema,
  /** The name shown on the node and used in generated code. */
  label: labelSchema,
  /** Which column of the dataset (0 is x1). */
  feature: z
    .number({ error: expected(`a whole number from 0 to ${FILE_LIMITS.maxFeature}`) })
    .int({ error: `must be a whole number from 0 to ${FILE_LIMITS.maxFeature}` })
    .min(0, { error: `must be a whole number from 0 to ${FILE_LIMITS.maxFeature}` })
    .max(FILE_LIMITS.maxFeature, { error: `must be a whole number from 0 to ${FILE_LIMITS.maxFeature}` }),
  /** The sample shown when not training. */
  value: finite(),
});

/** A sample's label in the file. */
const targetNodeFileSchema = z.object({
  /** The node's id, unique among nodes. */
  id: idSchema,
  /** Which kind of node this is. */
  kind: z.literal('target'),
  /** Top-left corner on the canvas. */
  position: positionSchema,
  /** The name shown on the node and used in generated code. */
  label: labelSchema,
  /** The label shown when not training. */
  value: finite(),
});

/** A per-sample loss in the file. */
const lossNodeFileSchema = z.object({
  /** The node's id, unique among nodes. */
  id: idSchema,
  /** Which kind of node this is. */
  kind: z.literal('loss'),
  /** Top-left corner on the canvas. */
  position: positionSchema,
  /** The name shown on the node and used in generated code. */
  label: labelSchema,
  /** Which loss. */
  loss: lossKindSchema,
});

/** A neuron in the file. */
const neuronNodeFileSchema = z.object({
  /** The node's id, unique among nodes. */
  id: idSchema,
  /** Which kind of node this is. */
  kind: z.literal('neuron'),
  /** Top-left corner on the canvas. */
  position: positionSchema,
  /** The name shown on the node and used in generated code. */
  label: labelSchema,
  /** The squashing function. */
  activation: activationSchema,
  /** One weight per input (x0, x1, ...). */
  weights: weightRowSchema,
  /** The bias. */
  bias: finite(),
});

/** A layer in the file. */
const layerNodeFileSchema = z
  .object({
    /** The node's id, unique among nodes. */
    id: idSchema,
    /** Which kind of node this is. */
    kind: z.literal('layer'),
    /** Top-left corner on the canvas. */
    position: positionSchema,
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

/** A plain number operand in the file. */
const constantNodeFileSchema = z.object({
  /** The node's id, unique among nodes. */
  id: idSchema,
  /** Which kind of node this is. */
  kind: z.literal('constant'),
  /** Top-left corner on the canvas. */
  position: positionSchema,
  /** The number. */
  value: finite(),
});

/** An op node in the file. */
const opNodeFileSchema = z.object({
  /** The node's id, unique among nodes. */
  id: idSchema,
  /** Which kind of node this is. */
  kind: z.literal('op'),
  /** Top-left corner on the canvas. */
  position: positionSchema,
  /** The registry op's type ('add', 'pow', ...). */
  op: opTypeSchema,
  /** The name of this intermediate Value; may be empty. */
  label: labelSchema,
  /** The op's numeric parameter (pow's exponent); absent for ops without one. */
  param: finite().optional(),
  /** Set when the node came from expanding a neuron or layer. */
  group: groupSchema.optional(),
});

/** Every node kind a version-1 file may hold; add new kinds here. */
const NODE_FILE_SCHEMAS = [
  valueNodeFileSchema,
  constantNodeFileSchema,
  opNodeFileSchema,
  inputNodeFileSchema,
  targetNodeFileSchema,
  lossNodeFileSchema,
  neuronNodeFileSchema,
  layerNodeFileSchema,
] as const;

/** The node kinds a file may hold, for messages. */
export const FILE_NODE_KINDS: readonly string[] = NODE_FILE_SCHEMAS.map((s) => s.shape.kind.value);

const KIND_RULE = `one of ${FILE_NODE_KINDS.map((k) => `'${k}'`).join(', ')}`;

/** One node in the file, told apart by its `kind`. */
export const nodeFileSchema = z.discriminatedUnion('kind', NODE_FILE_SCHEMAS, {
  // Called both when the node is not an object and when its kind matches no schema.
  error: (issue) => {
    if (issue.code === 'invalid_union') return issue.input === undefined ? 'is missing' : `must be ${KIND_RULE}`;
    return 'must be an object';
  },
});

/** One node as stored in a file. */
export type NodeFile = z.infer<typeof nodeFileSchema>;
