/**
 * When a prediction counts as right, shared by both trainers so their accuracies agree: one
 * score is right when it has the label's sign (micrograd's ±1), k scores when the label's class
 * has the largest.
 */
export function isRight(scores: readonly number[], label: number): boolean {
  if (scores.length === 1) return scores[0]! > 0 === label > 0;
  return argmax(scores) === label;
}

/** The index of the largest score (the first on a tie). */
export function argmax(scores: ArrayLike<number>): number {
  let best = 0;
  for (let j = 1; j < scores.length; j++) if (scores[j]! > scores[best]!) best = j;
  return best;
}
