import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { PlaygroundState, PlaygroundStore } from '../../state/store';

const StoreContext = createContext<PlaygroundStore | null>(null);

/** Makes one playground store available to every component below. */
export function StoreProvider({ store, children }: { store: PlaygroundStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for commands and for reading state inside event handlers. */
export function usePlaygroundStore(): PlaygroundStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('usePlaygroundStore must be used inside <StoreProvider>.');
  return store;
}

/**
 * Subscribes to a slice of the store. The component re-renders only when the selected value
 * changes (Object.is), so select primitives or stable objects.
 */
export function usePlayground<T>(selector: (state: PlaygroundState) => T): T {
  return useStore(usePlaygroundStore(), selector);
}

/**
 * Like usePlayground, but re-renders at most once per `ms`: for text that follows a fast
 * animation (a 300-node backward pass lands 25 contributions a second), where re-rendering on
 * every change would cost more than anyone can read.
 */
export function useThrottledPlayground<T>(selector: (state: PlaygroundState) => T, ms: number): T {
  const store = usePlaygroundStore();
  const [value, setValue] = useState(() => selector(store.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const update = () => {
      timer = null;
      last = performance.now();
      setValue(() => selector(store.getState()));
    };
    update();
    const unsubscribe = store.subscribe(() => {
      if (timer !== null) return;
      timer = setTimeout(update, Math.max(0, last + ms - performance.now()));
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
    // The selector is read fresh on every update; re-subscribing for each new closure would be waste.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, ms]);
  return value;
}
