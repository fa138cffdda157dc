/**
 * Scoring a guessed gradient. "Exact" forgives what typing to three decimals loses; "close"
 * forgives a slip in the last digits or a rounded intermediate, but never a wrong sign far from 0
 * (the commonest chain-rule mistake is the sign, and that is a wrong answer).
 */

/** How good a guess was. */
export type Verdict = 'exact' | 'close' | 'wrong';

/** Within this of the answer is exact: the answer typed to three decimals. */
export const EXACT_WITHIN = 0.0005;

/** The widest miss still "close": 0.05, or 10 % of the answer when that is more. */
export function closeWithin(answer: number): number {
  return Math.max(0.05, 0.1 * Math.abs(answer));
}

/** The verdict for one guess; a guess that is not a number is wrong. */
export function scoreGuess(guess: number | null, answer: number): Verdict {
  if (guess === null || !Number.isFinite(guess) || !Number.isFinite(answer)) return 'wrong';
  const miss = Math.abs(guess - answer);
  if (miss <= EXACT_WITHIN) return 'exact';
  return miss <= closeWithin(answer) ? 'close' : 'wrong';
}

/** A running score: how many guesses of each verdict. */
export interface PredictScore {
  exact: number;
  close: number;
  wrong: number;
}

/** No guesses yet. */
export const NO_SCORE: PredictScore = { exact: 0, close: 0, wrong: 0 };

/** The score after one more guess. */
export function addVerdict(score: PredictScore, verdict: Verdict): PredictScore {
  return { ...score, [verdict]: score[verdict] + 1 };
}

/** Points: 2 for exact, 1 for close, 0 for wrong, so a score reads as "7 of 10". */
export function points(score: PredictScore): { got: number; of: number } {
  return { got: 2 * score.exact + score.close, of: 2 * (score.exact + score.close + score.wrong) };
}
