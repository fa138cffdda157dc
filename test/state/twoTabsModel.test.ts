import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docOf, val } from '../../src/document/testDocs';
import { AUTOSAVE_KEY } from '../../src/state/autosave';
import { KEPT_PREFIX } from '../../src/state/keptCopies';
import { decodeSavedWork } from '../../src/state/savedWorkFormat';
import { addValue, labelsOf, openFakeTab, SharedStorage, type FakeTab } from './fakeTabs';

/**
 * Two tabs on one browser storage, driven through random orders of what people do: edit, let
 * the autosave timer fire, receive the other tab's `storage` event (late, as browsers send
 * it), open a link, restore a Recent copy, settle a conflict, close, reopen. After every order:
 *
 * - a tab that made no edit never wrote the autosave;
 * - every autosave write carries a revision above the one it replaced;
 * - nothing is lost: every graph ever autosaved, every graph a link, a restore or a conflict
 *   choice replaced, and every graph a tab showed when it closed, is still held (its nodes all present) by the autosave or by a copy kept in Recent. Copies
 *   that Recent's "last five" later pushed out count as kept: the cap is a separate, chosen limit.
 *
 * Edits only add nodes, so "held" is "all its labels are there"; undo is tested on its own.
 */

type Name = 'A' | 'B';
type Step =
  | { do: 'open' | 'edit' | 'save' | 'deliver' | 'close' | 'link' | 'restore' | 'openWithLink'; tab: Name }
  | { do: 'resolve'; tab: Name; mine: boolean };

const tabName = fc.constantFrom<Name>('A', 'B');
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ do: fc.constant('edit' as const), tab: tabName }) },
  { weight: 4, arbitrary: fc.record({ do: fc.constant('save' as const), tab: tabName }) },
  { weight: 4, arbitrary: fc.record({ do: fc.constant('deliver' as const), tab: tabName }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('open' as const), tab: tabName }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('close' as const), tab: tabName }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constantFrom('link' as const, 'restore' as const, 'openWithLink' as const), tab: tabName }) },
  { weight: 3, arbitrary: fc.record({ do: fc.constant('resolve' as const), tab: tabName, mine: fc.boolean() }) },
);

/** Labels a person put there (the first example's node is not anybody's work). */
function work(labels: string[]): string[] {
  return labels.filter((l) => l !== 'first');
}

function run(steps: Step[]): void {
  const shared = new SharedStorage();
  const tabs: Partial<Record<Name, FakeTab>> = {};
  const edited: Record<Name, boolean> = { A: false, B: false };
  const mustBeHeld: string[][] = [];
  let n = 0;
  const fresh = () => `n${++n}`;
  const open = (name: Name, link: boolean) => {
    tabs[name] = openFakeTab(shared, name, link ? docOf([val(fresh(), 1)]) : null);
    edited[name] = link;
  };
  open('A', false);
  open('B', false);

  for (const s of steps) {
    const tab = tabs[s.tab];
    const logged = shared.log.length;
    if (!tab) {
      if (s.do === 'open' || s.do === 'openWithLink') open(s.tab, s.do === 'openWithLink');
      continue;
    }
    const state = tab.store.getState();
    // A graph replaced wholesale (by a link, a restore, or either side of a conflict) must be kept.
    const onScreen = work(labelsOf(state.doc));
    const stored = shared.items.get(AUTOSAVE_KEY);
    const storedWork = stored === undefined ? null : decodeSavedWork(stored);
    const inConflict = state.banners.some((b) => b.kind === 'conflict');
    switch (s.do) {
      case 'edit':
        addValue(tab, fresh());
        edited[s.tab] = true;
        break;
      case 'save':
        tab.autosave.saveNow();
        break;
      case 'deliver':
        tab.deliver();
        break;
      case 'link':
        mustBeHeld.push(onScreen);
        tab.keeper.openLink(docOf([val(fresh(), 1)]));
        edited[s.tab] = true;
        break;
      case 'restore': {
        const newest = state.kept.find((k) => k.reason !== 'unreadable');
        if (newest && tab.keeper.restore(newest.id)) {
          mustBeHeld.push(onScreen);
          edited[s.tab] = true;
        }
        break;
      }
      case 'resolve':
        if (inConflict && s.mine) {
          if (storedWork?.ok) mustBeHeld.push(work(labelsOf(storedWork.work.doc)));
          tab.keeper.keepMine();
          edited[s.tab] = true;
        } else if (inConflict) {
          mustBeHeld.push(onScreen);
          tab.keeper.takeTheirs();
        }
        break;
      case 'close':
        tab.close();
        mustBeHeld.push(work(labelsOf(tab.store.getState().doc)));
        delete tabs[s.tab];
        break;
      default:
        break;
    }
    for (const entry of shared.log.slice(logged)) {
      if (entry.key !== AUTOSAVE_KEY || entry.after === null) continue;
      expect(edited[entry.tab as Name], `tab ${entry.tab} wrote the autosave without an edit`).toBe(true);
      const before = entry.before === null ? null : decodeSavedWork(entry.before);
      const after = decodeSavedWork(entry.after);
      expect(after.ok).toBe(true);
      if (before?.ok && after.ok) expect(after.work.revision).toBeGreaterThan(before.work.revision);
      if (after.ok) mustBeHeld.push(work(labelsOf(after.work.doc)));
    }
  }
  for (const name of ['A', 'B'] as const) {
    const tab = tabs[name];
    if (!tab) continue;
    tab.close();
    mustBeHeld.push(work(labelsOf(tab.store.getState().doc)));
  }

  const held: string[][] = [];
  const autosave = shared.items.get(AUTOSAVE_KEY);
  const final = autosave === undefined ? null : decodeSavedWork(autosave);
  if (final?.ok) held.push(labelsOf(final.work.doc));
  for (const entry of shared.log) {
    if (!entry.key.startsWith(KEPT_PREFIX) || entry.after === null) continue;
    const kept = decodeSavedWork(entry.after);
    if (kept.ok) held.push(labelsOf(kept.work.doc));
  }
  for (const labels of mustBeHeld.filter((l) => l.length > 0)) {
    const holder = held.find((h) => labels.every((l) => h.includes(l)));
    expect(holder, `nodes ${labels.join(', ')} are held nowhere`).toBeDefined();
  }
}

describe('two tabs on one storage', () => {
  it('never lose work and never let an older tab overwrite a newer save, in any order', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40, size: 'max' }), (steps) => run(steps)),
      { numRuns: 250 },
    );
    // Thousands of simulated tab steps: more than Vitest's default five seconds on a busy machine.
  }, 60_000);
});
