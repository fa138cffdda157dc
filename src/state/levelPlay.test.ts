import { describe, expect, it } from 'vitest';
import { lectureL } from '../document/presets/lectureL';
import { DocBuilder } from '../document/presets/DocBuilder';
import { graphText } from './savedWorkFormat';
import { memoryStorage, type KeyValueStorage } from './keyValueStorage';
import { listKept } from './keptCopies';
import { createLevelPlay, SESSION_KEY } from './levelPlay';
import { readProgress } from './levelProgress';
import { openTab } from './openTab';

function tab(storage: KeyValueStorage) {
  const opened = openTab(storage, { link: null, firstDoc: () => lectureL.build(), delayMs: 0 });
  return { ...opened, levels: createLevelPlay(opened.store, opened.keeper, storage, () => 1000) };
}

/** A sandbox graph someone drew: y = 2·x. */
function sandboxWork() {
  const g = new DocBuilder();
  return g.output(g.op('mul', [g.value(3, 'x'), 2], 'y')).build();
}

describe('level play', () => {
  it('opens a level over the sandbox and brings the sandbox back on leaving', () => {
    const storage = memoryStorage();
    const { store, levels } = tab(storage);
    const mine = sandboxWork();
    store.getState().loadDocument(mine);
    expect(levels.getState().play('three-inputs')).toBe(true);
    expect(Object.values(store.getState().doc.nodes).map((n) => ('label' in n ? n.label : '')).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    // A spare copy sits in Recent too.
    expect(listKept(storage).some((k) => k.reason === 'level' && k.title === 'y')).toBe(true);
    levels.getState().leave();
    expect(graphText(store.getState().doc)).toBe(graphText(mine));
    expect(levels.getState().session).toBeNull();
    expect(storage.getItem(SESSION_KEY)).toBeNull();
  });

  it('a learning-rate budget counts the highest rate of the run, saved with the session, until a Restart', () => {
    const storage = memoryStorage();
    const { store, levels } = tab(storage);
    levels.getState().play('train-the-tiny-mlp');
    expect(levels.getState().run?.nodes).toBe(0.01);
    store.getState().updateSetup({ lr: 0.3 });
    store.getState().updateSetup({ lr: 0.1 });
    expect(levels.getState().run).toMatchObject({ nodes: 0.3, withinBudget: false });
    expect(JSON.parse(storage.getItem(SESSION_KEY)!).highestRate).toBe(0.3);
    // A reload goes on with the same run: the rate it reached is still counted.
    const reloaded = tab(storage);
    expect(reloaded.levels.getState().run).toMatchObject({ nodes: 0.3, withinBudget: false });
    reloaded.levels.getState().play('train-the-tiny-mlp');
    expect(reloaded.levels.getState().run).toMatchObject({ nodes: 0.01, withinBudget: true });
  });

  it('checks live as the player types, saves stars on a solve, and keeps the sandbox across levels', () => {
    const storage = memoryStorage();
    const { store, levels } = tab(storage);
    const mine = sandboxWork();
    store.getState().loadDocument(mine);
    levels.getState().play('slope-by-nudging');
    levels.getState().type('slope', '13');
    expect(levels.getState().run).toMatchObject({ solved: false, stars: 0 });
    levels.getState().type('slope', '14.004');
    expect(levels.getState().run).toMatchObject({ solved: true, stars: 3 });
    expect(readProgress(storage).progress.levels['slope-by-nudging']?.stars).toBe(3);
    // Replaying with a hint never lowers the best.
    levels.getState().play('slope-by-nudging');
    levels.getState().openHint();
    levels.getState().type('slope', '14');
    expect(levels.getState().run?.stars).toBe(2);
    expect(levels.getState().progress.levels['slope-by-nudging']?.stars).toBe(3);
    levels.getState().play('three-inputs');
    levels.getState().leave();
    expect(graphText(store.getState().doc)).toBe(graphText(mine));
  });

  it('re-runs the checks when the graph changes', () => {
    const storage = memoryStorage();
    const { store, levels } = tab(storage);
    levels.getState().play('build-it-yourself');
    expect(levels.getState().run?.solved).toBe(false);
    store.getState().loadDocument(lectureL.build());
    expect(levels.getState().run).toMatchObject({ solved: true, stars: 3, nodes: 7 });
  });

  it('goes on with the level after a reload, and the sandbox still comes back', () => {
    const storage = memoryStorage();
    const first = tab(storage);
    const mine = sandboxWork();
    first.store.getState().loadDocument(mine);
    first.levels.getState().play('three-inputs');
    first.levels.getState().type('grad-a', '-3');
    first.autosave.saveNow();
    const second = tab(storage);
    expect(second.levels.getState().session).toMatchObject({ levelId: 'three-inputs', predictions: { 'grad-a': '-3' } });
    expect(second.levels.getState().run?.checks.find((c) => c.id === 'grad-a')?.passed).toBe(true);
    second.levels.getState().leave();
    expect(graphText(second.store.getState().doc)).toBe(graphText(mine));
  });

  it('drops a damaged session, keeping its text as an unreadable copy', () => {
    const storage = memoryStorage();
    storage.setItem(SESSION_KEY, '{"levelId": 3');
    const { levels } = tab(storage);
    expect(levels.getState().session).toBeNull();
    expect(storage.getItem(SESSION_KEY)).toBeNull();
    expect(listKept(storage).some((k) => k.reason === 'unreadable')).toBe(true);
  });

  it('refuses to open a level when the sandbox cannot be put aside, leaving the graph alone', () => {
    const base = memoryStorage();
    const full: KeyValueStorage = {
      ...base,
      getItem: (k) => base.getItem(k),
      key: (i) => base.key(i),
      get length() {
        return base.length;
      },
      removeItem: (k) => base.removeItem(k),
      setItem: (k, v) => {
        if (k === SESSION_KEY) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
        base.setItem(k, v);
      },
    };
    const { store, levels } = tab(full);
    const before = store.getState().doc;
    expect(levels.getState().play('three-inputs')).toBe(false);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().notice?.text).toMatch(/did not open.*full/);
  });

  it('refuses a bad progress file with the reason', () => {
    const { levels } = tab(memoryStorage());
    expect(levels.getState().importProgress('{}')).toMatchObject({ ok: false, reason: expect.stringContaining('not a levels progress file') });
  });
});
