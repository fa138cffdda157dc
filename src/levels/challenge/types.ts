import { z } from '../../document/zod';
import { HIDDEN_CONTROLS } from '../types';

/**
 * A teacher's challenge is data, never code: a small set of declarative goals the app turns
 * into a level's checks. It travels inside a link, so every field is bounded and validated
 * before anything reads it; the graph inside goes through the same gate as a graph file.
 */

/** Names the format, so a pasted foreign JSON is told apart from a damaged challenge. */
export const CHALLENGE_FORMAT = 'micrograd-playground/challenge';

/** The goals a challenge may set. Each becomes one or more checks of the level runner. */
export const goalSchema = z.discriminatedUnion('kind', [
  /** The output's value must come within `tolerance` of `value`. */
  z.object({ kind: z.literal('output-equals'), value: z.number().finite(), tolerance: z.number().positive().max(1000) }),
  /** Type d(output)/d(leaf) for each labelled leaf of the starting graph. */
  z.object({ kind: z.literal('predict-leaf-grads') }),
  /** The graph may have at most `budget` nodes (a goal, not just a star). */
  z.object({ kind: z.literal('within-budget') }),
]);
/** One goal. */
export type ChallengeGoal = z.infer<typeof goalSchema>;
/** A goal's kind. */
export type GoalKind = ChallengeGoal['kind'];

/** What a student sends back: their graph (as a graph file) and what they typed. */
const answerSchema = z.object({
  graph: z.unknown(),
  predictions: z.record(z.string().max(40), z.string().max(40)).refine((r) => Object.keys(r).length <= 200, 'too many predictions'),
  hintsUsed: z.number().int().min(0).max(10),
});

/** The challenge as it is written in a link (before the graph inside is read). */
export const challengeFileSchema = z.object({
  format: z.literal(CHALLENGE_FORMAT, { error: 'this is not a challenge' }),
  version: z.literal(1, { error: 'this challenge was made by a newer version of the playground' }),
  title: z.string().trim().min(1, 'the title is empty').max(60, 'the title is longer than 60 characters'),
  goals: z.array(goalSchema).min(1, 'it sets no goal').max(3),
  /** The starting graph, a graph file; read by parseDocumentFile, like an opened file. */
  start: z.unknown(),
  palette: z.array(z.string().regex(/^[a-z0-9-]{1,40}$/, 'a palette item id is malformed')).max(80),
  hidden: z.array(z.enum(HIDDEN_CONTROLS)).max(HIDDEN_CONTROLS.length),
  budget: z.number().int().min(1, 'the node budget must be at least 1').max(10_000).nullable(),
  hints: z.array(z.string().trim().min(1).max(200)).max(3),
  /** Present in a shared-back answer only. */
  answer: answerSchema.optional(),
});

/** The parts of a challenge a teacher chooses (the starting graph is in the app's own form). */
export interface ChallengeSpec {
  title: string;
  goals: ChallengeGoal[];
  palette: string[];
  hidden: (typeof HIDDEN_CONTROLS)[number][];
  /** Most nodes allowed; null: no budget. */
  budget: number | null;
  hints: string[];
}

/** A student's answer to a challenge. */
export interface ChallengeAnswer {
  predictions: Record<string, string>;
  hintsUsed: number;
}
