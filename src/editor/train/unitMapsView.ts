import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * Whether each hidden unit shows its own heatmap: a view preference, not part of the document
 * (so not saved, not undone). The Train panel's toggle writes it, the unit cards read it, and the
 * training provider passes it on to the worker, which only computes the maps while they show.
 */
export const unitMapsView = createStore<{ shown: boolean }>(() => ({ shown: false }));

export function useUnitMapsShown(): boolean {
  return useStore(unitMapsView, (s) => s.shown);
}

export function setUnitMapsShown(shown: boolean): void {
  unitMapsView.setState({ shown });
}
