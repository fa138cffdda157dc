import { useMemo } from 'react';
import type { HiddenControl, LevelDef } from '../../levels';
import { useLevels } from './LevelsContext';

/** What the level being played allows: null outside a level (the sandbox allows everything). */
export interface LevelLimits {
  level: LevelDef;
  /** Controls hidden now: the level's list until it is solved, then none (to see the answer confirmed). */
  hidden: ReadonlySet<HiddenControl>;
  /** Palette item ids on offer. */
  palette: readonly string[];
  /** Actions whose shortcuts are off: those of a hidden mode. */
  blockedActions: ReadonlySet<string>;
}

/** The actions that would show what a hidden Backward hides (the grads). */
const BACKWARD_ACTIONS: ReadonlySet<string> = new Set(['backward', 'stepBackward', 'finishBackward', 'replayBackward']);

const NOTHING_HIDDEN: ReadonlySet<HiddenControl> = new Set();
const NOTHING_BLOCKED: ReadonlySet<string> = new Set();

/** The limits of the level being played, for the header, palette and canvas chips. */
export function useLevelLimits(): LevelLimits | null {
  // The level object, not its id: a teacher's challenge is not in the registry.
  const level = useLevels((s) => s.level);
  const solved = useLevels((s) => s.run?.solved ?? false);
  return useMemo(() => {
    if (!level) return null;
    const hidden = solved ? NOTHING_HIDDEN : new Set(level.hidden);
    return { level, hidden, palette: level.palette, blockedActions: hidden.has('mode-backward') ? BACKWARD_ACTIONS : NOTHING_BLOCKED };
  }, [level, solved]);
}
