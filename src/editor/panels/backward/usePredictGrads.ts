import { useStore } from 'zustand';
import { createPredictGrads, type PredictGrads, type PredictState } from '../../../state/predictGrads';
import type { PlaygroundStore } from '../../../state/store';
import { formatLecture } from '../../formatNumber';
import { usePlaygroundStore } from '../../store/StoreContext';

/** One predict mode per playground store, made on first use: it lives as long as the tab's store. */
const byStore = new WeakMap<PlaygroundStore, PredictGrads>();

/** The tab's predict mode store, for commands. */
export function usePredictStore(): PredictGrads {
  const store = usePlaygroundStore();
  let predict = byStore.get(store);
  if (!predict) {
    predict = createPredictGrads(store, formatLecture);
    byStore.set(store, predict);
  }
  return predict;
}

/** A slice of the predict mode's state; re-renders when it changes. */
export function usePredict<T>(selector: (s: PredictState) => T): T {
  return useStore(usePredictStore(), selector);
}
