import { abPlusC } from '../../document/presets/abPlusC';
import { gradOf } from '../graphFacts';
import type { LevelDef, Prediction } from '../types';

function slopeOf(input: string): Prediction {
  return { id: `grad-${input}`, prompt: `∂d/∂${input}`, answer: (start) => gradOf(start, input), tolerance: 0.001 };
}

/** Lecture: d = a·b + c; nudging each input in turn shows which one moves d fastest. */
export const threeInputs: LevelDef = {
  id: 'three-inputs',
  chapter: 'derivatives',
  title: 'Three inputs',
  goal: 'd = a·b + c. Which input raises d fastest? Nudge each one and type ∂d/∂a, ∂d/∂b and ∂d/∂c.',
  mode: 'build',
  start: () => abPlusC.build(),
  palette: [],
  hidden: ['mode-backward', 'mode-train', 'examples'],
  budget: null,
  hints: ['Bump a from 2 to 2.001 and see how much d moves; divide by 0.001. Put a back, then try b and c.', 'In a·b, the slope with respect to a is b, and with respect to b it is a.'],
  predictions: [slopeOf('a'), slopeOf('b'), slopeOf('c')],
  checks: [],
};
