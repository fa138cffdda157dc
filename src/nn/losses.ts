import type { Value } from '../engine';

/**
 * Losses, each built from Value ops so backward flows through them. Sums are accumulated in
 * the order micrograd's demo and the lecture use, so the digits match theirs.
 */

/** The lecture's loss: Σ (prediction − target)². */
export function sumSquaredError(predictions: readonly Value[], targets: readonly number[]): Value {
  checkLengths(predictions, targets);
  return sum(predictions.map((p, i) => p.sub(targets[i]!).pow(2)));
}

/** micrograd's max-margin loss: mean over samples of relu(1 − y·score), for labels ±1. */
export function hingeLoss(scores: readonly Value[], labels: readonly number[]): Value {
  checkLengths(scores, labels);
  // micrograd writes (1 + -yi*scorei).relu(); multiplication commutes exactly, so this is it.
  const losses = scores.map((s, i) => s.mul(-labels[i]!).add(1).relu());
  return sum(losses).mul(1.0 / losses.length);
}

/** L2 regularisation: alpha · Σ p². */
export function l2Penalty(parameters: readonly Value[], alpha: number): Value {
  return sum(parameters.map((p) => p.mul(p))).mul(alpha);
}

/** micrograd demo's total loss: hinge loss + alpha · Σ p² (alpha 1e-4 in the demo). */
export function hingeWithL2(
  scores: readonly Value[],
  labels: readonly number[],
  parameters: readonly Value[],
  alpha = 1e-4,
): Value {
  return hingeLoss(scores, labels).add(l2Penalty(parameters, alpha));
}

/**
 * Binary cross-entropy on raw scores (logits) with labels ±1: mean of softplus(−y·score), which
 * equals −[t·log σ(s) + (1 − t)·log(1 − σ(s))] with t = (y + 1)/2. Written as
 * relu(z) + log(1 + exp(−|z|)) so that large scores cannot overflow exp.
 */
export function binaryCrossEntropy(scores: readonly Value[], labels: readonly number[]): Value {
  checkLengths(scores, labels);
  const losses = scores.map((s, i) => {
    const z = s.mul(-labels[i]!);
    const absZ = z.relu().add(z.neg().relu());
    return z.relu().add(absZ.neg().exp().add(1).log());
  });
  return sum(losses).mul(1.0 / losses.length);
}

/** Σ values from the first one on: ((v0 + v1) + v2) + ..., as numpy's .sum() and micrograd's sum. */
export function sum(values: readonly Value[]): Value {
  if (values.length === 0) throw new RangeError('cannot sum an empty list of Values');
  let total = values[0]!;
  for (let i = 1; i < values.length; i++) total = total.add(values[i]!);
  return total;
}

function checkLengths(a: readonly unknown[], b: readonly unknown[]): void {
  if (a.length !== b.length) throw new RangeError(`${a.length} predictions but ${b.length} targets`);
  if (a.length === 0) throw new RangeError('a loss needs at least one sample');
}
