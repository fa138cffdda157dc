import { describe, expect, it } from 'vitest';
import { docOf, val } from '../../src/document/testDocs';
import { addValue, labelsOf, openFakeTab, SharedStorage, stored, type FakeTab } from './fakeTabs';

/** Issue 9, item 1: opening a shared link never destroys the work that was there. */

const linked = () => docOf([val('shared', 3)]);

/** A storage whose autosave holds `mine`: a tab was edited, saved and closed. */
function withWork(): SharedStorage {
  const shared = new SharedStorage();
  const before = openFakeTab(shared, 'earlier');
  addValue(before, 'mine');
  before.close();
  return shared;
}

function restoreFromBanner(tab: FakeTab): void {
  const banner = tab.store.getState().banners.find((b) => b.kind === 'link');
  if (banner?.kind !== 'link' || banner.keptId === null) throw new Error('no link banner with a kept copy');
  expect(tab.keeper.restore(banner.keptId)).toBe(true);
}

describe('a shared link opened at load', () => {
  it('opens the linked graph, keeps the earlier work in Recent and says so', () => {
    const shared = withWork();
    const tab = openFakeTab(shared, 'A', linked());
    expect(labelsOf(tab.store.getState().doc)).toEqual(['shared']);
    expect(tab.store.getState().banners).toEqual([{ kind: 'link', keptId: expect.any(String) }]);
    expect(tab.store.getState().kept.map((k) => [k.title, k.reason])).toEqual([['first', 'link']]);
    // The kept copy is the whole earlier graph.
    tab.close();
    expect(stored(shared).labels).toEqual(['shared']);
    const again = openFakeTab(shared, 'B');
    const copy = again.store.getState().kept.find((k) => k.reason === 'link')!;
    expect(again.keeper.restore(copy.id)).toBe(true);
    expect(labelsOf(again.store.getState().doc)).toEqual(['first', 'mine']);
  });

  it('gets the earlier work back with one click on Restore, and that is undoable too', () => {
    const tab = openFakeTab(withWork(), 'A', linked());
    restoreFromBanner(tab);
    expect(labelsOf(tab.store.getState().doc)).toEqual(['first', 'mine']);
    expect(tab.store.getState().banners).toEqual([]);
    tab.store.getState().undo();
    expect(labelsOf(tab.store.getState().doc)).toEqual(['shared']);
  });

  it('gets the earlier work back with Undo', () => {
    const shared = withWork();
    const tab = openFakeTab(shared, 'A', linked());
    tab.store.getState().undo();
    expect(labelsOf(tab.store.getState().doc)).toEqual(['first', 'mine']);
    tab.autosave.saveNow();
    expect(stored(shared).labels).toEqual(['first', 'mine']);
  });

  it('saves the link right away even when the tab is closed at once, with the earlier work still kept', () => {
    const shared = withWork();
    openFakeTab(shared, 'A', linked()).close();
    expect(stored(shared).labels).toEqual(['shared']);
    expect(openFakeTab(shared, 'B').store.getState().kept.map((k) => k.title)).toEqual(['first']);
  });

  it('with nothing saved before, just opens the link: nothing kept, no banner, nothing to undo', () => {
    const tab = openFakeTab(new SharedStorage(), 'A', linked());
    expect(labelsOf(tab.store.getState().doc)).toEqual(['shared']);
    expect(tab.store.getState().banners).toEqual([]);
    expect(tab.store.getState().kept).toEqual([]);
    expect(tab.store.getState().history.past).toEqual([]);
  });

  it('does not write over the earlier work when storage has no room to keep it', () => {
    const shared = withWork();
    shared.quota = shared.used();
    const tab = openFakeTab(shared, 'A', linked());
    expect(tab.store.getState().banners).toEqual([{ kind: 'link', keptId: null }]);
    tab.close();
    expect(stored(shared).labels).toEqual(['first', 'mine']);
    expect(tab.store.getState().saveProblem).toMatch(/full/);
  });
});

describe('a shared link opened in a tab that is already open (hashchange)', () => {
  it('keeps the tab’s work, even edits not autosaved yet, and opens the link over it', () => {
    const shared = withWork();
    const tab = openFakeTab(shared, 'A');
    addValue(tab, 'unsaved');
    tab.keeper.openLink(linked());
    expect(labelsOf(tab.store.getState().doc)).toEqual(['shared']);
    restoreFromBanner(tab);
    expect(labelsOf(tab.store.getState().doc)).toEqual(['first', 'mine', 'unsaved']);
  });

  it('keeps nothing for an untouched first example, but still opens the link', () => {
    const tab = openFakeTab(new SharedStorage(), 'A');
    tab.keeper.openLink(linked());
    expect(labelsOf(tab.store.getState().doc)).toEqual(['shared']);
    expect(tab.store.getState().kept).toEqual([]);
    expect(tab.store.getState().banners).toEqual([]);
  });
});
