import { describe, expect, it } from 'vitest';
import { abPlusC } from '../document/presets/abPlusC';
import { challengeFingerprint, decodeChallengeHash, encodeChallengeHash, type Challenge } from '../levels/challenge';
import { memoryStorage } from './keyValueStorage';
import { madeAt, MADE_KEY, rememberMade } from './madeChallenges';

const challenge: Challenge = { title: 'Make d zero', goals: [{ kind: 'output-equals', value: 0, tolerance: 0.001 }], palette: [], hidden: [], budget: null, hints: [], start: abPlusC.build() };

describe('challenges made in this browser', () => {
  it('recognises its own challenge after a link round trip, and not one whose goal was changed', async () => {
    const storage = memoryStorage();
    rememberMade(storage, (await challengeFingerprint(challenge))!, 1234);
    const back = await decodeChallengeHash(await encodeChallengeHash(challenge, { doc: challenge.start, predictions: {}, hintsUsed: 0 }));
    if (!back.ok) throw new Error(back.reason);
    expect(madeAt(storage, (await challengeFingerprint(back.challenge))!)).toBe(1234);
    const altered: Challenge = { ...challenge, goals: [{ kind: 'output-equals', value: 4, tolerance: 0.001 }] };
    expect(madeAt(storage, (await challengeFingerprint(altered))!)).toBeNull();
  });

  it('reads a damaged list as empty and starts it again', () => {
    const storage = memoryStorage();
    storage.setItem(MADE_KEY, '{oops');
    expect(madeAt(storage, 'abc')).toBeNull();
    expect(rememberMade(storage, 'abc', 5)).toBe(true);
    expect(madeAt(storage, 'abc')).toBe(5);
  });
});
