import { tiny4 } from '../../data/tiny4';
import { MLP } from '../../nn';
import { insertMlp } from '../network/insertMlp';
import { EMPTY_DOC, type TrainingSetup } from '../types';
import type { Preset } from './types';

/** The seed of the network's first weights. */
export const TINY_MLP_SEED = 1337;

/**
 * The lecture's training loop, as a setup: its four samples, no test split, squared error summed
 * over them, no L2, full batch, a constant rate of 0.01 (`p.data += -0.01 * p.grad`).
 */
const TINY_MLP_SETUP: TrainingSetup = {
  dataset: { kind: 'tiny4', n: 4, noise: 0, seed: 0 },
  testFraction: 0,
  added: [],
  imported: null,
  lr: 0.01,
  schedule: 'constant',
  decaySteps: 100,
  batchSize: 0,
  alpha: 0,
  initSeed: TINY_MLP_SEED,
};

/** The network src/nn builds for this preset: the drawing holds its weights. */
function tinyNetwork(): MLP {
  return new MLP(3, [4, 4, 1], { seed: TINY_MLP_SEED, activation: 'tanh', outputActivation: 'tanh' });
}

/** The first sample's squared error, as src/nn computes it: what the loss card shows. */
function firstSampleLoss(): number {
  const { x, y } = tiny4();
  const out = tinyNetwork().forward(x[0]!)[0]!.data;
  return (out - y[0]!) ** 2;
}

/**
 * The lecture's MLP(3, [4, 4, 1]) with tanh on every layer, the output's too, wired to its four
 * samples and a squared-error loss, in Train mode: twenty steps are the lecture's
 * `for k in range(20)`, and the loss falls as it does there. The inputs show the first sample.
 */
export const tinyMlp: Preset = {
  id: 'tiny-mlp',
  title: 'Lecture: tiny MLP',
  blurb: 'MLP(3, [4, 4, 1]) (41 parameters) on the lecture’s four samples, squared error, lr 0.01: twenty steps take the loss from about 4.5 to under 0.5.',
  mode: 'train',
  expected: { label: 'loss', value: firstSampleLoss() },
  build() {
    const { doc } = insertMlp(EMPTY_DOC, { nin: 3, sizes: [4, 4, 1], activation: 'tanh', outputActivation: 'tanh', seed: TINY_MLP_SEED, style: 'neurons', loss: 'squared', at: { x: 0, y: 0 } });
    const { x, y } = tiny4();
    const nodes = { ...doc.nodes };
    for (const node of Object.values(nodes)) {
      if (node.kind === 'input') nodes[node.id] = { ...node, value: x[0]![node.feature]! };
      if (node.kind === 'target') nodes[node.id] = { ...node, value: y[0]! };
    }
    return { ...doc, nodes, training: TINY_MLP_SETUP };
  },
};
