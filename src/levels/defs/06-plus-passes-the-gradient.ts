import { DocBuilder } from '../../document/presets/DocBuilder';
import { chainRuleFor } from '../explainGrad';
import { gradOf } from '../graphFacts';
import type { LevelDef, Prediction } from '../types';

function gradOfNode(label: string): Prediction {
  return { id: `grad-${label}`, prompt: `∂L/∂${label}`, answer: (start) => gradOf(start, label), tolerance: 0.001, explain: (start) => chainRuleFor(start, label), node: label };
}

/** Lecture: a + node routes the gradient it receives to both inputs, unchanged. */
export const plusPassesTheGradient: LevelDef = {
  id: 'plus-passes-the-gradient',
  chapter: 'backprop',
  title: 'The chain rule through +',
  goal: 'L = (a + b)·f. Predict ∂L/∂c for c = a + b, then what the + hands to b and to a.',
  mode: 'build',
  start: () => {
    const g = new DocBuilder();
    const a = g.value(2.0, 'a');
    const b = g.value(-3.0, 'b');
    const c = g.op('add', [a, b], 'c');
    const f = g.value(-2.0, 'f');
    return g.output(g.op('mul', [c, f], 'L')).build();
  },
  palette: [],
  hidden: ['mode-backward', 'mode-train', 'examples'],
  budget: null,
  hints: ['∂L/∂c is f, because L = c·f.', 'The local derivative of c = a + b with respect to a is 1, and with respect to b it is 1 too.'],
  // In the engine's backward order (b before a), so the pass can wait at each.
  predictions: ['c', 'b', 'a'].map(gradOfNode),
  predictInOrder: true,
  checks: [],
};
