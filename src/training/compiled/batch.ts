import { createRng, type Rng } from '../../data';

/**
 * Which samples each step trains on. Full batch: every sample, in dataset order (micrograd's
 * demo without batch_size). Mini-batch: the first B of a fresh random permutation, as the demo's
 * `np.random.permutation(n)[:batch_size]`, drawn from a seed so a run can be replayed. The
 * permutation is shuffled in place (B swaps of a partial Fisher–Yates), so drawing allocates
 * nothing.
 */
export class BatchSampler {
  /** The batch is indices[0 .. size) after `draw(size)`. */
  readonly indices: Int32Array;
  private readonly rng: Rng;

  constructor(
    readonly sampleCount: number,
    seed: number,
  ) {
    this.indices = new Int32Array(sampleCount);
    this.rng = createRng(seed);
    this.reset();
  }

  /**
   * Picks the next batch and returns its size. `size` 0, or at least the sample count, means
   * the full batch.
   */
  draw(size: number): number {
    const n = this.sampleCount;
    if (size <= 0 || size >= n) {
      this.reset();
      return n;
    }
    const idx = this.indices;
    for (let i = 0; i < size; i++) {
      const j = i + this.rng.int(n - i);
      const t = idx[i]!;
      idx[i] = idx[j]!;
      idx[j] = t;
    }
    return size;
  }

  private reset(): void {
    for (let i = 0; i < this.sampleCount; i++) this.indices[i] = i;
  }
}
