import { insertMlp } from '../document/network/insertMlp';
import { EMPTY_DOC, type GraphDoc } from '../document/types';
import type { PlaygroundStore } from './store';

/**
 * Helpers for the store's tests: how many undo steps a store holds, and a small network with
 * neurons to expand. Not used by the app.
 */

/** How many steps Undo can take back. */
export const undoSteps = (store: PlaygroundStore): number => store.getState().history.past.length;

/** How many steps Redo can take forward. */
export const redoSteps = (store: PlaygroundStore): number => store.getState().history.future.length;

/** A 2 → 2 → 1 tanh network drawn one node per neuron, with its inputs, target and hinge loss. */
export function neuronsDoc(): GraphDoc {
  return insertMlp(EMPTY_DOC, { nin: 2, sizes: [2, 1], activation: 'tanh', seed: 7, style: 'neurons', loss: 'hinge', at: { x: 0, y: 0 } }).doc;
}

/** The id of the first neuron node in `doc`. */
export function firstNeuron(doc: GraphDoc): string {
  const neuron = Object.values(doc.nodes).find((n) => n.kind === 'neuron');
  if (!neuron) throw new Error('the document has no neuron');
  return neuron.id;
}
