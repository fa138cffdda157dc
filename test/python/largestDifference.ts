import { expect } from 'vitest';

/** The tolerance the PyTorch checks hold every printed number to (float64 against float64). */
export const TORCH_TOLERANCE = 1e-9;

/**
 * Compares numbers torch printed with the playground's, to {@link TORCH_TOLERANCE} relative
 * (absolute below 1, and relative to `scale` for sums that cancel), and keeps the largest
 * difference seen so a test can report it.
 */
export class DifferenceMeter {
  /** The largest |torch − playground| / max(1, |playground|, scale) seen so far. */
  largest = 0;
  /** Numbers compared so far. */
  count = 0;

  /** Expects `actual` (torch) to be `expected` (the playground) within the tolerance. */
  expectClose(actual: number, expected: number, what: string, scale = 0): void {
    this.count++;
    if (actual === expected || (Number.isNaN(actual) && Number.isNaN(expected))) return;
    const difference = Math.abs(actual - expected) / Math.max(1, Math.abs(expected), scale);
    if (difference > this.largest || Number.isNaN(difference)) this.largest = Number.isNaN(difference) ? Infinity : difference;
    expect(difference <= TORCH_TOLERANCE, `${what}: torch ${actual}, playground ${expected}`).toBe(true);
  }
}
