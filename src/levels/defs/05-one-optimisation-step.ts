import { lectureL } from '../../document/presets/lectureL';
import { dataOf, opsUsed } from '../graphFacts';
import type { Evaluated, LevelDef } from '../types';

/** The wiring of a graph, ignoring leaf values and positions: what Step leaves must not change. */
function wiring(e: Evaluated): string {
  const ops = [...opsUsed(e.doc)].sort().join(',');
  return `${Object.keys(e.doc.nodes).length}/${Object.keys(e.doc.wires).length}/${ops}`;
}

/** Lecture: one step of gradient ascent on the leaves takes L from −8.0 to −7.286496. */
export const oneOptimisationStep: LevelDef = {
  id: 'one-optimisation-step',
  chapter: 'backprop',
  title: 'One optimisation step',
  goal: 'Make L go up by moving every leaf a little along its grad (Backward, then Step leaves). Goal: L > −7.3.',
  mode: 'backward',
  start: () => lectureL.build(),
  palette: [],
  hidden: ['mode-train', 'examples'],
  budget: null,
  hints: ['Press Backward first so every leaf has its grad.', 'In Step leaves, pick Ascend with lr 0.01 and press Step: each leaf moves by 0.01 · grad.'],
  predictions: [],
  checks: [
    { id: 'same-graph', text: 'Same wiring: only the leaves moved', test: ({ now, start }) => wiring(now) === wiring(start) },
    { id: 'l-up', text: 'L > −7.3', test: ({ now }) => dataOf(now, 'L') > -7.3 },
  ],
};
