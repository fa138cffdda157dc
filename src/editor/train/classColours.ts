/**
 * The CSS colour of class j of a k-class dataset, matching the plot's (renderers/boundary/classMap.ts):
 * two classes keep the sign colours, k classes are pos, neg, then the --class-2 … tokens.
 */
export function classCssColour(label: number, classes: number): string {
  if (classes <= 2) return label > 0 ? 'var(--pos)' : 'var(--neg)';
  return label === 0 ? 'var(--pos)' : label === 1 ? 'var(--neg)' : `var(--class-${label})`;
}

/** A label as the UI writes it: +1 / −1 for two classes, the class number for more. */
export function classText(label: number, classes: number): string {
  if (classes > 2) return String(label);
  return label > 0 ? '+1' : '\u22121';
}
