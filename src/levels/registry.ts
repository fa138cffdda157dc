import { slopeByNudging } from './defs/01-slope-by-nudging';
import { threeInputs } from './defs/02-three-inputs';
import { buildItYourself } from './defs/03-build-it-yourself';
import { manualBackprop } from './defs/04-manual-backprop';
import { oneOptimisationStep } from './defs/05-one-optimisation-step';
import { plusPassesTheGradient } from './defs/06-plus-passes-the-gradient';
import { aNeuron } from './defs/07-a-neuron';
import { nodeUsedTwice } from './defs/08-node-used-twice';
import { tanhFromExp } from './defs/09-tanh-from-exp';
import { forgotZeroGrad } from './defs/10-forgot-zero-grad';
import { countParametersLevel } from './defs/11-count-parameters';
import { trainTheTinyMlp } from './defs/12-train-the-tiny-mlp';
import { moonsWithABudget } from './defs/13-moons-with-a-budget';
import { bossHiddenBug } from './defs/14-boss-hidden-bug';
import { validateLevel, type LevelDef } from './types';

/**
 * Every level in play order, the and the lecture's: a level's number on the map is its
 * place here, and its file is named by that number. Adding a level is adding its file and one
 * line here.
 */
export const LEVELS: readonly LevelDef[] = [
  slopeByNudging,
  threeInputs,
  buildItYourself,
  manualBackprop,
  oneOptimisationStep,
  plusPassesTheGradient,
  aNeuron,
  nodeUsedTwice,
  tanhFromExp,
  forgotZeroGrad,
  countParametersLevel,
  trainTheTinyMlp,
  moonsWithABudget,
  bossHiddenBug,
].map((level) => {
  const checked = validateLevel(level);
  // A malformed level is a programming error: fail at load, where its test sees it.
  if (!checked.ok) throw new Error(`level '${level.id}' is malformed: ${checked.reason}`);
  return checked.level;
});

/** The level with this id, or undefined (ids come from saved progress and may be stale). */
export function findLevel(id: string): LevelDef | undefined {
  return LEVELS.find((l) => l.id === id);
}

/** The level's place on the map, from 1. */
export function levelNumber(id: string): number {
  return LEVELS.findIndex((l) => l.id === id) + 1;
}

/** The level after this one, or null after the last. */
export function nextLevel(id: string): LevelDef | null {
  const i = LEVELS.findIndex((l) => l.id === id);
  return i >= 0 && i + 1 < LEVELS.length ? LEVELS[i + 1]! : null;
}

/** A level is open when it is the first, the one before it is solved, or the teacher unlocked all. */
export function isUnlocked(id: string, solved: (id: string) => boolean, unlockAll: boolean): boolean {
  const i = LEVELS.findIndex((l) => l.id === id);
  if (i < 0) return false;
  return unlockAll || i === 0 || solved(LEVELS[i - 1]!.id);
}
