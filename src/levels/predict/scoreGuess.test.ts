import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addVerdict, closeWithin, NO_SCORE, points, scoreGuess } from './scoreGuess';

describe('scoring a guessed grad', () => {
  it('is exact to three decimals, close within 0.05 or 10 %, else wrong', () => {
    expect(scoreGuess(6, 6)).toBe('exact');
    expect(scoreGuess(0.8814, 0.88137)).toBe('exact');
    expect(scoreGuess(6.3, 6)).toBe('close');
    expect(scoreGuess(0.04, 0)).toBe('close');
    expect(scoreGuess(-6, 6)).toBe('wrong');
    expect(scoreGuess(7, 6)).toBe('wrong');
    expect(scoreGuess(null, 6)).toBe('wrong');
  });

  it('never calls a guess with the wrong sign close, away from 0', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.6, max: 1e6, noNaN: true }), (a) => {
        expect(scoreGuess(-a, a)).toBe('wrong');
        expect(scoreGuess(a + closeWithin(a) * 0.99, a)).not.toBe('wrong');
      }),
    );
  });

  it('keeps a running score worth 2 a exact and 1 a close', () => {
    const score = ['exact', 'wrong', 'close', 'exact'].reduce((s, v) => addVerdict(s, v as 'exact' | 'close' | 'wrong'), NO_SCORE);
    expect(score).toEqual({ exact: 2, close: 1, wrong: 1 });
    expect(points(score)).toEqual({ got: 5, of: 8 });
  });
});
