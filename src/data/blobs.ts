import { checkOptions } from './checkOptions';
import { classSizes } from './classSizes';
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
 *
 * With `classes` k ≥ 3 the blobs sit evenly round a circle of radius {@link RING_RADIUS}
 * (blob j, labelled j, at angle π/2 + 2π·j/k, so the first is on top), points split as evenly
 * as possible; the two centre options then do not apply.
 */
export function makeBlobs(options: BlobsOptions): Dataset {
  checkOptions('blobs', options);
  const { n, noise, seed, negativeCentre = [-1, -1], positiveCentre = [1, 1], classes = 2 } = options;
  if (classes !== 2) return ringOfBlobs(n, noise, seed, classes);
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

/**
 * Radius of the ring the k blobs sit on: neighbouring centres of five blobs are then 1.76 apart,
 * a little more than three times the default noise, so they touch without merging (as two blobs
 * at (±1, ±1), 2.83 apart, barely touch).
 */
export const RING_RADIUS = 1.5;

function ringOfBlobs(n: number, noise: number, seed: number, k: number): Dataset {
  const x: number[][] = [];
  const y: Label[] = [];
  classSizes(n, k).forEach((m, j) => {
    const angle = Math.PI / 2 + (2 * Math.PI * j) / k;
    for (let i = 0; i < m; i++) {
      x.push([RING_RADIUS * Math.cos(angle), RING_RADIUS * Math.sin(angle)]);
      y.push(j);
    }
  });
  return shuffleAndJitter('blobs', x, y, createRng(seed), noise);
}
