import type { Dataset, Label } from './types';

const XS: readonly (readonly number[])[] = [
  [2.0, 3.0, -1.0],
  [3.0, -1.0, 0.5],
  [0.5, 1.0, 1.0],
  [1.0, 1.0, -1.0],
];
const YS: readonly Label[] = [1, -1, -1, 1];

/**
 * The four samples from Karpathy's micrograd lecture (3 inputs each), so learners can compare
 * the playground's numbers with the video. Returns fresh arrays: callers may mutate them
 * without corrupting the next call.
 */
export function tiny4(): Dataset {
  return { name: 'tiny4', x: XS.map((row) => row.slice()), y: YS.slice() };
}
