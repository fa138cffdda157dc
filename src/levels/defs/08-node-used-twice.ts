import { nodeUsedTwice as preset } from '../../document/presets/nodeUsedTwice';
import { gradWithRule, type AccumulateRule } from '../backwardRule';
import { dataOf, idLabelled, near, outputNode, shown } from '../graphFacts';
import type { LevelContext, LevelDef } from '../types';

/** The rule the player picked; until they pick, backward is micrograd's first, buggy one. */
function ruleOf(ctx: LevelContext): AccumulateRule {
  return ctx.choices.rule === 'accumulate' ? 'accumulate' : 'assign';
}

const OVERWRITES = 'With self.grad = …, each use of a writes over the last one, so only one contribution of 1 survives.';

/** Lecture: the bug of b = a + a, where a's two gradient contributions must add up (+=). */
export const nodeUsedTwice: LevelDef = {
  id: 'node-used-twice',
  chapter: 'neuron',
  title: 'The bug: a node used twice',
  goal: 'b = a + a, and backward says a.grad = 1. Fix backward by choosing how it writes a grad: a.grad = 2. Then a = 1, c = b + b: a.grad = 4.',
  mode: 'build',
  // No output marked: the player's c = b + b becomes the output (the deepest end) once wired.
  start: () => ({ ...preset.build(), output: null }),
  palette: ['add'],
  hidden: ['mode-backward', 'mode-train', 'examples'],
  budget: 3,
  hints: ['a feeds both inputs of the +, and each input sends back 1 × b.grad. Should the second one replace the first, or add to it?', 'Type 1 into a, add one + and wire b into both of its inputs.'],
  predictions: [],
  choices: [
    {
      id: 'rule',
      prompt: 'Each op’s backward writes its inputs’ grad with',
      style: 'options',
      options: [
        { id: 'assign', label: 'self.grad = local · out.grad' },
        { id: 'accumulate', label: 'self.grad += local · out.grad' },
      ],
    },
  ],
  checks: [
    {
      id: 'a-grad-2',
      text: 'b = a + a: a.grad = 2',
      test: (ctx) => near(gradWithRule(ctx.start, 'a', ruleOf(ctx)), 2, 1e-9),
      explain: (ctx) => (ctx.choices.rule === undefined ? null : OVERWRITES),
    },
    { id: 'a-is-1', text: 'a = 1', test: ({ now }) => near(dataOf(now, 'a'), 1, 1e-9) },
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
    { id: 'a-grad-4', text: 'a.grad = 4', test: (ctx) => near(gradWithRule(ctx.now, 'a', ruleOf(ctx)), 4, 1e-9) },
  ],
  readouts: (ctx) => [{ id: 'a-grad', label: `a.grad by backward with ${ruleOf(ctx) === 'assign' ? 'grad = …' : 'grad += …'}`, text: shown(gradWithRule(ctx.now, 'a', ruleOf(ctx))) }],
};
