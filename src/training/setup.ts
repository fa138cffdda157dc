import { generate, splitDataset, type Dataset, type Label } from '../data';
import type { GraphDoc, LabelledPoint, TrainingSetup } from '../document/types';

/** What a document trains on when the person has not chosen yet: micrograd's demo. */
export const DEFAULT_SETUP: TrainingSetup = {
  dataset: { kind: 'moons', n: 100, noise: 0.1, seed: 1 },
  testFraction: 0.2,
  added: [],
  imported: null,
  lr: 0.1,
  schedule: 'constant',
  decaySteps: 100,
  batchSize: 0,
  alpha: 1e-4,
  initSeed: 1337,
};

/** The document's setup, or the default. */
export function setupOf(doc: GraphDoc): TrainingSetup {
  return doc.training ?? DEFAULT_SETUP;
}

/** The points to train and test on: the generator's (or the imported CSV's) plus the added ones. */
export interface Datasets {
  all: Dataset;
  train: Dataset;
  test: Dataset;
}

const cache = new WeakMap<TrainingSetup, Datasets>();

/**
 * Regenerates the points from the setup: same setup, same points (seeded). Points the person
 * added go to the training set, so a click shows up in training at once. Cached per setup object.
 */
export function datasetsOf(setup: TrainingSetup): Datasets {
  const hit = cache.get(setup);
  if (hit) return hit;
  const base: Dataset = setup.imported ? fromPoints(setup.imported.name, setup.imported.points) : generate(setup.dataset);
  const split = splitDataset(base, { testFraction: setup.testFraction, seed: setup.dataset.seed });
  const extra = fromPoints('added', setup.added);
  const train: Dataset = { name: split.train.name, x: [...split.train.x, ...extra.x], y: [...split.train.y, ...extra.y] };
  const all: Dataset = { name: base.name, x: [...base.x, ...extra.x], y: [...base.y, ...extra.y] };
  const result = { all, train, test: split.test };
  cache.set(setup, result);
  return result;
}

function fromPoints(name: string, points: readonly LabelledPoint[]): Dataset {
  return { name, x: points.map((p) => [...p.x]), y: points.map((p) => p.label as Label) };
}
