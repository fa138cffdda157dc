import type { Datasets } from '../../training/setup';
import { MINUS } from '../formatNumber';
import { formatPercent } from './chartMath';

/**
 * The data plot and the decision map in words, for screen readers (the plot is a canvas):
 * how many points of each class, how they split into train and test, and how much of each the
 * network now classifies right. `accuracy` is the latest training report, or undefined before
 * the first step.
 */
export function plotDescription(data: Datasets, accuracy: { train: number; test: number } | undefined): string {
  const counts = new Map<number, number>();
  for (const y of data.all.y) counts.set(y, (counts.get(y) ?? 0) + 1);
  const classes = [...counts.entries()]
    .sort(([a], [b]) => b - a)
    .map(([label, n]) => `${n} of class ${className(label)}`)
    .join(', ');
  const points = `${data.all.y.length} points${classes ? `: ${classes}` : ''} (${data.train.y.length} train, ${data.test.y.length} test).`;
  if (!accuracy) return `${points} The decision map appears after the first training step.`;
  return `${points} The decision map classifies ${formatPercent(accuracy.train)} of the training points and ${formatPercent(accuracy.test)} of the test points correctly.`;
}

/** ±1 as the plot's legend writes them; k-class labels by number. */
function className(label: number): string {
  if (label === 1) return '+1';
  if (label === -1) return `${MINUS}1`;
  return String(label);
}
