import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { usePlaygroundStore } from '../store/StoreContext';
import { LiveWeightPainter } from './LiveWeightPainter';
import { TrainingController } from '../../training/worker/TrainingController';
import { unitMapsView } from './unitMapsView';

const Context = createContext<TrainingController | null>(null);

/**
 * Owns the training controller (and so the worker) for the page's lifetime. Made in an effect
 * so StrictMode's extra mount makes and destroys a spare one instead of leaking a worker.
 */
export function TrainingProvider({ children }: { children: ReactNode }) {
  const store = usePlaygroundStore();
  const [controller, setController] = useState<TrainingController | null>(null);
  useEffect(() => {
    const c = new TrainingController(store);
    const painter = new LiveWeightPainter(store);
    setController(c);
    c.setUnitMapsShown(unitMapsView.getState().shown);
    const unfollow = unitMapsView.subscribe((v) => c.setUnitMapsShown(v.shown));
    return () => {
      unfollow();
      c.destroy();
      painter.destroy();
    };
  }, [store]);
  return <Context.Provider value={controller}>{children}</Context.Provider>;
}

/** The training controller, or null during the first render. */
export function useTrainingController(): TrainingController | null {
  return useContext(Context);
}
