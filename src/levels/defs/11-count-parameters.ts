import { countParameters } from '../../document/network/parameters';
import { mlpForward } from '../../document/presets/mlpForward';
import type { LevelDef } from '../types';

/** Lecture: MLP(3, [4, 4, 1]) has 41 parameters; the player counts them before the chip shows it. */
export const countParametersLevel: LevelDef = {
  id: 'count-parameters',
  chapter: 'networks',
  title: 'A network’s parameters',
  goal: 'This is MLP(3, [4, 4, 1]). How many parameters (weights and biases) does it have? Type len(m.parameters()).',
  mode: 'build',
  start: () => mlpForward.build(),
  palette: [],
  hidden: ['parameter-count', 'mode-train', 'examples'],
  budget: null,
  hints: ['Each neuron has one weight per input and one bias.', 'Layer 1: 4 neurons × (3 + 1); layer 2: 4 × (4 + 1); layer 3: 1 × (4 + 1).'],
  predictions: [{ id: 'parameters', prompt: 'len(m.parameters())', answer: (start) => countParameters(start.doc), tolerance: 0.5 }],
  checks: [],
};
