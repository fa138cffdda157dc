import { checkOptions } from './checkOptions';
import { classSizes } from './classSizes';
import { createRng } from './random';
import { shuffleAndJitter } from './shuffleAndJitter';
import type { Dataset, GeneratorOptions, Label } from './types';

/** Options for {@link makeSpiral}. */
export interface SpiralOptions extends GeneratorOptions {
  /**
   * How many times each arm winds round the centre; defaults to 1.75 as in TensorFlow
   * Playground. More turns need a bigger network, which makes this the capacity knob.
   */
  turns?: number;
}

/**
 * Two interleaved spiral arms (TensorFlow Playground / cs231n), the hardest of the built-in
 * shapes. Point i of m in an arm sits at radius r = i/m and angle 2π·turns·r, the +1 arm
 * starting at angle 0 and the -1 arm rotated by π, with x = r·sin(angle), y = r·cos(angle).
 * The -1 arm gets floor(n/2) points.
 *
 * With `classes` k ≥ 3 there are k arms, arm j labelled j and rotated by 2π·j/k (cs231n's
 * three-arm spiral), the points split as evenly as possible.
 */
export function makeSpiral(options: SpiralOptions): Dataset {
  checkOptions('spiral', options);
  const { n, noise, seed, turns = 1.75, classes = 2 } = options;
  if (!(Number.isFinite(turns) && turns > 0)) {
    throw new RangeError(`spiral: turns must be a finite number > 0, got ${turns}`);
  }
  const x: number[][] = [];
  const y: Label[] = [];
  const arm = (m: number, offset: number, label: Label): void => {
    for (let i = 0; i < m; i++) {
      const r = i / m;
      const angle = 2 * Math.PI * turns * r + offset;
      x.push([r * Math.sin(angle), r * Math.cos(angle)]);
      y.push(label);
    }
  };
  if (classes === 2) {
    // The original two arms, in the original order, so existing seeds give the same points.
    const nNeg = Math.floor(n / 2);
    arm(nNeg, Math.PI, -1);
    arm(n - nNeg, 0, 1);
  } else {
    classSizes(n, classes).forEach((m, j) => arm(m, (2 * Math.PI * j) / classes, j));
  }
  return shuffleAndJitter('spiral', x, y, createRng(seed), noise);
}
