import type { GraphDoc } from '../document/types';
import { compileNetwork } from '../training/compiled/compile';
import { CompiledTrainer } from '../training/compiled/Trainer';
import { datasetsOf, setupOf } from '../training/setup';

/**
 * The drawn network's loss over its whole training set, as Train reports it: one step of the
 * compiled trainer at learning rate 0 (it measures, and moves nothing). NaN when the graph is
 * not a network that can train.
 */
export function fullLoss(doc: GraphDoc): number {
  const compiled = compileNetwork(doc);
  if (!compiled.ok) return NaN;
  const data = datasetsOf(setupOf(doc)).train;
  if (data.x.length === 0) return NaN;
  const trainer = new CompiledTrainer(compiled.program, data, { lr: 0 });
  const result = trainer.step();
  return result.diverged ? NaN : result.dataLoss;
}
