import type { GraphDoc } from '../../document/types';
import { EMPTY_DOC } from '../../document/types';
import { evaluated, outputData } from '../graphFacts';
import { runLevel } from '../runner';
import { challengeLevel, goalNumber, predictableLeaves, type Challenge } from './challengeLevel';
import type { ChallengeSpec } from './types';

/** Where the student starts: the teacher's graph as it is, or an empty canvas to build on. */
export type ChallengeStart = 'this-graph' | 'empty';

/** A challenge, or why it cannot be made (one sentence the teacher can act on). */
export type MadeChallenge = { ok: true; challenge: Challenge } | { ok: false; reason: string };

/**
 * Makes a challenge from the teacher's graph, refusing one no student could solve or that is
 * solved before it starts. The teacher's graph is the goal graph: it shows the goal can be met,
 * and its node count is the fewest a budget may allow (a smaller one is refused here, not
 * discovered by a stuck student).
 */
export function makeChallenge(graph: GraphDoc, spec: ChallengeSpec, startFrom: ChallengeStart): MadeChallenge {
  const title = spec.title.trim();
  if (title === '') return fail('Give the challenge a title.');
  if (title.length > 60) return fail('The title is longer than 60 characters.');
  if (spec.goals.length === 0) return fail('Pick at least one goal.');
  const nodes = Object.keys(graph.nodes).length;
  const teacher = evaluated(graph);
  if (nodes === 0 || !Number.isFinite(outputData(teacher))) return fail('The graph on the canvas has no output that computes: build the goal graph first.');

  const budget = spec.budget;
  if (budget !== null) {
    if (!Number.isInteger(budget) || budget < 1) return fail(`A budget of ${budget} nodes is impossible: a graph needs at least one node.`);
    if (budget < nodes) return fail(`A budget of ${budget} nodes is impossible: the goal graph on the canvas has ${nodes} nodes. Allow at least ${nodes}.`);
  }
  const has = (kind: ChallengeSpec['goals'][number]['kind']) => spec.goals.some((g) => g.kind === kind);
  if (has('within-budget') && budget === null) return fail('“Build within N nodes” needs a node budget.');
  if (has('predict-leaf-grads')) {
    if (startFrom === 'empty') return fail('Predicting the leaves’ grads needs the graph itself: start the student on this graph.');
    if (predictableLeaves(graph).length === 0) return fail('Predicting the leaves’ grads needs at least one labelled Value leaf.');
    if (!spec.hidden.includes('mode-backward')) return fail('Predicting the leaves’ grads needs Backward hidden, or the cards show the answers.');
  }
  if (startFrom === 'empty' && !has('output-equals')) return fail('On an empty canvas the student needs an output value to build towards.');
  if (startFrom === 'empty' && spec.palette.length === 0) return fail('On an empty canvas the student needs a palette to build with.');

  const challenge: Challenge = { ...spec, title, start: startFrom === 'empty' ? EMPTY_DOC : structuredClone(graph) };
  const level = challengeLevel(challenge);
  // Built from empty, the teacher's graph is the model answer: it must meet the goal, or no one can.
  const byTeacher = runLevel({ ...level, predictions: [] }, graph, { predictions: {}, hintsUsed: 0 });
  if (startFrom === 'empty' && !byTeacher.solved) return fail(`The graph on the canvas does not meet the goal itself (${failing(byTeacher.checks)}).`);
  // A start that already meets the goal leaves the student nothing to do.
  if (level.predictions.length === 0 && runLevel(level, challenge.start, { predictions: {}, hintsUsed: 0 }).solved) {
    const target = spec.goals.find((g) => g.kind === 'output-equals');
    return fail(target ? `The starting graph already meets the goal (its output is ${goalNumber(outputData(teacher))}): set a different target value.` : 'The starting graph already meets the goal: there is nothing for the student to do.');
  }
  return { ok: true, challenge };
}

function failing(checks: readonly { text: string; passed: boolean }[]): string {
  return checks
    .filter((c) => !c.passed)
    .map((c) => c.text)
    .join('; ');
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
