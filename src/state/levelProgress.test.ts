import { describe, expect, it } from 'vitest';
import { SharedStorage } from '../../test/state/fakeTabs';
import { memoryStorage } from './keyValueStorage';
import {
  decodeProgress,
  encodeProgress,
  importProgress,
  mergeProgress,
  NO_PROGRESS,
  PROGRESS_KEY,
  readProgress,
  recordSolve,
  setUnlockAll,
  UNREADABLE_PROGRESS_KEY,
} from './levelProgress';

describe('level progress', () => {
  it('saves a solve and reads it back, keeping only the best stars', () => {
    const storage = memoryStorage();
    expect(recordSolve(storage, 'slope-by-nudging', 2, 1000)).toMatchObject({ ok: true });
    recordSolve(storage, 'slope-by-nudging', 3, 2000);
    recordSolve(storage, 'slope-by-nudging', 1, 3000);
    expect(readProgress(storage)).toEqual({ progress: { levels: { 'slope-by-nudging': { stars: 3, solvedAt: 1000 } }, unlockAll: false }, problem: null });
  });

  it('never writes over another tab’s stars: each write merges with what is stored', () => {
    const shared = new SharedStorage();
    const tabA = shared.view('a');
    const tabB = shared.view('b');
    recordSolve(tabA, 'slope-by-nudging', 3, 1);
    recordSolve(tabB, 'three-inputs', 2, 2);
    expect(Object.keys(readProgress(tabA).progress.levels).sort()).toEqual(['slope-by-nudging', 'three-inputs']);
  });

  it('round-trips through an exported file', () => {
    const progress = { levels: { 'three-inputs': { stars: 2, solvedAt: 5 } }, unlockAll: true };
    expect(decodeProgress(encodeProgress(progress))).toEqual({ ok: true, progress });
  });

  it('imports a file by merging it in: nothing earned is lost', () => {
    const storage = memoryStorage();
    recordSolve(storage, 'slope-by-nudging', 3, 1);
    const file = encodeProgress({ levels: { 'slope-by-nudging': { stars: 1, solvedAt: 9 }, 'three-inputs': { stars: 2, solvedAt: 9 } }, unlockAll: false });
    expect(importProgress(storage, file)).toMatchObject({ ok: true });
    expect(readProgress(storage).progress.levels).toEqual({ 'slope-by-nudging': { stars: 3, solvedAt: 1 }, 'three-inputs': { stars: 2, solvedAt: 9 } });
  });

  it('refuses a bad file with the reason and leaves progress untouched', () => {
    const storage = memoryStorage();
    recordSolve(storage, 'slope-by-nudging', 3, 1);
    const before = storage.getItem(PROGRESS_KEY);
    const good = JSON.parse(encodeProgress(NO_PROGRESS)) as Record<string, unknown>;
    const cases: Array<[string, RegExp]> = [
      ['not json', /not JSON/],
      [JSON.stringify({ nodes: [] }), /not a levels progress file/],
      [JSON.stringify({ ...good, version: 2 }), /newer version/],
      [JSON.stringify({ ...good, levels: { 'three-inputs': { stars: 4, solvedAt: 1 } } }), /three-inputs/],
      [JSON.stringify({ ...good, levels: { 'made-up-level': { stars: 3, solvedAt: 1 } } }), /does not have: “made-up-level”/],
    ];
    for (const [text, reason] of cases) {
      const result = importProgress(storage, text);
      expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
      expect(storage.getItem(PROGRESS_KEY)).toBe(before);
    }
  });

  it('moves an unreadable stored progress aside instead of overwriting it', () => {
    const storage = memoryStorage();
    storage.setItem(PROGRESS_KEY, '{"broken"');
    expect(readProgress(storage)).toMatchObject({ progress: NO_PROGRESS, problem: 'the file is not JSON' });
    recordSolve(storage, 'three-inputs', 1, 1);
    expect(storage.getItem(UNREADABLE_PROGRESS_KEY)).toBe('{"broken"');
    expect(readProgress(storage).progress.levels['three-inputs']?.stars).toBe(1);
  });

  it('says why a write failed when storage is full', () => {
    const shared = new SharedStorage();
    shared.quota = 10;
    expect(recordSolve(shared.view('a'), 'three-inputs', 3, 1)).toMatchObject({ ok: false, reason: expect.stringContaining('full') });
  });

  it('unlock all can be set and cleared; merging keeps the best of both', () => {
    const storage = memoryStorage();
    expect(setUnlockAll(storage, true).progress.unlockAll).toBe(true);
    expect(setUnlockAll(storage, false).progress.unlockAll).toBe(false);
    expect(mergeProgress({ levels: { a: { stars: 1, solvedAt: 5 } }, unlockAll: false }, { levels: { a: { stars: 2, solvedAt: 9 } }, unlockAll: true })).toEqual({
      levels: { a: { stars: 2, solvedAt: 5 } },
      unlockAll: true,
    });
  });
});
