/**
 * One cap for generated and loaded datasets alike: every point becomes a forward and backward
 * pass of a scalar autograd graph per step, so a few thousand points is already slow in a
 * browser, and a shared limit keeps the generators and the CSV reader from disagreeing.
 */
export const MAX_POINTS = 5000;

/**
 * Most classes a dataset may have: a softmax loss allows 8, and more colours than that cannot
 * be told apart on the plot. The CSV reader enforces it.
 */
export const MAX_CLASSES = 8;

/** Most classes a built-in generator makes (spiral arms, blobs): beyond five the shapes crowd. */
export const MAX_GENERATED_CLASSES = 5;
