import { describe, expect, it } from 'vitest';
import { abPlusC } from '../document/presets/abPlusC';
import { DocBuilder } from '../document/presets/DocBuilder';
import { makeChallenge, type Challenge } from '../levels/challenge';
import { graphText } from './savedWorkFormat';
import { memoryStorage, type KeyValueStorage } from './keyValueStorage';
import { createLevelPlay, SESSION_KEY } from './levelPlay';
import { PROGRESS_KEY, readProgress } from './levelProgress';
import { openTab } from './openTab';

/** Teacher links played through level play: the sandbox is put aside and comes back, progress is left alone. */

function tab(storage: KeyValueStorage) {
  const opened = openTab(storage, { link: null, firstDoc: () => abPlusC.build(), delayMs: 0 });
  return { ...opened, levels: createLevelPlay(opened.store, opened.keeper, storage, () => 1000) };
}

function sandboxWork() {
  const g = new DocBuilder();
  return g.output(g.op('mul', [g.value(3, 'x'), 2], 'y')).build();
}

function gradsChallenge(): Challenge {
  const made = makeChallenge(abPlusC.build(), { title: 'Grads of d', goals: [{ kind: 'predict-leaf-grads' }], palette: [], hidden: ['mode-backward'], budget: null, hints: [] }, 'this-graph');
  if (!made.ok) throw new Error(made.reason);
  return made.challenge;
}

describe('playing a challenge', () => {
  it('opens over the sandbox, is checked live, earns no map stars, and gives the sandbox back', () => {
    const storage = memoryStorage();
    const { store, levels } = tab(storage);
    const mine = sandboxWork();
    store.getState().loadDocument(mine);
    levels.getState().play('slope-by-nudging');
    levels.getState().type('slope', '14');
    const progressBefore = storage.getItem(PROGRESS_KEY);
    expect(levels.getState().playChallenge(gradsChallenge())).toMatchObject({ solved: false });
    expect(levels.getState().level?.title).toBe('Grads of d');
    levels.getState().type('grad-1', '-3');
    levels.getState().type('grad-2', '2');
    levels.getState().type('grad-3', '1');
    expect(levels.getState().run).toMatchObject({ solved: true, stars: 3 });
    expect(storage.getItem(PROGRESS_KEY)).toBe(progressBefore);
    expect(readProgress(storage).problem).toBeNull();
    levels.getState().leave();
    expect(graphText(store.getState().doc)).toBe(graphText(mine));
  });

  it('goes on after a reload, and Restart plays the same challenge from its start', () => {
    const storage = memoryStorage();
    const first = tab(storage);
    first.levels.getState().playChallenge(gradsChallenge());
    first.levels.getState().type('grad-1', '-3');
    const second = tab(storage);
    expect(second.levels.getState().level?.title).toBe('Grads of d');
    expect(second.levels.getState().run?.checks.find((c) => c.id === 'grad-1')?.passed).toBe(true);
    expect(second.levels.getState().play('challenge')).toBe(true);
    expect(second.levels.getState().session?.predictions).toEqual({});
  });

  it('judges a shared-back answer by running the checks again: a wrong answer is not solved whatever it claims', () => {
    const { levels } = tab(memoryStorage());
    const challenge = gradsChallenge();
    const right = levels.getState().playChallenge(challenge, { doc: challenge.start, predictions: { 'grad-1': '-3', 'grad-2': '2', 'grad-3': '1' }, hintsUsed: 1 });
    expect(right).toMatchObject({ solved: true, stars: 2 });
    expect(levels.getState().session?.fromAnswer).toBe(true);
    const wrong = levels.getState().playChallenge(challenge, { doc: challenge.start, predictions: { 'grad-1': '3', 'grad-2': '2', 'grad-3': '1' }, hintsUsed: 0 });
    expect(wrong).toMatchObject({ solved: false, stars: 0 });
  });

  it('drops a stored challenge session that no longer reads, keeping the text aside', () => {
    const storage = memoryStorage();
    storage.setItem(SESSION_KEY, JSON.stringify({ levelId: 'challenge', predictions: {}, hintsUsed: 0, sandbox: '', challenge: '{"format":"nope"}' }));
    const { levels } = tab(storage);
    expect(levels.getState().session).toBeNull();
    expect(storage.getItem(SESSION_KEY)).toBeNull();
  });
});
