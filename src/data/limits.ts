/**
 * One cap for generated and loaded datasets alike: every point becomes a forward and backward
 * pass of a scalar autograd graph per step, so a few thousand points is already slow in a
 * browser, and a shared limit keeps the generators and the CSV reader from disagreeing.
 */
export const MAX_POINTS = 5000;
