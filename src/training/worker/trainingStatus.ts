import type { Narration } from '../narration';
import type { HistoryPoint } from './protocol';
import type { UnitMaps } from './unitMaps';
import type { OptimiserSnapshot } from './optimiserSnapshot';

/**
 * Where training stands, as the page shows it: the training worker reports, its main-thread
 * client (TrainingController) keeps the latest here, in the store's training slice.
 */
export interface TrainingStatus {
  phase: 'idle' | 'running' | 'paused' | 'diverged' | 'error';
  /** Why training stopped or cannot start, in words. */
  message: string | null;
  step: number;
  /** The learning rate the worker used last (after the schedule). */
  lr: number;
  stepsPerSecond: number;
  /** The loss and accuracy curves. */
  history: readonly HistoryPoint[];
  /** Scores on a grid over the data's range, for the decision boundary heatmap (k classes: argmax and its probability). */
  boundary: { size: number; xRange: [number, number]; yRange: [number, number]; scores: Float32Array; classes?: Uint8Array } | null;
  /** Each hidden unit's heatmap, while the page asks for them; null before a run or when hidden. */
  unitMaps: UnitMaps | null;
  /** The weights being trained, live, in the compiled program's order. */
  params: Float64Array | null;
  /** Where each weight of the drawing sits in `params`: key `${nodeId}/${field}/${unit}/${input}`. */
  paramIndex: ReadonlyMap<string, number> | null;
  /** The slow-motion step on screen (which phase, with the step's numbers); null when none. */
  narration: Narration | null;
  /** The optimiser panel's numbers: the watched parameters' data, grad and optimiser state. */
  optimiser: OptimiserSnapshot | null;
}

/** Nothing loaded, nothing trained: the status before the first Train and after a Reset. */
export const IDLE_TRAINING: TrainingStatus = {
  phase: 'idle',
  message: null,
  step: 0,
  lr: 0,
  stepsPerSecond: 0,
  history: [],
  boundary: null,
  unitMaps: null,
  params: null,
  paramIndex: null,
  narration: null,
  optimiser: null,
};

/** The key of one parameter in `paramIndex`. */
export function paramKey(nodeId: string, field: 'value' | 'weight' | 'bias', unit: number, input: number): string {
  return `${nodeId}/${field}/${unit}/${input}`;
}
