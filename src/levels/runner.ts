import type { GraphDoc } from '../document/types';
import { evaluated } from './graphFacts';
import type { Evaluated, LevelContext, LevelDef } from './types';

/** One line of the goal strip: a check or a prediction, and whether it holds now. */
export interface CheckStatus {
  id: string;
  text: string;
  passed: boolean;
  /** For a prediction: what the player typed (null: nothing yet). */
  typed?: number | null;
  /** For a wrong prediction: the worked answer, shown after the guess. */
  explanation?: string;
}

/** The level's state for one graph and one set of typed predictions. */
export interface LevelRun {
  checks: CheckStatus[];
  solved: boolean;
  /** Nodes in the graph now, against the budget. */
  nodes: number;
  withinBudget: boolean;
  /** 0 until solved; then 1 for the solve, +1 within the budget, +1 when no hint was used. */
  stars: number;
}

/** The player's side of a level: what they typed and how many hints they opened. */
export interface PlayerInput {
  predictions: Readonly<Record<string, string>>;
  hintsUsed: number;
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
  const ctx: LevelContext = { now, start, predictions };
  const checks: CheckStatus[] = [];
  for (const p of level.predictions) {
    const typed = predictions[p.id]!;
    const answer = p.answer(start);
    const passed = typed !== null && Math.abs(typed - answer) <= p.tolerance;
    const status: CheckStatus = { id: p.id, text: p.prompt, passed, typed };
    if (typed !== null && !passed && p.explain) status.explanation = p.explain(start);
    checks.push(status);
  }
  for (const c of level.checks) checks.push({ id: c.id, text: c.text, passed: safeTest(c.test, ctx) });
  const solved = checks.every((c) => c.passed);
  const nodes = Object.keys(doc.nodes).length;
  const withinBudget = level.budget === null || nodes <= level.budget;
  const stars = solved ? 1 + (withinBudget ? 1 : 0) + (input.hintsUsed === 0 ? 1 : 0) : 0;
  return { checks, solved, nodes, withinBudget, stars };
}

/** A check that throws (a graph it did not expect) is simply not passed. */
function safeTest(test: (ctx: LevelContext) => boolean, ctx: LevelContext): boolean {
  try {
    return test(ctx) === true;
  } catch {
    return false;
  }
}
