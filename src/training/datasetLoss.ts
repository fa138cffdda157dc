import type { GraphDoc } from '../document/types';
import { readParams } from './compiled/params';
import type { Program } from './compiled/program';
import { CompiledTrainer } from './compiled/Trainer';
import { whyDataDoesNotFit } from './dataFit';
import { datasetsOf, setupOf } from './setup';

/**
 * The loss training minimises, at the weights the document holds: over the whole training set,
 * summed (squared error, as the lecture's `sum((yout - ygt)**2 ...)`) or averaged (hinge,
 * cross-entropy), plus L2. The loss card prints it beside its one sample's loss, and the Train
 * panel prints the same number for the same weights, because both come from the compiled trainer.
 */
export type DatasetLoss =
  | { ok: true; total: number; count: number; reduction: 'sum' | 'mean'; alpha: number }
  | { ok: false; reason: string };

const cache = new WeakMap<GraphDoc, DatasetLoss>();

/** The training loss at the document's weights; `program` is the document compiled. Cached per document. */
export function datasetLoss(doc: GraphDoc, program: Program): DatasetLoss {
  const hit = cache.get(doc);
  if (hit) return hit;
  const setup = setupOf(doc);
  const { train, all } = datasetsOf(setup);
  const misfit = train.x.length === 0 ? 'the training set is empty' : whyDataDoesNotFit(program.featureCount, all.x);
  let result: DatasetLoss;
  if (misfit) result = { ok: false, reason: misfit };
  else {
    const trainer = new CompiledTrainer(program, train, { alpha: setup.alpha });
    trainer.params.set(readParams(program, doc));
    result = { ok: true, total: trainer.evaluateLoss(), count: train.x.length, reduction: program.reduction, alpha: setup.alpha };
  }
  cache.set(doc, result);
  return result;
}

/** How the loss is taken over the samples, in words: "sum over 4 samples", "mean over 80 samples + L2". */
export function lossReductionLabel(reduction: 'sum' | 'mean', count: number, alpha: number): string {
  return `${reduction} over ${count} sample${count === 1 ? '' : 's'}${alpha > 0 ? ' + L2' : ''}`;
}

/**
 * Which sample of the dataset (in its own order: the lecture's xs) the canvas shows: the index
 * whose features the input cards hold and whose label the target card holds, or -1 when they
 * were set by hand.
 */
export function shownSample(doc: GraphDoc): number {
  const train = datasetsOf(setupOf(doc)).all;
  const nodes = Object.values(doc.nodes);
  return train.x.findIndex(
    (x, i) =>
      nodes.every((n) => (n.kind === 'input' ? x[n.feature] === n.value : n.kind === 'target' ? train.y[i] === n.value : true)),
  );
}

/** The input and target values that show sample `index` of the dataset on the canvas. */
export function sampleValues(doc: GraphDoc, index: number): { id: string; value: number }[] {
  const train = datasetsOf(setupOf(doc)).all;
  const x = train.x[index];
  if (!x) return [];
  return Object.values(doc.nodes).flatMap((n) =>
    n.kind === 'input' ? [{ id: n.id, value: x[n.feature] ?? 0 }] : n.kind === 'target' ? [{ id: n.id, value: train.y[index]! }] : [],
  );
}
