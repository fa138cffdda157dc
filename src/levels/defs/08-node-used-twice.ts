import { nodeUsedTwice as preset } from '../../document/presets/nodeUsedTwice';
import { gradOf, idLabelled, near, outputNode } from '../graphFacts';
import type { LevelDef } from '../types';

/** Lecture: the bug of b = a + a, where a's two gradient contributions must add up (+=). */
export const nodeUsedTwice: LevelDef = {
  id: 'node-used-twice',
  chapter: 'neuron',
  title: 'The bug: a node used twice',
  goal: 'b = a + a: micrograd once said a.grad = 1. Type the right a.grad; then add c = b + b and make a.grad = 4.',
  mode: 'build',
  start: () => preset.build(),
  palette: ['add'],
  hidden: ['mode-backward', 'mode-train', 'examples'],
  budget: 3,
  hints: ['Each use of a sends 1 back through the +. Backward must add the two (+=), not overwrite.', 'Add one + and wire b into both of its inputs.'],
  predictions: [
    {
      id: 'grad-a',
      prompt: 'a.grad for b = a + a',
      answer: (start) => gradOf(start, 'a'),
      tolerance: 0.001,
      explain: () => 'a feeds both inputs of the +, and each sends back 1 × b.grad = 1. Backward must add them (grad += …): 1 + 1 = 2. Writing grad = … keeps only the last one, the bug that gave 1.',
    },
  ],
  checks: [
    {
      id: 'c-is-b-plus-b',
      text: 'The output is c = b + b',
      test: ({ now }) => {
        const out = outputNode(now);
        const b = idLabelled(now.doc, 'b');
        const feeds = Object.values(now.doc.wires).filter((w) => w.target === out?.id);
        return out?.kind === 'op' && out.op === 'add' && feeds.length === 2 && feeds.every((w) => w.source === b);
      },
    },
    { id: 'a-grad-4', text: 'a.grad = 4', test: ({ now }) => near(gradOf(now, 'a'), 4, 1e-9) },
  ],
};
