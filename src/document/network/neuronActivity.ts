import type { Evaluation } from '../evaluate';
import type { GraphDoc } from '../types';

/** What one neuron did for the inputs the document holds, and what its weights' grads are. */
export interface NeuronActivity {
  /** The pre-activation z = b + Σ wᵢ·xᵢ. */
  z: number;
  /**
   * A ReLU (hinge) neuron with z ≤ 0: its output is 0 and relu′(z) = 0, so no gradient reaches
   * its weights, its bias, or anything upstream through it.
   */
  inactive: boolean;
  /** How many of its weights got a grad of exactly 0 from a backward pass from the output. */
  zeroWeightGrads: number;
  /** How many weights it has. */
  weightCount: number;
}

/** Why an inactive ReLU neuron's weights learn nothing from this input, in the lecture's terms. */
export const INACTIVE_REASON = 'relu′(z) = 0 for z ≤ 0, so no gradient flows to its w or b, nor further back through it';

/**
 * A neuron node's activity in an evaluation of `doc`, or null for other nodes and neurons that
 * could not be computed. z is read off the engine Values evaluate built (the input of the
 * activation op), so it is the very number the forward pass used. Weight grads count a
 * single pass from the output: after k passes without zeroing, a grad that is 0 is still 0, so
 * the count holds for whatever the card shows.
 */
export function neuronActivity(doc: GraphDoc, evaluation: Evaluation, id: string): NeuronActivity | null {
  const node = doc.nodes[id];
  if (node?.kind !== 'neuron') return null;
  const out = evaluation.values.get(id);
  const result = evaluation.results.get(id);
  if (!out || !result || result.error) return null;
  const z = node.activation === 'linear' ? out.data : (out.a?.data ?? NaN);
  const grads = (result.paramGrads?.weights ?? []) as number[];
  return {
    z,
    inactive: node.activation === 'relu' && z <= 0,
    zeroWeightGrads: grads.filter((g) => g === 0).length,
    weightCount: node.weights.length,
  };
}

/** The ids of the document's neuron nodes that are inactive ReLUs in this evaluation. */
export function inactiveNeurons(doc: GraphDoc, evaluation: Evaluation): string[] {
  return Object.keys(doc.nodes).filter((id) => neuronActivity(doc, evaluation, id)?.inactive === true);
}
