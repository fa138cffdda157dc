import { ACTIVATIONS, type Activation } from '../../nn/activation';
import { z } from '../zod';
import { coordinate, expected, FILE_LIMITS, finite, idSchema, labelSchema, oneOf } from './fileFields';

/**
 * Field schemas several node kinds share in the saved file (each kind's own schema is in
 * `document/kinds/<kind>.ts`): the fields every node has, the group tag of an expanded neuron,
 * activations and rows of weights.
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

/** The fields every node has in the file: its id, its kind, and where it sits. */
export function nodeFields<K extends string>(kind: K) {
  return {
    /** The node's id, unique among nodes. */
    id: idSchema,
    /** Which kind of node this is. */
    kind: z.literal(kind),
    /** Top-left corner on the canvas. */
    position: positionSchema,
  };
}

const ACTIVATION_RULE = oneOf(ACTIVATIONS);

/** True for a name of an activation. */
function isActivation(v: unknown): v is Activation {
  return typeof v === 'string' && (ACTIVATIONS as readonly string[]).includes(v);
}

/** A neuron's squashing function. */
export const activationSchema = z.custom<Activation>(isActivation, { error: expected(ACTIVATION_RULE) });

/** One neuron's weights, one per input. */
export const weightRowSchema = z
  .array(finite(), { error: expected('a list of numbers') })
  .min(1, { error: 'must hold at least one weight' })
  .max(FILE_LIMITS.maxFanIn, { error: `must hold at most ${FILE_LIMITS.maxFanIn} weights` });

/** On the scalar nodes of an expanded neuron or layer: enough to put it back together. */
export const groupSchema = z.object({
  /** Shared by the nodes of one expansion. */
  id: idSchema,
  /** What was expanded. */
  kind: z.enum(['neuron', 'layer']),
  /** Its label. */
  label: labelSchema,
  /** Its activation. */
  activation: z.custom<Activation>(isActivation),
  /** This node's part ('w:0:1', 'b:0', 'mul:0:1', 'add:0:1', 'act:0'). */
  role: z.string().regex(/^(w|mul|add):\d{1,4}:\d{1,4}$|^(b|act):\d{1,4}$/),
});
