import { z } from '../document/zod';
import { findLevel } from '../levels';
import { readItem, refusalText, type KeyValueStorage } from './keyValueStorage';

/**
 * The player's progress through the levels: best stars per level, and the teacher's "unlock
 * all". Kept under its own key, apart from the autosave, and only ever *merged* into: before each
 * write the stored progress is read again and the best of both is kept, so two tabs solving
 * levels at once both keep their stars (progress only grows; there is nothing to conflict).
 */

/** Where progress lives. */
export const PROGRESS_KEY = 'micrograd-playground/levels/progress';
/** Names the file format, so an exported file is recognised when it is imported back. */
export const PROGRESS_FORMAT = 'micrograd-playground/level-progress';
/** Where a stored progress that could not be read is moved before anything overwrites it. */
export const UNREADABLE_PROGRESS_KEY = 'micrograd-playground/levels/progress-unreadable';

/** One level's best result. */
export interface LevelResult {
  stars: number;
  /** When it was first solved (milliseconds since 1970). */
  solvedAt: number;
}

/** Everything saved about levels. */
export interface LevelProgress {
  levels: Readonly<Record<string, LevelResult>>;
  unlockAll: boolean;
}

/** No level played yet. */
export const NO_PROGRESS: LevelProgress = { levels: {}, unlockAll: false };

const progressSchema = z.object({
  format: z.literal(PROGRESS_FORMAT, { error: 'this is not a levels progress file' }),
  version: z.literal(1, { error: 'this progress file was written by a newer version' }),
  levels: z.record(z.string(), z.object({ stars: z.number().int().min(0).max(3), solvedAt: z.number().finite().nonnegative() })),
  unlockAll: z.boolean(),
});

/** Progress as file text (the export and the stored value are the same). */
export function encodeProgress(progress: LevelProgress): string {
  return JSON.stringify({ format: PROGRESS_FORMAT, version: 1, levels: progress.levels, unlockAll: progress.unlockAll }, null, 1);
}

/** Reads progress text; a damaged or foreign file is refused with the reason. */
export function decodeProgress(text: string): { ok: true; progress: LevelProgress } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not JSON' };
  }
  const parsed = progressSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
    return { ok: false, reason: `${issue.message}${where}` };
  }
  const unknown = Object.keys(parsed.data.levels).find((id) => !findLevel(id));
  if (unknown !== undefined) return { ok: false, reason: `it names a level this playground does not have: “${unknown.slice(0, 40)}”` };
  return { ok: true, progress: { levels: parsed.data.levels, unlockAll: parsed.data.unlockAll } };
}

/** The best of both: more stars win, the earlier solve time is kept, unlock-all once set stays. */
export function mergeProgress(a: LevelProgress, b: LevelProgress): LevelProgress {
  const levels: Record<string, LevelResult> = { ...a.levels };
  for (const [id, r] of Object.entries(b.levels)) {
    const mine = levels[id];
    levels[id] = mine ? { stars: Math.max(mine.stars, r.stars), solvedAt: Math.min(mine.solvedAt, r.solvedAt) } : r;
  }
  return { levels, unlockAll: a.unlockAll || b.unlockAll };
}

/** The stored progress; an unreadable one is reported and counts as none (it is moved aside on the next write). */
export function readProgress(storage: KeyValueStorage): { progress: LevelProgress; problem: string | null } {
  const text = readItem(storage, PROGRESS_KEY);
  if (text === null) return { progress: NO_PROGRESS, problem: null };
  const read = decodeProgress(text);
  return read.ok ? { progress: read.progress, problem: null } : { progress: NO_PROGRESS, problem: read.reason };
}

/** The result of a write: the progress now stored, or why it could not be stored. */
export type ProgressWrite = { ok: true; progress: LevelProgress } | { ok: false; reason: string; progress: LevelProgress };

/**
 * Merges `change` into the stored progress and writes the result. Storage is read again
 * first, so another tab's stars are never written over. A stored progress that cannot be
 * read is moved to its own key first, never overwritten.
 */
export function mergeIntoStored(storage: KeyValueStorage, change: LevelProgress): ProgressWrite {
  const stored = readProgress(storage);
  const next = mergeProgress(stored.progress, change);
  try {
    if (stored.problem !== null) storage.setItem(UNREADABLE_PROGRESS_KEY, readItem(storage, PROGRESS_KEY) ?? '');
    storage.setItem(PROGRESS_KEY, encodeProgress(next));
    return { ok: true, progress: next };
  } catch (error) {
    return { ok: false, reason: refusalText(error), progress: next };
  }
}

/** Records a solve: the stars count only if they beat the level's best. */
export function recordSolve(storage: KeyValueStorage, id: string, stars: number, now: number): ProgressWrite {
  return mergeIntoStored(storage, { levels: { [id]: { stars, solvedAt: now } }, unlockAll: false });
}

/**
 * Imports an exported progress file: merged into what is stored (nothing earned is lost). A
 * bad file is refused with the reason and the stored progress is untouched.
 */
export function importProgress(storage: KeyValueStorage, text: string): ProgressWrite {
  const read = decodeProgress(text);
  if (!read.ok) return { ok: false, reason: read.reason, progress: readProgress(storage).progress };
  return mergeIntoStored(storage, read.progress);
}

/** Sets or clears the teacher's "unlock all" (stars are merged as usual). */
export function setUnlockAll(storage: KeyValueStorage, on: boolean): ProgressWrite {
  const written = mergeIntoStored(storage, NO_PROGRESS);
  const next = { ...written.progress, unlockAll: on };
  try {
    storage.setItem(PROGRESS_KEY, encodeProgress(next));
    return { ok: true, progress: next };
  } catch (error) {
    return { ok: false, reason: refusalText(error), progress: written.progress };
  }
}
