import { z } from '../document/zod';
import type { Evaluation } from '../document/evaluate';
import type { GraphDoc } from '../document/types';

/**
 * A level is data: a goal, a starting graph, what the player may use, and checks that are pure
 * functions over the graph and the engine's results. The schema below validates every level
 * file when the registry loads, so a malformed level fails its test, not the player.
 */

/** The chapters of the map, in the lecture's order. */
export const CHAPTERS = [
  { id: 'derivatives', title: 'Derivatives', blurb: 'What a derivative is: nudge an input, watch the output move.' },
  { id: 'backprop', title: 'Backpropagation by hand', blurb: 'The chain rule, node by node, on L = (a·b + c)·f.' },
  { id: 'neuron', title: 'A neuron', blurb: 'tanh, a node used twice, and tanh built from exp.' },
  { id: 'networks', title: 'Networks', blurb: 'An MLP, its parameters and its training loop.' },
  { id: 'boss', title: 'Boss', blurb: 'Everything at once: find a bug by checking backprop.' },
] as const;

/** One chapter's id. */
export type ChapterId = (typeof CHAPTERS)[number]['id'];

/**
 * Controls a level can hide until it is solved. The mode buttons hide whole activities (no
 * Backward means no grads on the cards); the rest are header menus and the parameter chip.
 */
export const HIDDEN_CONTROLS = ['mode-build', 'mode-backward', 'mode-train', 'examples', 'file', 'parameter-count'] as const;
/** One hideable control. */
export type HiddenControl = (typeof HIDDEN_CONTROLS)[number];

/** The engine's view of one graph: the document and everything evaluate derives from it. */
export interface Evaluated {
  doc: GraphDoc;
  evaluation: Evaluation;
}

/** What a check sees: the graph now, the level's starting graph, and the player's answers. */
export interface LevelContext {
  now: Evaluated;
  start: Evaluated;
  /** The player's typed numbers by prediction id; null when the field is empty or not a number. */
  predictions: Readonly<Record<string, number | null>>;
  /** The option the player picked, by choice id; absent until they pick one. */
  choices: Readonly<Record<string, string>>;
}

/** One option of a choice. */
export interface ChoiceOption {
  id: string;
  /** What the button says, e.g. "grad += …". */
  label: string;
}

/**
 * A decision the player makes in the goal strip; the level's checks read what was picked
 * (`LevelContext.choices`) and compute its consequence with the engine. Three shapes:
 * - `options`: pick one of a few buttons (the accumulate rule);
 * - `slots`: place `piece` in a sequence of steps; the option ids are 'none' (not placed)
 *   and '0'…'n' (before step i, or after the last when i = n) — zero_grad in the loop;
 * - `node`: point at a node on the canvas; the option id is the node's id.
 */
export type Choice = { id: string; prompt: string } & (
  | { style: 'options'; options: readonly ChoiceOption[] }
  | { style: 'slots'; sequence: readonly string[]; piece: string }
  | { style: 'node' }
);

/** A number or curve the strip shows while the level is played (the loss of the loop run now). */
export interface Readout {
  id: string;
  label: string;
  /** The value as text. */
  text: string;
  /** A curve to draw beside it, oldest first. */
  series?: readonly number[];
}

/** A number the player must predict before the app shows it. */
export interface Prediction {
  id: string;
  /** What to type, e.g. "∂d/∂a". */
  prompt: string;
  /** The right answer, computed by the real engine from the level's starting graph. */
  answer(start: Evaluated): number;
  /** How far off a typed number may be and still count. */
  tolerance: number;
  /** Said after a wrong guess (the chain rule with the real numbers), computed from the starting graph. */
  explain?(start: Evaluated): string;
  /** The label of the node whose grad this is: with `predictInOrder`, Backward waits there for the guess. */
  node?: string;
}

/** One goal condition, checked live against the graph. */
export interface Check {
  id: string;
  /** What the strip says, e.g. "L = −8.0". */
  text: string;
  test(ctx: LevelContext): boolean;
  /** Said when the check fails after the player answered (why that answer is wrong); null to say nothing. */
  explain?(ctx: LevelContext): string | null;
}

/** Everything a level file exports. */
export interface LevelDef {
  /** Stable, URL-safe id, saved in progress. */
  id: string;
  chapter: ChapterId;
  title: string;
  /** The one-line goal on the card and the strip. */
  goal: string;
  /** Which activity the level opens in. */
  mode: 'build' | 'backward' | 'train';
  /** A fresh starting graph (fresh ids each call). */
  start(): GraphDoc;
  /** Palette item ids the player may use; empty means no palette. */
  palette: readonly string[];
  /** Controls hidden until the level is solved. */
  hidden: readonly HiddenControl[];
  /**
   * Most nodes (or neurons, or the highest learning rate, see `budgetUnit`) the graph may use
   * for the budget star; null: no budget (the star comes with the solve).
   */
  budget: number | null;
  /** What the budget counts; nodes on the canvas unless said. 'learning-rate' reads the training setup's rate. */
  budgetUnit?: BudgetUnit;
  /** Shown one at a time on request; using one costs the no-hint star. */
  hints: readonly string[];
  /** Numbers to type; each is also a check. */
  predictions: readonly Prediction[];
  /** Predictions are asked one at a time, in order (reverse topological order in manual backprop). */
  predictInOrder?: boolean;
  /** Decisions to make in the goal strip, read by the checks. */
  choices?: readonly Choice[];
  /** Conditions on the graph. */
  checks: readonly Check[];
  /** Live numbers the strip shows (computed from the graph and the choices). */
  readouts?(ctx: LevelContext): Readout[];
}

const idSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lowercase words joined by hyphens');
const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'expected a function');

const predictionSchema = z.object({
  id: idSchema,
  prompt: z.string().min(1),
  answer: fn,
  tolerance: z.number().positive().finite(),
  explain: fn.optional(),
  node: z.string().min(1).optional(),
});

const checkSchema = z.object({ id: idSchema, text: z.string().min(1), test: fn, explain: fn.optional() });

const choiceSchema = z.discriminatedUnion('style', [
  z.object({ id: idSchema, prompt: z.string().min(1), style: z.literal('options'), options: z.array(z.object({ id: idSchema, label: z.string().min(1) })).min(2) }),
  z.object({ id: idSchema, prompt: z.string().min(1), style: z.literal('slots'), sequence: z.array(z.string().min(1)).min(1), piece: z.string().min(1) }),
  z.object({ id: idSchema, prompt: z.string().min(1), style: z.literal('node') }),
]);

/** What a level's budget counts. */
export type BudgetUnit = 'nodes' | 'neurons' | 'learning-rate';

/** The shape every level file must have. */
export const levelSchema = z
  .object({
    id: idSchema,
    chapter: z.enum(CHAPTERS.map((c) => c.id) as [ChapterId, ...ChapterId[]]),
    title: z.string().min(1).max(60),
    goal: z.string().min(1).max(160),
    mode: z.enum(['build', 'backward', 'train']),
    start: fn,
    palette: z.array(z.string().min(1)),
    hidden: z.array(z.enum(HIDDEN_CONTROLS)),
    budget: z.number().positive().finite().nullable(),
    budgetUnit: z.enum(['nodes', 'neurons', 'learning-rate']).optional(),
    hints: z.array(z.string().min(1)).min(1),
    predictions: z.array(predictionSchema),
    predictInOrder: z.boolean().optional(),
    choices: z.array(choiceSchema).optional(),
    checks: z.array(checkSchema),
    readouts: fn.optional(),
  })
  .refine((l) => l.budget === null || l.budgetUnit === 'learning-rate' || Number.isInteger(l.budget), 'a node or neuron budget is a whole number')
  .refine((l) => l.predictions.length + l.checks.length > 0, 'a level needs at least one prediction or check')
  .refine((l) => {
    const ids = [...l.predictions.map((p) => p.id), ...l.checks.map((c) => c.id), ...(l.choices ?? []).map((c) => c.id)];
    return new Set(ids).size === ids.length;
  }, 'prediction, choice and check ids must be unique');

/** Parses a level file's export: the level, or why it is malformed. */
export function validateLevel(level: unknown): { ok: true; level: LevelDef } | { ok: false; reason: string } {
  const parsed = levelSchema.safeParse(level);
  if (parsed.success) return { ok: true, level: level as LevelDef };
  const issue = parsed.error.issues[0]!;
  return { ok: false, reason: `${issue.path.join('.') || 'level'}: ${issue.message}` };
}
