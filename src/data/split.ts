import { createRng } from './random';
import type { Dataset, Label } from './types';

/** Options for {@link splitDataset}. */
export interface SplitOptions {
  /** Share of the points held out for testing, in [0, 1]. */
  testFraction: number;
  /** The same seed gives the same split of the same dataset. */
  seed: number;
}

/** The two halves of a split; each is an ordinary Dataset so training and plotting code take either. */
export interface Split {
  train: Dataset;
  test: Dataset;
}

/**
 * A seeded random train/test split, so a learner can see overfitting (training loss falls,
 * test loss rises). The test set gets ceil(n · testFraction) points, as in scikit-learn's
 * `train_test_split`, so even a small fraction holds out a point
 * (fractions within float error of a whole count round to it). Not stratified:
 * a tiny test set can miss a class, which is worth seeing rather than hiding.
 * Rows are copied, so mutating a half leaves the original intact.
 */
export function splitDataset(dataset: Dataset, { testFraction, seed }: SplitOptions): Split {
  if (!(testFraction >= 0 && testFraction <= 1)) {
    throw new RangeError(`split: testFraction must be in [0, 1], got ${testFraction}`);
  }
  const n = dataset.x.length;
  const order = Array.from({ length: n }, (_, i) => i);
  const rng = createRng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  // The tolerance keeps float error from rounding up a whole point (100 × 0.07 is 7.000…01).
  const nTest = Math.max(0, Math.ceil(n * testFraction - 1e-9));
  const pick = (indices: number[], suffix: string): Dataset => ({
    name: `${dataset.name} (${suffix})`,
    x: indices.map((i) => (dataset.x[i] as number[]).slice()),
    y: indices.map((i) => dataset.y[i] as Label),
  });
  return { test: pick(order.slice(0, nTest), 'test'), train: pick(order.slice(nTest), 'train') };
}
