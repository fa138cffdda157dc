import { describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY } from '../../src/state/autosave';
import { MAX_UNREADABLE } from '../../src/state/keptCopies';
import { addValue, labelsOf, openFakeTab, SharedStorage, stored } from './fakeTabs';

/** Issue 9, item 3: storage that goes wrong never takes work with it, and the page says so. */

const CUT_SHORT = '{"format":"micrograd-playground/saved-work","version":1,"revision":4,"tab":"x","savedAt":1,"file":{"format":"micro';

describe('an autosave that cannot be read', () => {
  it('is kept byte for byte, the page says so and offers the raw copy, and the next save does not touch it', () => {
    const shared = new SharedStorage();
    shared.items.set(AUTOSAVE_KEY, CUT_SHORT);
    const tab = openFakeTab(shared, 'A');
    const [banner] = tab.store.getState().banners;
    expect(banner).toEqual({ kind: 'unreadable', keptId: expect.any(String), reason: expect.stringMatching(/^it /) });
    if (banner?.kind !== 'unreadable') return;
    expect(tab.keeper.rawCopy(banner.keptId)).toBe(CUT_SHORT);
    expect(tab.store.getState().kept.map((k) => k.reason)).toEqual(['unreadable']);
    addValue(tab, 'x');
    tab.autosave.saveNow();
    expect(stored(shared).labels).toEqual(['first', 'x']);
    expect(tab.keeper.rawCopy(banner.keptId)).toBe(CUT_SHORT);
  });

  it(`keeps the last ${MAX_UNREADABLE} unreadable copies, not just the latest`, () => {
    const shared = new SharedStorage();
    for (let i = 1; i <= MAX_UNREADABLE + 1; i++) {
      shared.items.set(AUTOSAVE_KEY, `${CUT_SHORT}${i}`);
      openFakeTab(shared, `tab${i}`).close();
    }
    const tab = openFakeTab(shared, 'last');
    const raws = tab.store.getState().kept.map((k) => tab.keeper.rawCopy(k.id));
    expect(raws).toEqual([`${CUT_SHORT}4`, `${CUT_SHORT}3`, `${CUT_SHORT}2`]);
  });

  it('that cannot even be moved aside (storage full) stays where it is, and autosave does not write over it', () => {
    const shared = new SharedStorage();
    shared.items.set(AUTOSAVE_KEY, CUT_SHORT);
    shared.quota = shared.used();
    const tab = openFakeTab(shared, 'A');
    expect(tab.store.getState().banners).toEqual([{ kind: 'unreadable', keptId: null, reason: expect.any(String) }]);
    expect(tab.keeper.rawCopy(null)).toBe(CUT_SHORT);
    addValue(tab, 'x');
    tab.autosave.saveNow();
    expect(shared.items.get(AUTOSAVE_KEY)).toBe(CUT_SHORT);
    expect(tab.store.getState().saveProblem).toMatch(/full/);
    // Room again: the copy moves aside first, then the graph is saved.
    shared.quota = Infinity;
    addValue(tab, 'y');
    tab.autosave.saveNow();
    expect(stored(shared).labels).toEqual(['first', 'x', 'y']);
    expect(tab.store.getState().kept.map((k) => tab.keeper.rawCopy(k.id))).toContain(CUT_SHORT);
  });

  it('left by an older version in its single slot joins the unreadable copies', () => {
    const shared = new SharedStorage();
    shared.items.set('micrograd-playground/autosave-unreadable', 'old broken text');
    const tab = openFakeTab(shared, 'A');
    expect(tab.store.getState().kept.map((k) => tab.keeper.rawCopy(k.id))).toEqual(['old broken text']);
    expect(shared.items.has('micrograd-playground/autosave-unreadable')).toBe(false);
  });
});

describe('a full storage', () => {
  function fullTab() {
    const shared = new SharedStorage();
    const tab = openFakeTab(shared, 'A');
    addValue(tab, 'x');
    tab.autosave.saveNow();
    shared.quota = shared.used();
    return { shared, tab };
  }

  it('says so every time a save fails, and the "not saved" mark lasts until a save works', () => {
    const { shared, tab } = fullTab();
    const notices: string[] = [];
    for (const label of ['big1', 'big2']) {
      // Each failure is a new notice, not one that stays up.
      addValue(tab, label.repeat(20));
      tab.autosave.saveNow();
      const notice = tab.store.getState().notice;
      notices.push(`${notice?.id}: ${notice?.text}`);
      expect(tab.store.getState().saveProblem).toBe('the browser’s storage for this page is full');
    }
    expect(notices).toEqual([expect.stringMatching(/^\d+: Not saved: .*full/), expect.stringMatching(/^\d+: Not saved: .*full/)]);
    expect(new Set(notices.map((n) => n.split(':')[0])).size).toBe(2);
    shared.quota = Infinity;
    addValue(tab, 'small');
    tab.autosave.saveNow();
    expect(tab.store.getState().saveProblem).toBeNull();
    expect(tab.store.getState().notice?.text).toMatch(/works again/);
    expect(stored(shared).labels).toContain('small');
  });

  it('tries again when a Recent copy is removed to make room', () => {
    const { shared, tab } = fullTab();
    // A kept copy takes the room the next save needs.
    shared.quota = Infinity;
    tab.keeper.openLink(tab.store.getState().doc);
    tab.autosave.saveNow();
    shared.quota = shared.used();
    addValue(tab, 'more');
    tab.autosave.saveNow();
    expect(tab.store.getState().saveProblem).not.toBeNull();
    tab.keeper.remove(tab.store.getState().kept[0]!.id);
    expect(tab.store.getState().saveProblem).toBeNull();
    expect(stored(shared).labels).toContain('more');
  });
});

describe('restoring a Recent copy', () => {
  /** A tab whose graph [first, x] was kept in Recent (a link over itself), then edited to [first, x, y]. */
  function keptOnce() {
    const shared = new SharedStorage();
    const tab = openFakeTab(shared, 'A');
    addValue(tab, 'x');
    tab.keeper.openLink(tab.store.getState().doc);
    addValue(tab, 'y');
    return { shared, tab };
  }

  it('is one undo step and keeps the graph it replaces', () => {
    const { tab } = keptOnce();
    const copy = tab.store.getState().kept[0]!;
    expect(tab.keeper.restore(copy.id)).toBe(true);
    expect(labelsOf(tab.store.getState().doc)).toEqual(['first', 'x']);
    expect(tab.store.getState().kept.map((k) => k.reason)).toEqual(['restore', 'link']);
    tab.store.getState().undo();
    expect(labelsOf(tab.store.getState().doc)).toEqual(['first', 'x', 'y']);
  });

  it('refuses, saying why, when the current graph cannot be kept first', () => {
    const { shared, tab } = keptOnce();
    shared.quota = shared.used();
    const copy = tab.store.getState().kept[0]!;
    // The only kept graph may not be pushed out to make room for the copy of what replaces it.
    expect(tab.keeper.restore(copy.id)).toBe(false);
    expect(tab.store.getState().notice?.text).toMatch(/^Nothing was restored/);
    expect(labelsOf(tab.store.getState().doc)).toEqual(['first', 'x', 'y']);
  });
});
