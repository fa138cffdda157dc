import { describe, expect, it } from 'vitest';
import { docOf, val } from '../../src/document/testDocs';
import { AUTOSAVE_KEY } from '../../src/state/autosave';
import { encodeSavedWork } from '../../src/state/savedWorkFormat';
import { addValue, labelsOf, openFakeTab, SharedStorage, stored } from './fakeTabs';

/** Issue 9, item 2, the orders worth naming (twoTabsModel.test.ts tries the rest at random). */

const conflictShown = (tab: { store: { getState(): { banners: readonly { kind: string }[] } } }) =>
  tab.store.getState().banners.some((b) => b.kind === 'conflict');

/** Two tabs on one storage, where A added `label` and saved; B has not heard yet. */
function savedInA(label: string) {
  const shared = new SharedStorage();
  const a = openFakeTab(shared, 'A');
  const b = openFakeTab(shared, 'B');
  addValue(a, label);
  a.autosave.saveNow();
  return { shared, a, b };
}

/** As {@link savedInA} with `fromA`, and B then added `fromB`, not saved yet. */
function bothEdited() {
  const tabs = savedInA('fromA');
  addValue(tabs.b, 'fromB');
  return tabs;
}

describe('two tabs', () => {
  it('an untouched tab, closed after another tab opened a file, does not write its stale graph over it', () => {
    const shared = new SharedStorage();
    const a = openFakeTab(shared, 'A');
    const b = openFakeTab(shared, 'B');
    a.store.getState().loadDocument(docOf([val('fromFile', 1)]));
    a.autosave.saveNow();
    b.close();
    expect(shared.log.filter((e) => e.tab === 'B')).toEqual([]);
    expect(stored(shared).labels).toEqual(['fromFile']);
  });

  it('writes carry a revision one above the save they replace', () => {
    const shared = new SharedStorage();
    const a = openFakeTab(shared, 'A');
    addValue(a, 'x');
    a.autosave.saveNow();
    expect(stored(shared).revision).toBe(1);
    addValue(a, 'y');
    a.autosave.saveNow();
    expect(stored(shared).revision).toBe(2);
  });

  it('an idle tab follows another tab’s save, and Undo takes it back to what it showed', () => {
    const { shared, b } = savedInA('x');
    b.deliver();
    expect(labelsOf(b.store.getState().doc)).toEqual(['first', 'x']);
    expect(b.store.getState().notice?.text).toMatch(/Another tab saved/);
    b.store.getState().undo();
    expect(labelsOf(b.store.getState().doc)).toEqual(['first']);
    b.store.getState().redo();
    // Following is not an edit: closing B writes nothing.
    b.close();
    expect(shared.log.filter((e) => e.tab === 'B' && e.key === AUTOSAVE_KEY)).toEqual([]);
  });

  it('the tab that follows can go on editing, and the first tab follows it back', () => {
    const { shared, a, b } = savedInA('x');
    b.deliver();
    addValue(b, 'y');
    b.autosave.saveNow();
    a.deliver();
    expect(labelsOf(a.store.getState().doc)).toEqual(['first', 'x', 'y']);
    expect(stored(shared)).toEqual({ labels: ['first', 'x', 'y'], revision: 2 });
    expect(conflictShown(a) || conflictShown(b)).toBe(false);
  });

  it('an older tab with edits does not overwrite a newer save, even before the storage event arrives: it asks', () => {
    const { shared, b } = bothEdited();
    b.autosave.saveNow();
    expect(stored(shared).labels).toEqual(['first', 'fromA']);
    expect(conflictShown(b)).toBe(true);
    // Closing B while it asks keeps B's graph in Recent; the newer save stays.
    b.close();
    expect(stored(shared).labels).toEqual(['first', 'fromA']);
    const c = openFakeTab(shared, 'C');
    const copy = c.store.getState().kept.find((k) => k.reason === 'closed');
    expect(copy && c.keeper.restore(copy.id)).toBe(true);
    expect(labelsOf(c.store.getState().doc)).toEqual(['first', 'fromB']);
  });

  it('in a conflict, keeping this tab’s graph keeps the other tab’s in Recent', () => {
    const { shared, a, b } = bothEdited();
    b.deliver();
    expect(conflictShown(b)).toBe(true);
    b.keeper.keepMine();
    expect(conflictShown(b)).toBe(false);
    expect(stored(shared)).toEqual({ labels: ['first', 'fromB'], revision: 2 });
    expect(b.store.getState().kept.map((k) => [k.title, k.reason])).toEqual([['first', 'tab']]);
    expect(stored(shared, b.store.getState().kept[0]!.id).labels).toEqual(['first', 'fromA']);
    // A, with nothing unsaved, follows B's newer save.
    a.deliver();
    expect(labelsOf(a.store.getState().doc)).toEqual(['first', 'fromB']);
  });

  it('in a conflict, loading the other tab’s graph keeps this tab’s in Recent, and Undo brings it back', () => {
    const { b } = bothEdited();
    b.deliver();
    b.keeper.takeTheirs();
    expect(labelsOf(b.store.getState().doc)).toEqual(['first', 'fromA']);
    expect(b.store.getState().kept.map((k) => k.reason)).toEqual(['tab']);
    b.store.getState().undo();
    expect(labelsOf(b.store.getState().doc)).toEqual(['first', 'fromB']);
  });

  it('a save that is not newer yet replaced this tab’s own (the two raced) is not followed: the tab asks', () => {
    const { shared, a } = savedInA('fromA');
    // Another tab that never saw A's save wrote the same revision over it.
    const raced = encodeSavedWork({ doc: docOf([val('first', 1), val('racer', 1)]), viewport: null, revision: 1, tab: 'R', savedAt: 0 });
    shared.view('R').setItem(AUTOSAVE_KEY, raced);
    a.deliver();
    expect(labelsOf(a.store.getState().doc)).toEqual(['first', 'fromA']);
    expect(conflictShown(a)).toBe(true);
  });

  it('a reload in one tab while the other has unsaved edits loses neither', () => {
    const shared = new SharedStorage();
    let a = openFakeTab(shared, 'A');
    const b = openFakeTab(shared, 'B');
    addValue(a, 'fromA');
    a.autosave.saveNow();
    addValue(b, 'fromB');
    a.close();
    a = openFakeTab(shared, 'A');
    b.close();
    expect(stored(shared).labels).toEqual(['first', 'fromA']);
    expect(labelsOf(a.store.getState().doc)).toEqual(['first', 'fromA']);
    a.deliver();
    const kept = openFakeTab(shared, 'C').store.getState().kept;
    expect(kept.map((k) => k.reason)).toEqual(['closed']);
  });
});
