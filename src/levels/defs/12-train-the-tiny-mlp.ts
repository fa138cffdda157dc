import { tinyMlp } from '../../document/presets/tinyMlp';
import { fullLoss } from '../fullLoss';
import type { LevelDef } from '../types';

/** The target loss: the lecture's loop gets the four predictions close to their labels. */
const TARGET = 0.01;

/** Lecture: the training loop on the four samples: forward, zero grad, backward, update. */
export const trainTheTinyMlp: LevelDef = {
  id: 'train-the-tiny-mlp',
  chapter: 'networks',
  title: 'Train the tiny MLP',
  goal: `Train MLP(3, [4, 4, 1]) on the lecture’s four samples until the loss is below ${TARGET}.`,
  mode: 'train',
  start: () => tinyMlp.build(),
  palette: [],
  hidden: ['examples'],
  budget: null,
  hints: ['Press Train and watch the loss curve; Pause to stop.', 'The lecture’s rate 0.01 is slow: try 0.05 to 0.1 on the slider.'],
  predictions: [],
  checks: [{ id: 'loss', text: `Loss over the 4 samples < ${TARGET}`, test: ({ now }) => fullLoss(now.doc) < TARGET }],
};
