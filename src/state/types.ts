import type { BackwardSchedule } from '../document/backward/schedule';

/** The visible part of the canvas (React Flow's viewport), as files store it. */
export type { Viewport } from '../document/file/fileFormat';

/** A short message for the toast area: a refused wire, a refused file, a saved file. */
export interface Notice {
  /** Increases with every notice, so the same text twice still shows twice. */
  id: number;
  tone: 'error' | 'info' | 'success';
  text: string;
}

/**
 * The gradients micrograd would hold after the backward passes the user ran. Leaves keep
 * adding (+=) across passes, like parameters across training steps; every pass rebuilds the
 * intermediate nodes, as a training loop's forward pass does, so they show the latest pass.
 */
export interface GradState {
  /** Backward passes run since the last zero grad. */
  passes: number;
  /** Accumulated grad of each leaf (value and constant nodes). */
  leaves: Readonly<Record<string, number>>;
  /** The latest pass's grad of every node. */
  latest: Readonly<Record<string, number>>;
  /** The document revision the latest pass ran on; a different revision means stale grads. */
  revision: number;
}

/** A backward pass being watched: which contributions have landed, and how far to go. */
export interface BackwardRun {
  schedule: BackwardSchedule;
  /** Leaf grads before the pass (non-zero when grads were not zeroed). */
  base: Readonly<Record<string, number>>;
  /** How many arrivals have landed. */
  delivered: number;
  /** How many should land before the animation stops (all of them when playing; one step's worth in step mode). */
  target: number;
  paused: boolean;
  /** True once all arrivals landed and the grads were committed; a replay then re-shows it without adding again. */
  committed: boolean;
}
