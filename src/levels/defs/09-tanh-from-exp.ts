import { DocBuilder } from '../../document/presets/DocBuilder';
import { addNeuronSum } from '../../document/presets/tanhNeuron';
import { near, opsUsed, outputData } from '../graphFacts';
import type { LevelDef } from '../types';
import { referenceNeuron, sameLeafGrads } from './07-a-neuron';

/** Lecture: tanh spelled out as (e^2n − 1)/(e^2n + 1) gives the same o and the same grads. */
export const tanhFromExp: LevelDef = {
  id: 'tanh-from-exp',
  chapter: 'neuron',
  title: 'Break tanh apart',
  goal: 'Finish the neuron without tanh: o = (e^(2n) − 1) / (e^(2n) + 1) from exp, +, −, ÷. Same o, same grads.',
  mode: 'build',
  start: () => {
    const g = new DocBuilder();
    addNeuronSum(g);
    // No output marked: the ÷ the player wires last becomes the output (the deepest end).
    return g.build();
  },
  palette: ['constant', 'mul', 'exp', 'add', 'sub', 'div'],
  hidden: ['mode-backward', 'mode-train', 'examples'],
  budget: 17,
  hints: ['2n is a × with a Constant 2. Then exp, then one − 1 and one + 1 (Constants again), then ÷.', 'You can wire the same exp into both the − and the +.'],
  predictions: [],
  checks: [
    { id: 'no-tanh', text: 'No tanh node', test: ({ now }) => !opsUsed(now.doc).has('tanh') },
    { id: 'o-value', text: 'o = 0.7071', test: ({ now }) => near(outputData(now), Math.SQRT1_2, 1e-4) },
    { id: 'same-grads', text: 'Same grads as tanh gives (x1 −1.5, w1 1, x2 0.5, w2 0)', test: ({ now }) => sameLeafGrads(now, referenceNeuron()) },
  ],
};
