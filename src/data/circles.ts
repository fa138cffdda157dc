import { checkOptions } from './checkOptions';
import { linspace } from './linspace';
import { createRng } from './random';
import { shuffleAndJitter } from './shuffleAndJitter';
import type { Dataset, GeneratorOptions, Label } from './types';

/** Options for {@link makeCircles}. */
export interface CirclesOptions extends GeneratorOptions {
  /**
   * Inner radius as a fraction of the outer (unit) radius, in (0, 1). Defaults to 0.5, wider
   * than sklearn's 0.8, so the gap stays visible at the noise levels beginners try.
   */
  factor?: number;
}

/**
 * A ring around a disc, after scikit-learn's `make_circles`: a dataset no straight line can
 * split, which shows why hidden layers matter. Outer circle (radius 1) is -1 with floor(n/2)
 * points, inner circle (radius `factor`) is +1, each evenly spaced in angle.
 */
export function makeCircles(options: CirclesOptions): Dataset {
  checkOptions('circles', options);
  const { n, noise, seed, factor = 0.5 } = options;
  if (!(factor > 0 && factor < 1)) {
    throw new RangeError(`circles: factor must be between 0 and 1 (exclusive), got ${factor}`);
  }
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const x: number[][] = [];
  const y: Label[] = [];
  for (const t of linspace(0, 2 * Math.PI, nOut, false)) {
    x.push([Math.cos(t), Math.sin(t)]);
    y.push(-1);
  }
  for (const t of linspace(0, 2 * Math.PI, nIn, false)) {
    x.push([Math.cos(t) * factor, Math.sin(t) * factor]);
    y.push(1);
  }
  return shuffleAndJitter('circles', x, y, createRng(seed), noise);
}
