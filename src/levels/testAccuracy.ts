import type { GraphDoc } from '../document/types';
import { compileNetwork } from '../training/compiled/compile';
import { CompiledTrainer } from '../training/compiled/Trainer';
import { datasetsOf, setupOf } from '../training/setup';

/**
 * The drawn network's accuracy on its held-out test points, with the weights the canvas holds
 * now, as Train reports it (the compiled trainer's own measure). NaN when the graph is not a
 * network that can train or there are no test points.
 */
export function testAccuracy(doc: GraphDoc): number {
  const compiled = compileNetwork(doc);
  if (!compiled.ok) return NaN;
  const { train, test } = datasetsOf(setupOf(doc));
  if (train.x.length === 0 || test.x.length === 0) return NaN;
  return new CompiledTrainer(compiled.program, train).evaluateAccuracy(test);
}
