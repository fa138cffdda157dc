import { checkOptions } from './checkOptions';
import { createRng } from './random';
import { shuffleAndJitter } from './shuffleAndJitter';
import type { Dataset, GeneratorOptions, Label } from './types';

/** Options for {@link makeXor}. */
export interface XorOptions extends GeneratorOptions {
  /**
   * Points keep at least this distance from both axes before noise, in [0, 1). Defaults to
   * 0.1: without a gap, points on the axes carry near-random labels and no model looks good.
   */
  margin?: number;
}

/**
 * The XOR pattern (as in TensorFlow Playground, scaled to [-1, 1]²): label = sign(x1·x2), so
 * opposite quadrants share a class and no single neuron can separate them. Labels are dealt
 * evenly (floor(n/2) are -1) rather than read off random points, so even a small n has both
 * classes; each point's quadrant is then picked at random among the two of its class.
 */
export function makeXor(options: XorOptions): Dataset {
  checkOptions('xor', options);
  const { n, noise, seed, margin = 0.1 } = options;
  if (!(margin >= 0 && margin < 1)) {
    throw new RangeError(`xor: margin must be in [0, 1), got ${margin}`);
  }
  const rng = createRng(seed);
  const nNeg = Math.floor(n / 2);
  const x: number[][] = [];
  const y: Label[] = [];
  for (let i = 0; i < n; i++) {
    const label: Label = i < nNeg ? -1 : 1;
    const sign1 = rng.next() < 0.5 ? -1 : 1;
    const x1 = sign1 * rng.uniform(margin, 1);
    const x2 = sign1 * label * rng.uniform(margin, 1);
    x.push([x1, x2]);
    y.push(label);
  }
  return shuffleAndJitter('xor', x, y, rng, noise);
}
