import type { Rng } from './random';
import type { Dataset, Label } from './types';

/**
 * The common last step of every generator, in scikit-learn's order: shuffle the rows (the
 * construction lists one class after the other, which would make minibatches one-sided), then
 * add gaussian noise to each coordinate, row by row.
 *
 * Noise is drawn even when `noise` is 0, so the random stream does not depend on it: with a
 * fixed seed, moving the noise slider moves every point smoothly along its own fixed direction
 * instead of reshuffling the whole picture.
 */
export function shuffleAndJitter(
  name: string,
  x: number[][],
  y: Label[],
  rng: Rng,
  noise: number,
): Dataset {
  const xs = x.map((row) => row.slice());
  const ys = y.slice();
  // Fisher–Yates, moving each row together with its label.
  for (let i = xs.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [xs[i], xs[j]] = [xs[j] as number[], xs[i] as number[]];
    [ys[i], ys[j]] = [ys[j] as Label, ys[i] as Label];
  }
  for (const row of xs) {
    for (let k = 0; k < row.length; k++) row[k] = (row[k] as number) + noise * rng.normal();
  }
  return { name, x: xs, y: ys };
}
