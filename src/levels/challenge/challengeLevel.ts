import type { DocNode, GraphDoc } from '../../document/types';
import { allComputed, gradOf, near, outputData } from '../graphFacts';
import type { Check, HiddenControl, LevelDef, Prediction } from '../types';
import type { ChallengeGoal, ChallengeSpec } from './types';

/** A challenge as the app holds it: the teacher's choices and the starting graph. */
export interface Challenge extends ChallengeSpec {
  start: GraphDoc;
}

/** The id every challenge plays under: challenges are not on the map and earn no map stars. */
export const CHALLENGE_LEVEL_ID = 'challenge';

/** A node's label, or '' for nodes that have none. */
function labelOf(node: DocNode | undefined): string {
  return node && 'label' in node ? node.label.trim() : '';
}

/** The output's name for the goal text: its label, else "the output". */
export function outputName(doc: GraphDoc): string {
  return labelOf(doc.output ? doc.nodes[doc.output] : undefined) || 'the output';
}

/**
 * The leaves a "predict each leaf's grad" goal asks about: Values with a label no other node
 * shares (a check finds a node by its label), in the graph's order.
 */
export function predictableLeaves(doc: GraphDoc): string[] {
  const labels = Object.values(doc.nodes).map(labelOf);
  return Object.values(doc.nodes)
    .filter((n) => n.kind === 'value')
    .map(labelOf)
    .filter((label) => label !== '' && labels.filter((l) => l === label).length === 1);
}

/** A number as the goal strip writes it: up to 4 decimals, a real minus sign. */
export function goalNumber(n: number): string {
  return String(Math.round(n * 10_000) / 10_000).replace('-', '−');
}

function checksOf(goal: ChallengeGoal, challenge: Challenge): Check[] {
  const out = outputName(challenge.start);
  switch (goal.kind) {
    case 'output-equals':
      return [
        { id: 'computes', text: 'Every node has its inputs', test: ({ now }) => Object.keys(now.doc.nodes).length > 0 && allComputed(now) },
        { id: 'output-value', text: `${outputNameNow(out)} = ${goalNumber(goal.value)} (±${goalNumber(goal.tolerance)})`, test: ({ now }) => near(outputData(now), goal.value, goal.tolerance) },
      ];
    case 'within-budget':
      return [{ id: 'within-budget', text: `At most ${challenge.budget ?? 0} nodes`, test: ({ now }) => challenge.budget !== null && Object.keys(now.doc.nodes).length <= challenge.budget }];
    case 'predict-leaf-grads':
      return [];
  }
}

/** An empty start has no output yet: the check then names "the output". */
function outputNameNow(name: string): string {
  return name === 'the output' ? 'The output' : name;
}

function predictionsOf(goals: readonly ChallengeGoal[], start: GraphDoc): Prediction[] {
  if (!goals.some((g) => g.kind === 'predict-leaf-grads')) return [];
  const out = outputName(start);
  return predictableLeaves(start).map((label, i) => ({
    id: `grad-${i + 1}`,
    prompt: `∂${out}/∂${label}`,
    answer: (s) => gradOf(s, label),
    tolerance: 0.001,
  }));
}

function goalText(goals: readonly ChallengeGoal[], challenge: Challenge): string {
  const out = outputName(challenge.start);
  const parts = goals.map((g) => {
    if (g.kind === 'output-equals') return Object.keys(challenge.start.nodes).length === 0 ? `build a graph whose output is ${goalNumber(g.value)}` : `make ${out} equal ${goalNumber(g.value)}`;
    if (g.kind === 'predict-leaf-grads') return `type the grad of each leaf (∂${out}/∂leaf)`;
    return `use at most ${challenge.budget ?? 0} nodes`;
  });
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function defaultHints(challenge: Challenge): string[] {
  const hints: string[] = [];
  if (challenge.goals.some((g) => g.kind === 'predict-leaf-grads')) hints.push('Work back from the output: its grad is 1; a + passes the grad on unchanged, a × sends grad × the other input.');
  if (challenge.goals.some((g) => g.kind === 'output-equals')) hints.push('Change a leaf’s value or rewire an op, and watch the output’s card.');
  if (challenge.budget !== null) hints.push(`Count the nodes on the canvas: the budget is ${challenge.budget}.`);
  return hints.length > 0 ? hints : ['Read the goal again, one check at a time.'];
}

/** The mode a challenge opens in: Build, unless the teacher hid it. */
function openingMode(hidden: readonly HiddenControl[]): LevelDef['mode'] {
  if (!hidden.includes('mode-build')) return 'build';
  return hidden.includes('mode-backward') ? 'train' : 'backward';
}

/**
 * The level a challenge plays as. The checks are built here from the declarative goals, so a
 * link carries only data; the runner then checks them live, as it does every level.
 */
export function challengeLevel(challenge: Challenge): LevelDef {
  const start = challenge.start;
  return {
    id: CHALLENGE_LEVEL_ID,
    chapter: 'backprop',
    title: challenge.title,
    goal: goalText(challenge.goals, challenge).slice(0, 160),
    mode: openingMode(challenge.hidden),
    // A fresh copy each call, as level files do: the store may hold on to what it is given.
    start: () => structuredClone(start),
    palette: challenge.palette,
    hidden: challenge.hidden,
    budget: challenge.budget,
    hints: challenge.hints.length > 0 ? challenge.hints : defaultHints(challenge),
    predictions: predictionsOf(challenge.goals, start),
    checks: challenge.goals.flatMap((g) => checksOf(g, challenge)),
  };
}
