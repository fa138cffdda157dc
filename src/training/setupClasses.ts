import { classCountOf, classesOf } from '../data';
import type { TrainingSetup } from '../document/types';

/**
 * How many classes the setup's data has: an imported file's labels decide (±1 → 2, 0..k−1 → k),
 * otherwise the generator's `classes` option. Points added by clicking use the same classes.
 */
export function setupClasses(setup: TrainingSetup): number {
  if (setup.imported) return classCountOf(setup.imported.points.map((p) => p.label));
  return classesOf(setup.dataset);
}
