import type { Label } from './types';

/**
 * The labels of a k-class problem, in class order: −1/+1 for two classes (micrograd's tanh and
 * max-margin targets), 0..k−1 for three or more (a softmax's class numbers).
 */
export function classLabels(k: number): Label[] {
  return k === 2 ? [-1, 1] : Array.from({ length: k }, (_, j) => j);
}

/**
 * How many classes a set of labels spans: 2 for ±1 labels, otherwise one more than the
 * largest class number (a file of 0..k−1 may not show every class in every subset).
 */
export function classCountOf(labels: readonly Label[]): number {
  let largest = 1;
  for (const label of labels) if (label > largest) largest = label;
  return largest + 1;
}
