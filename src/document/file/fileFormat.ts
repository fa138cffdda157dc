import { z } from '../zod';
import { DATASETS, getDatasetInfo, isDatasetKind, MAX_POINTS, type DatasetKind } from '../../data';
import { coordinate, expected, FILE_LIMITS, finite, idSchema, labelSchema, oneOf } from './fileFields';
import { nodeFileSchema } from './fileNodes';
import { optimiserSchema } from './optimiserSchema';
import { CURRENT_VERSION } from './migrations';

/**
 * The saved graph file, version 1, as a zod schema: the one gate every graph from outside (a
 * file, a shared link, a paste) passes before it reaches the store. In the file, nodes and
 * wires are arrays (readable, in the order they were made); in memory they are Records by id.
 *
 * The schema checks shape and limits only. Whether the wires make sense (ends exist, one wire
 * per port, no cycle) is `validateDoc`'s job, run on the rebuilt document.
 *
 * This file holds the file as a whole, its wires and its training setup; the node kinds' schemas
 * are in `document/kinds/<kind>.ts` (joined in `fileNodes.ts`), the limits and the shared field
 * schemas in `fileFields.ts` and `nodeFields.ts`.
 *
 * A new node kind brings its schema in its kind file; the discriminated union on `kind` does the
 * rest. Changing the shape of an existing kind needs a migration (`migrations.ts`).
 */

/** The `format` tag that marks a JSON file as a playground graph. */
export const FILE_FORMAT = 'micrograd-playground/graph';

/** A port name on a wire: an input ('a', 'x0', 'score') or an output ('y2'). */
const portNameSchema = (what: string) =>
  z.string({ error: expected(what) }).max(FILE_LIMITS.maxIdChars, { error: 'is too long' });

/** One wire in the file. */
const wireFileSchema = z.object(
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
const viewportSchema = z.object({
  /** Horizontal pan, in screen pixels. */
  x: coordinate(),
  /** Vertical pan, in screen pixels. */
  y: coordinate(),
  /** Scale factor; 1 is 100%. */
  zoom: finite().min(FILE_LIMITS.minZoom).max(FILE_LIMITS.maxZoom),
});

/** Where the canvas was looking; saved with a file so it reopens at the same place. */
export type Viewport = z.infer<typeof viewportSchema>;

/** A labelled point in the file. */
const pointSchema = z.object({
  /** Features. */
  x: z.array(finite()).min(1).max(3),
  /** Class: -1 or +1, or 0..7 for a many-class dataset. */
  label: z.number().int({ error: expected('-1 or 1, or a class 0..7') }).min(-1).max(7),
});

/** The fields of the training setup, each checked on its own. */
const trainingSetupFields = z.object({
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
    /** Classes, for the generators that make more than two (spiral arms, blobs). */
    classes: z.number().int().min(2).max(5).optional(),
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
  /** The optimiser and its settings; absent in older files (plain SGD). */
  optimiser: optimiserSchema.optional(),
});

/** The dataset and training settings a document trains with. */
const trainingSetupSchema = trainingSetupFields.superRefine((setup, ctx) => {
  for (const issue of pointsIssues(setup)) ctx.addIssue({ code: 'custom', ...issue });
});

type PointsIssue = { path: (string | number)[]; message: string };

/**
 * The points must be usable together: a trainer packs them into rows of one width, so imported
 * points of mixed widths, or clicked points of another width than the dataset's, would make it
 * fail mid-run. Imported points need both classes, as the CSV import demands. Whether the drawn
 * network reads a column the dataset lacks is not checked here: the editor allows that drawing
 * (an input set to x3 on moons), and training refuses it with the reason.
 *
 * zod runs this only when every field has the right type, but a length check above (an empty
 * list, a point of four features) may have failed; then there may be nothing to compare.
 */
function pointsIssues(setup: z.infer<typeof trainingSetupFields>): PointsIssue[] {
  const points = setup.imported?.points ?? [];
  const first = points[0];
  if (setup.imported && first) {
    const ragged = points.findIndex((point) => point.x.length !== first.x.length);
    if (ragged > 0) {
      return [
        {
          path: ['imported', 'points', ragged, 'x'],
          message: `has ${features(points[ragged]!.x.length)}, but 'training.imported.points.0.x' has ${first.x.length}: every point needs the same number of features`,
        },
      ];
    }
    if (points.every((point) => point.label === first.label)) {
      return [{ path: ['imported', 'points'], message: `has every label ${first.label}: a classifier needs examples of both classes` }];
    }
  }
  const dataset = setup.imported ? { name: setup.imported.name, width: first?.x.length } : { name: setup.dataset.kind, width: getDatasetInfo(setup.dataset.kind).dimension };
  const wrong = setup.added.findIndex((point) => point.x.length !== dataset.width);
  if (dataset.width === undefined || wrong < 0) return [];
  return [
    {
      path: ['added', wrong, 'x'],
      message: `has ${features(setup.added[wrong]!.x.length)}, but the dataset '${dataset.name}' has ${dataset.width} per point`,
    },
  ];
}

function features(n: number): string {
  return `${n} feature${n === 1 ? '' : 's'}`;
}

/** The whole file, version 1, after any migrations have run. */
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

/** One wire as stored in a file. */
export type WireFile = z.infer<typeof wireFileSchema>;

/** A version-1 graph file as read (defaults applied, unknown fields dropped). */
export type GraphFile = z.infer<typeof graphFileSchema>;
