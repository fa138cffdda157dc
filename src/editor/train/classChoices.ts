/**
 * The classes a person can paint or click into the data plot, in the order the picker shows
 * them. One function, so k-class datasets only need to extend it here.
 */
export interface ClassChoice {
  /** The label the point gets in the dataset. */
  label: number;
  /** As written on the picker. */
  text: string;
  /** The picker button's class (its colour) and its test id's suffix. */
  tone: string;
}

export function classChoices(): readonly ClassChoice[] {
  return TWO_CLASSES;
}

const TWO_CLASSES: readonly ClassChoice[] = [
  { label: 1, text: '+1', tone: 'pos' },
  { label: -1, text: '\u22121', tone: 'neg' },
];
