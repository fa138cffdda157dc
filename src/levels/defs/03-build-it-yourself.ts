import { EMPTY_DOC } from '../../document/types';
import { allComputed, leafGradsMatch, near, opsUsed, outputData } from '../graphFacts';
import type { LevelDef } from '../types';

/** The leaves of L = (a·b + c)·f and their grads dL/dleaf, as the lecture works them out. */
const LEAVES: ReadonlyArray<readonly [number, number]> = [
  [2, 6],
  [-3, -4],
  [10, -2],
  [-2, 4],
];

/** Lecture: the expression it backpropagates by hand, built by the player from an empty canvas. */
export const buildItYourself: LevelDef = {
  id: 'build-it-yourself',
  chapter: 'backprop',
  title: 'Build it yourself',
  goal: 'Build L = (a·b + c)·f with a = 2, b = −3, c = 10, f = −2 from Value, + and ×. Goal: L = −8.0 in 7 nodes.',
  mode: 'build',
  start: () => EMPTY_DOC,
  palette: ['value', 'add', 'mul'],
  hidden: ['mode-train', 'examples'],
  budget: 7,
  hints: ['Four Values (2, −3, 10, −2) and three ops: × for a·b, + to add c, × again for f.', 'Drag from a node’s right handle to an op’s input handle to wire it.'],
  predictions: [],
  checks: [
    { id: 'computes', text: 'Every node has its inputs', test: ({ now }) => Object.keys(now.doc.nodes).length > 0 && allComputed(now) },
    { id: 'only-add-mul', text: 'Only + and × ops', test: ({ now }) => [...opsUsed(now.doc)].every((op) => op === 'add' || op === 'mul') },
    { id: 'is-l', text: 'It is (a·b + c)·f: each of a, b, c, f used once, in that shape', test: ({ now }) => leafGradsMatch(now, LEAVES) },
    { id: 'value', text: 'L = −8.0', test: ({ now }) => near(outputData(now), -8, 1e-9) },
  ],
};
