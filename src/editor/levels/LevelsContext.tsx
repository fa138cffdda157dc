import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LevelPlay, LevelPlayState } from '../../state/levelPlay';

const LevelsContext = createContext<LevelPlay | null>(null);

/** Makes the tab's level play (progress, the level being played) available below. */
export function LevelsProvider({ levels, children }: { levels: LevelPlay; children: ReactNode }) {
  return <LevelsContext.Provider value={levels}>{children}</LevelsContext.Provider>;
}

/** The level play store, for commands. */
export function useLevelPlay(): LevelPlay {
  const levels = useContext(LevelsContext);
  if (!levels) throw new Error('useLevelPlay must be used inside <LevelsProvider>.');
  return levels;
}

/** A slice of the level play state; re-renders when it changes. */
export function useLevels<T>(selector: (s: LevelPlayState) => T): T {
  return useStore(useLevelPlay(), selector);
}
