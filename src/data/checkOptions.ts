import { MAX_GENERATED_CLASSES, MAX_POINTS } from './limits';
import type { GeneratorOptions } from './types';

/**
 * Throws a RangeError naming the bad field. Generators are called by our own code, so a bad
 * option is a bug to surface loudly; untrusted input (a CSV) goes through the non-throwing
 * reader instead.
 */
export function checkOptions(name: string, { n, noise, classes = 2 }: GeneratorOptions): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_POINTS) {
    throw new RangeError(`${name}: n must be an integer from 0 to ${MAX_POINTS}, got ${n}`);
  }
  if (!Number.isFinite(noise) || noise < 0) {
    throw new RangeError(`${name}: noise must be a finite number ≥ 0, got ${noise}`);
  }
  if (!Number.isInteger(classes) || classes < 2 || classes > MAX_GENERATED_CLASSES) {
    throw new RangeError(`${name}: classes must be an integer from 2 to ${MAX_GENERATED_CLASSES}, got ${classes}`);
  }
}
