import { z } from 'zod';
import { findOp, OPS, type OpType } from '../engine';
import { CURRENT_VERSION } from './migrations';

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
});

/** Every node kind a version-1 file may hold; add new kinds here. */
const NODE_FILE_SCHEMAS = [valueNodeFileSchema, constantNodeFileSchema, opNodeFileSchema] as const;

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
    /** The id of the node that reads it. */
    target: idSchema,
    /** The target op's input name ('a', 'b', 'x'). */
    port: z.string({ error: expected('an input name') }).max(FILE_LIMITS.maxIdChars, { error: 'is too long' }),
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
  },
  { error: 'must be an object' },
);

/** One node as stored in a file. */
export type NodeFile = z.infer<typeof nodeFileSchema>;

/** One wire as stored in a file. */
export type WireFile = z.infer<typeof wireFileSchema>;

/** A version-1 graph file as read (defaults applied, unknown fields dropped). */
export type GraphFile = z.infer<typeof graphFileSchema>;
