import { quadratic } from '../../document/presets/quadratic';
import { gradOf } from '../graphFacts';
import type { LevelDef } from '../types';

/** Lecture, first minutes: the slope of f(x) = 3x² − 4x + 5 at x = 3, found by nudging x. */
export const slopeByNudging: LevelDef = {
  id: 'slope-by-nudging',
  chapter: 'derivatives',
  title: 'Slope by nudging',
  goal: 'f(x) = 3x² − 4x + 5 at x = 3. Nudge x by a small h, watch f, and type the slope (f(x+h) − f(x)) / h.',
  mode: 'build',
  start: () => quadratic.build(),
  palette: [],
  hidden: ['mode-backward', 'mode-train', 'examples'],
  budget: null,
  hints: ['Type 3.001 into x: f moves from 20 to about 20.014. Divide that change by 0.001.', 'The exact slope is 6x − 4.'],
  predictions: [{ id: 'slope', prompt: 'Slope of f at x = 3', answer: (start) => gradOf(start, 'x'), tolerance: 0.01 }],
  checks: [],
};
