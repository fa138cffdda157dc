import { z } from 'zod';
import { findOp, OPS, type OpType } from '../engine';
import { ACTIVATIONS, type Activation } from '../nn/activation';
import { DATASETS, isDatasetKind, MAX_POINTS, type DatasetKind } from '../data';
import { CURRENT_VERSION } from './migrations';
import type { LossKind } from './types';

/**
 * The saved graph file, version 1, as a zod schema: the one gate every graph from outside (a
 * file, a shared link, a paste) passes before it reaches the store. In the file, nodes and
 * wires are arrays (readable, in the order they were made); in memory they are Records by id.
 *
 * The schema checks shape and limits only. Whether the wires make sense (ends exist, one wire
 * per port, no cycle) is `validateDoc`'s job, run on the rebuilt document.
 *
 * To add a node kind: add its schema to `NODE_FILE_SCHEMAS`, its case to `serialize.ts`, and
 * (if older files need changing) a migration; the discriminated union on `kind` does the rest.
 */

/** The `format` tag that marks a JSON file as a playground graph. */
export const FILE_FORMAT = 'micrograd-playground/graph';

/**
 * Limits on what a file may hold. Well above anything drawn by hand (the scalar engine is
 * meant for a few thousand nodes), low enough that a hostile file cannot freeze the tab.
 */
export const FILE_LIMITS = {
  /** Characters of JSON text; also the most bytes a share link may decompress to. */
  maxChars: 5 * 1024 * 1024,
  /** Nodes in one graph. */
  maxNodes: 20_000,
  /** Wires in one graph: two per binary op node is the natural bound. */
  maxWires: 40_000,
  /** Characters in a label. */
  maxLabelChars: 200,
  /** Largest |x| or |y| of a position or the viewport, far beyond any canvas a person scrolls. */
  maxCoordinate: 1e7,
  /** Characters in an id (a UUID has 36). */
  maxIdChars: 100,
  /** Highest dataset column an input node may read (0 is x1); far more features than a toy set has. */
  maxFeature: 63,
  /** Weights of one neuron, and inputs of one layer. */
  maxFanIn: 4096,
  /** Neurons (outputs) of one layer. */
  maxLayerWidth: 1024,
  /** Smallest viewport zoom kept; a saved viewport outside the zoom range is dropped. */
  minZoom: 1e-3,
  /** Largest viewport zoom kept. */
  maxZoom: 1e3,
} as const;

const ID_PATTERN = new RegExp(`^[A-Za-z0-9_-]{1,${FILE_LIMITS.maxIdChars}}$`);

/**
 * Names an id may not have. The in-memory Records are plain objects, so an id such as
 * `__proto__` would reach the prototype, and a wire to `toString` would find a "node" (the
 * inherited function) where there is none.
 */
const RESERVED_IDS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** True for an id that is safe as a key of a plain object: short, plain characters, not reserved. */
export function isSafeId(id: string): boolean {
  return ID_PATTERN.test(id) && !RESERVED_IDS.has(id);
}

/** An error message for a field: "is missing" when absent, else what it must be. */
function expected(what: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'is missing' : `must be ${what}`);
}

const finite = () => z.number({ error: expected('a finite number') });

const coordinate = () =>
  finite()
    .min(-FILE_LIMITS.maxCoordinate, { error: `must be between -${FILE_LIMITS.maxCoordinate} and ${FILE_LIMITS.maxCoordinate}` })
    .max(FILE_LIMITS.maxCoordinate, { error: `must be between -${FILE_LIMITS.maxCoordinate} and ${FILE_LIMITS.maxCoordinate}` });

const ID_RULE = `an id of 1 to ${FILE_LIMITS.maxIdChars} letters, digits, '-' or '_'`;

/** An id of a node or wire, or a reference to one. */
const idSchema = z
  .string({ error: expected(ID_RULE) })
  .regex(ID_PATTERN, { error: `must be ${ID_RULE}` })
  .refine((id) => !RESERVED_IDS.has(id), { error: (issue) => `must not be the reserved name '${String(issue.input)}'` });

const labelSchema = z
  .string({ error: expected('text') })
  .max(FILE_LIMITS.maxLabelChars, { error: `must be at most ${FILE_LIMITS.maxLabelChars} characters long` });

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

/** "one of 'a', 'b', 'c'", for the messages of a closed set of names. */
function oneOf(names: readonly string[]): string {
  return `one of ${names.map((name) => `'${name}'`).join(', ')}`;
}

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

/** A port name on a wire: an input ('a', 'x0', 'score') or an output ('y2'). */
const portNameSchema = (what: string) =>
  z.string({ error: expected(what) }).max(FILE_LIMITS.maxIdChars, { error: 'is too long' });

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

/** One wire in the file. */
export const wireFileSchema = z.object(
  {
    /** The wire's id, unique among wires. */
    id: idSchema,
    /** The id of the node whose output feeds the port. */
    source: idSchema,
    /** The source's output port ('y0' on a layer); absent means 'out', the only output most nodes have. */
    from: portNameSchema('an output name').optional(),
    /** The id of the node that reads it. */
    target: idSchema,
    /** The target's input name ('a', 'b', 'x', 'x0', 'score'). */
    port: portNameSchema('an input name'),
  },
  { error: 'must be an object' },
);

/** Where the canvas was looking when the file was saved. */
export const viewportSchema = z.object({
  /** Horizontal pan, in screen pixels. */
  x: coordinate(),
  /** Vertical pan, in screen pixels. */
  y: coordinate(),
  /** Scale factor; 1 is 100%. */
  zoom: finite().min(FILE_LIMITS.minZoom).max(FILE_LIMITS.maxZoom),
});

/** Where the canvas was looking; saved with a file so it reopens at the same place. */
export type Viewport = z.infer<typeof viewportSchema>;

/** The whole file, version 1, after any migrations have run. */
/** A labelled point in the file. */
const pointSchema = z.object({
  /** Features. */
  x: z.array(finite()).min(1).max(3),
  /** Class: -1 or +1. */
  label: z.union([z.literal(-1), z.literal(1)], { error: expected('-1 or 1') }),
});

/** The dataset and training settings a document trains with. */
export const trainingSetupSchema = z.object({
  /** Which generator, how many points, how much noise, which seed. */
  dataset: z.object({
    /** The generator. */
    kind: z.custom<DatasetKind>((v) => isDatasetKind(v), { error: expected(oneOf(DATASETS.map((d) => d.kind))) }),
    /** Number of points. */
    n: z.number().int().min(2).max(MAX_POINTS),
    /** Gaussian noise. */
    noise: finite().min(0).max(10),
    /** Seed of the generator. */
    seed: finite(),
  }),
  /** Share held out for testing. */
  testFraction: finite().min(0).max(0.9),
  /** Points added by clicking. */
  added: z.array(pointSchema).max(MAX_POINTS),
  /** An imported CSV, if any. */
  imported: z.object({ name: labelSchema, points: z.array(pointSchema).min(1).max(MAX_POINTS) }).nullable(),
  /** Learning rate. */
  lr: finite().positive().max(1e3),
  /** Learning-rate schedule. */
  schedule: z.enum(['constant', 'linear']),
  /** Steps the linear decay spans. */
  decaySteps: z.number().int().min(1).max(1e7),
  /** Samples per step, 0 for full batch. */
  batchSize: z.number().int().min(0).max(MAX_POINTS),
  /** L2 strength. */
  alpha: finite().min(0).max(10),
  /** Seed of weight initialisation. */
  initSeed: finite(),
});

export const graphFileSchema = z.object(
  {
    /** Always {@link FILE_FORMAT}: tells a playground graph from any other JSON. */
    format: z.literal(FILE_FORMAT),
    /**
     * The file format's version; files from older versions are migrated first. When the shape
     * below changes, bump CURRENT_VERSION and add a migration from the old shape.
     */
    version: z.literal(CURRENT_VERSION),
    /** The nodes, in the order they were made. */
    nodes: z
      .array(nodeFileSchema, { error: expected('a list of nodes') })
      .max(FILE_LIMITS.maxNodes, { error: `must hold at most ${FILE_LIMITS.maxNodes} nodes` }),
    /** The wires, in the order they were made. */
    wires: z
      .array(wireFileSchema, { error: expected('a list of wires') })
      .max(FILE_LIMITS.maxWires, { error: `must hold at most ${FILE_LIMITS.maxWires} wires` }),
    /** The node backward starts from, or null to use the graph's single sink. Absent means null. */
    output: idSchema.nullable().default(null),
    /** Where the canvas was looking. Optional and cosmetic: an unreadable one is dropped, not refused. */
    viewport: viewportSchema.optional().catch(undefined),
    /** The dataset and training settings; absent until the graph was trained. */
    training: trainingSetupSchema.optional(),
  },
  { error: 'must be an object' },
);

/** One node as stored in a file. */
export type NodeFile = z.infer<typeof nodeFileSchema>;

/** One wire as stored in a file. */
export type WireFile = z.infer<typeof wireFileSchema>;

/** A version-1 graph file as read (defaults applied, unknown fields dropped). */
export type GraphFile = z.infer<typeof graphFileSchema>;
