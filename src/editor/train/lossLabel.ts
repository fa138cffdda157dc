import type { GraphDoc } from '../../document/types';
import { compiledOf } from '../../state/derived';
import { datasetLoss, lossReductionLabel, type DatasetLoss } from '../../training/datasetLoss';

/**
 * The training loss of a document at its weights, for the loss card whose id is `lossId` (null
 * for any other card, or a drawing that does not compile into a network). Cached per document.
 */
export function trainingLossFor(doc: GraphDoc, lossId?: string): DatasetLoss | null {
  const compiled = compiledOf(doc);
  if (!compiled.ok || (lossId !== undefined && compiled.program.lossNodeId !== lossId)) return null;
  return datasetLoss(doc, compiled.program);
}

/** "sum over 4 samples" (the lecture's loss) or "mean over 80 samples + L2", as the trainer computes it. */
export function trainingLossLabel(loss: DatasetLoss | null): string | null {
  return loss?.ok ? lossReductionLabel(loss.reduction, loss.count, loss.alpha) : null;
}
