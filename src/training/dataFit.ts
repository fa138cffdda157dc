/**
 * Why a network cannot train on these points, or null when it can: its input nodes must read
 * exactly the features the points have. Too few columns would read past a row; too many would
 * train on part of the data without a word (an MLP(2, …) on the lecture's 3-feature samples).
 * `featureCount` is 1 + the highest feature an input node reads (0: a graph without inputs).
 */
export function whyDataDoesNotFit(featureCount: number, rows: readonly (readonly number[])[]): string | null {
  if (rows.length === 0 || featureCount === 0) return null;
  const width = Math.min(...rows.map((row) => row.length));
  const sameWidth = rows.every((row) => row.length === rows[0]!.length);
  if (featureCount > width) {
    return `The network reads feature x${featureCount}, but the dataset has only ${width} features${sameWidth ? '' : ' in some points'}.`;
  }
  if (featureCount < width && sameWidth) {
    return `The network has ${featureCount} ${featureCount === 1 ? 'input' : 'inputs'} (x1…x${featureCount}), but each point of the dataset has ${width} features: the inputs must match them. Pick a dataset with ${featureCount} features, or Insert MLP again for this one.`;
  }
  return null;
}
