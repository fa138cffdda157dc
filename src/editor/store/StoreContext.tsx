import { createContext, useContext, type ReactNode } from 'react';
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
