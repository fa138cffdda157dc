import { lectureL } from '../../document/presets/lectureL';
import { chainRuleFor } from '../explainGrad';
import { gradOf } from '../graphFacts';
import type { LevelDef, Prediction } from '../types';

function gradOfNode(label: string): Prediction {
  return {
    id: `grad-${label.toLowerCase()}`,
    prompt: `L.grad wrt ${label} (∂L/∂${label})`,
    answer: (start) => gradOf(start, label),
    tolerance: 0.001,
    explain: (start) => chainRuleFor(start, label),
    node: label,
  };
}

/** Lecture: backpropagation by hand through L = (a·b + c)·f, one node at a time from L back. */
export const manualBackprop: LevelDef = {
  id: 'manual-backprop',
  chapter: 'backprop',
  title: 'Manual backprop',
  goal: 'On L = (a·b + c)·f, type each node’s grad, from L back to the leaves. A wrong guess shows the chain rule with the real numbers.',
  mode: 'build',
  start: () => lectureL.build(),
  palette: [],
  hidden: ['mode-backward', 'mode-train', 'examples'],
  budget: null,
  hints: ['L.grad is 1. For L = d·f, ∂L/∂d is f and ∂L/∂f is d.', 'A + passes the grad it gets to both inputs unchanged; a × sends grad · (the other input).'],
  // Reverse topological order, as the engine's backward visits them: the pass waits at each.
  predictions: ['L', 'f', 'd', 'c', 'e', 'b', 'a'].map(gradOfNode),
  predictInOrder: true,
  checks: [],
};
