import { tinyMlp } from '../../document/presets/tinyMlp';
import { fullLoss } from '../fullLoss';
import type { LevelDef } from '../types';

/** The target loss: the lecture's loop gets the four predictions close to their labels. */
const TARGET = 0.01;
/**
 * The learning-rate budget for the second star: ten times the lecture's 0.01. A bigger step
 * gets there in fewer steps, then starts to overshoot; the star asks for a rate that is fast
 * enough to be done in a few dozen steps and no bigger.
 */
export const TINY_MLP_MAX_RATE = 0.1;

/** Lecture: the training loop on the four samples: forward, zero grad, backward, update. */
export const trainTheTinyMlp: LevelDef = {
  id: 'train-the-tiny-mlp',
  chapter: 'networks',
  title: 'Train the tiny MLP',
  goal: `Train MLP(3, [4, 4, 1]) on the lecture’s four samples until the loss is below ${TARGET}. A star for a learning rate of at most ${TINY_MLP_MAX_RATE}.`,
  mode: 'train',
  start: () => tinyMlp.build(),
  palette: [],
  hidden: ['examples'],
  budget: TINY_MLP_MAX_RATE,
  budgetUnit: 'learning-rate',
  hints: ['Press Train and watch the loss curve; Pause to stop.', 'The lecture’s rate 0.01 is slow (about 300 steps): 0.1 on the slider gets there in about 20, still within the budget.'],
  predictions: [],
  checks: [{ id: 'loss', text: `Loss over the 4 samples < ${TARGET}`, test: ({ now }) => fullLoss(now.doc) < TARGET }],
};
