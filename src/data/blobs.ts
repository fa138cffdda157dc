import { checkOptions } from './checkOptions';
import { createRng } from './random';
import { shuffleAndJitter } from './shuffleAndJitter';
import type { Dataset, GeneratorOptions, Label, Point2 } from './types';

/** Options for {@link makeBlobs}. */
export interface BlobsOptions extends GeneratorOptions {
  /** Centre of the -1 blob; defaults to (-1, -1). */
  negativeCentre?: Point2;
  /** Centre of the +1 blob; defaults to (1, 1). */
  positiveCentre?: Point2;
}

/**
 * Two gaussian blobs, the easy, linearly separable warm-up: every point starts at its class's
 * centre and `noise` is the blobs' standard deviation, so raising it makes them overlap.
 * The -1 blob gets floor(n/2) points.
 */
export function makeBlobs(options: BlobsOptions): Dataset {
  checkOptions('blobs', options);
  const { n, noise, seed, negativeCentre = [-1, -1], positiveCentre = [1, 1] } = options;
  for (const c of [negativeCentre, positiveCentre]) {
    if (!c.every(Number.isFinite)) {
      throw new RangeError(`blobs: centres must be finite, got (${c.join(', ')})`);
    }
  }
  const x: number[][] = [];
  const y: Label[] = [];
  const nNeg = Math.floor(n / 2);
  for (let i = 0; i < n; i++) {
    const label: Label = i < nNeg ? -1 : 1;
    x.push([...(label === -1 ? negativeCentre : positiveCentre)]);
    y.push(label);
  }
  return shuffleAndJitter('blobs', x, y, createRng(seed), noise);
}
