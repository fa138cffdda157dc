/**
 * The shapes every dataset producer (generators, the CSV reader, the split) hands to training
 * and plotting, so those layers never care where the points came from.
 */

/**
 * A class label. Two classes are -1/+1 rather than 0/1 because micrograd's lecture trains a tanh
 * output against ±1 targets (and a max-margin loss needs the sign); three or more classes (for a
 * softmax loss) are numbered 0..k−1.
 */
export type Label = number;

/**
 * Labelled points as parallel arrays: row `i` of `x` (its features) belongs with `y[i]`.
 * Rows rather than point objects because an MLP consumes a feature vector, and the same shape
 * then serves the 3-input lecture example as well as the 2-D plots.
 */
export interface Dataset {
  /** Shown in the UI; also says where the points came from (e.g. "moons", "my.csv"). */
  name: string;
  /** One feature row per point; every row has the same length (2, or 3 for tiny4). */
  x: number[][];
  /** One label per row of `x`. */
  y: Label[];
}

/** A fixed 2-D position (a blob centre, say); a tuple so it cannot have the wrong length. */
export type Point2 = readonly [number, number];

/** The built-in generators, by the key a URL or saved document stores. */
export type DatasetKind = 'tiny4' | 'moons' | 'circles' | 'xor' | 'spiral' | 'blobs';

/** What every generator needs; shape-specific extras (a factor, centres) have defaults. */
export interface GeneratorOptions {
  /** How many points in total (split as evenly as possible between the two classes). */
  n: number;
  /** Standard deviation of the gaussian jitter added to each coordinate; 0 gives the exact shape. */
  noise: number;
  /** Any number; the same seed always gives the same points. */
  seed: number;
  /**
   * How many classes, for the generators that make more than two (spiral arms, blobs); 2 when
   * absent, labelled ±1, while 3 or more are labelled 0..k−1. Others ignore it.
   */
  classes?: number;
}

/**
 * Everything needed to regenerate a dataset, small enough to keep in a URL or a saved
 * document instead of the points themselves.
 */
export interface DatasetSpec extends GeneratorOptions {
  kind: DatasetKind;
}
