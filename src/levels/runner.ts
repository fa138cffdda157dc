import type { GraphDoc } from '../document/types';
import { setupOf } from '../training/setup';
import { countNeurons, evaluated } from './graphFacts';
import type { Evaluated, LevelContext, LevelDef, Readout } from './types';

/** One line of the goal strip: a check or a prediction, and whether it holds now. */
export interface CheckStatus {
  id: string;
  text: string;
  passed: boolean;
  /** For a prediction: what the player typed (null: nothing yet). */
  typed?: number | null;
  /** For a wrong prediction or answer: the worked answer, shown after the guess. */
  explanation?: string;
}

/** The level's state for one graph and one set of typed predictions. */
export interface LevelRun {
  checks: CheckStatus[];
  solved: boolean;
  /** What the budget counts, in the graph now: nodes, neurons, or the training setup's learning rate. */
  nodes: number;
  withinBudget: boolean;
  /** The level's live numbers for this graph and these answers. */
  readouts: Readout[];
  /** 0 until solved; then 1 for the solve, +1 within the budget, +1 when no hint was used. */
  stars: number;
}

/** The player's side of a level: what they typed, what they picked and how many hints they opened. */
export interface PlayerInput {
  predictions: Readonly<Record<string, string>>;
  /** Picked option ids by choice id; absent or {} before any pick. */
  choices?: Readonly<Record<string, string>>;
  hintsUsed: number;
  /**
   * For a learning-rate budget: the highest rate set since the level was (re)started. The star
   * is for a run that never went above the budget, so training fast and lowering the slider just
   * before Pause does not earn it.
   */
  highestRate?: number;
}

/** A typed prediction as a number: '', '-', 'abc' are not numbers yet. Accepts the minus sign −. */
export function parsePrediction(text: string | undefined): number | null {
  if (text === undefined) return null;
  const clean = text.trim().replace(/\u2212/g, '-');
  if (clean === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(clean)) return null;
  const n = Number(clean);
  return Number.isFinite(n) ? n : null;
}

/**
 * Runs a level's checks against the real engine: the starting graph and the current graph are
 * both evaluated, predictions are compared with answers the engine computes (never typed into
 * the level), and stars follow from the solve, the budget and the hints. Pure.
 */
export function runLevel(level: LevelDef, doc: GraphDoc, input: PlayerInput, start: Evaluated = evaluated(level.start())): LevelRun {
  const now = evaluated(doc);
  const predictions: Record<string, number | null> = {};
  for (const p of level.predictions) predictions[p.id] = parsePrediction(input.predictions[p.id]);
  const choices: Record<string, string> = {};
  for (const c of level.choices ?? []) {
    const picked = input.choices?.[c.id];
    if (picked !== undefined) choices[c.id] = picked;
  }
  const ctx: LevelContext = { now, start, predictions, choices };
  const checks: CheckStatus[] = [];
  for (const p of level.predictions) {
    const typed = predictions[p.id]!;
    const answer = p.answer(start);
    const passed = typed !== null && Math.abs(typed - answer) <= p.tolerance;
    const status: CheckStatus = { id: p.id, text: p.prompt, passed, typed };
    if (typed !== null && !passed && p.explain) status.explanation = p.explain(start);
    checks.push(status);
  }
  for (const c of level.checks) {
    const status: CheckStatus = { id: c.id, text: c.text, passed: safeTest(c.test, ctx) };
    const why = !status.passed && c.explain ? safeCall(() => c.explain!(ctx), null) : null;
    if (why) status.explanation = why;
    checks.push(status);
  }
  const solved = checks.every((c) => c.passed);
  const nodes = budgetUsed(level, doc, input);
  const withinBudget = level.budget === null || nodes <= level.budget;
  const stars = solved ? 1 + (withinBudget ? 1 : 0) + (input.hintsUsed === 0 ? 1 : 0) : 0;
  const readouts = level.readouts ? safeCall(() => level.readouts!(ctx), []) : [];
  return { checks, solved, nodes, withinBudget, stars, readouts };
}

/** What the level's budget counts, in this graph. */
function budgetUsed(level: LevelDef, doc: GraphDoc, input: PlayerInput): number {
  if (level.budgetUnit === 'neurons') return countNeurons(doc);
  if (level.budgetUnit === 'learning-rate') return Math.max(setupOf(doc).lr, input.highestRate ?? -Infinity);
  return Object.keys(doc.nodes).length;
}

/** A level's helper that throws (a graph it did not expect) gives the fallback. */
function safeCall<T>(call: () => T, fallback: T): T {
  try {
    return call();
  } catch {
    return fallback;
  }
}

/** A check that throws (a graph it did not expect) is simply not passed. */
function safeTest(test: (ctx: LevelContext) => boolean, ctx: LevelContext): boolean {
  try {
    return test(ctx) === true;
  } catch {
    return false;
  }
}
