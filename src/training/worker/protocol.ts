import type { GraphDoc, TrainingSetup } from '../../document/types';
import type { StepNumbers } from '../narration';
import type { UnitMaps } from './unitMaps';
import type { OptimiserSettings } from '../../nn/optimisers';
import type { OptimiserSnapshot } from './optimiserSnapshot';

/**
 * Messages between the page and the training worker. The page owns the document; the worker
 * owns a compiled copy of the network and trains it, reporting progress a few dozen times a
 * second so the page stays at 60 frames a second.
 */

/** One point of the loss and accuracy curves. */
export interface HistoryPoint {
  step: number;
  loss: number;
  trainAccuracy: number;
  testAccuracy: number;
}

/** Settings that take effect on the next step, mid-run. */
export interface LiveSettings {
  lr?: number;
  alpha?: number;
  batchSize?: number;
  schedule?: TrainingSetup['schedule'];
  decaySteps?: number;
  optimiser?: OptimiserSettings;
}

export type ToWorker =
  /**
   * Compile this document and load its dataset; training starts paused at step 0. Every report
   * after it carries `generation`, so the page can drop reports from a run it has replaced.
   */
  | { type: 'load'; doc: GraphDoc; setup: TrainingSetup; generation: number }
  | { type: 'play' }
  | { type: 'pause' }
  /** `count` steps (one when absent: the lecture's loop is twenty), then pause. */
  | { type: 'step'; count?: number }
  | { type: 'set'; settings: LiveSettings }
  /** At most this many steps a second while playing; null is full speed. */
  | { type: 'pace'; stepsPerSecond: number | null }
  /** One step, measured for the slow-motion narration: 'explained', then the usual progress. */
  | { type: 'explain' }
  /** Whether to send each hidden unit's heatmap (a few times a second while training). */
  | { type: 'unitMaps'; on: boolean }
  /** Which parameters the optimiser panel shows (null: the 10 with the largest |grad|). */
  | { type: 'watch'; indices: number[] | null };

export type FromWorker = { generation: number } & (
  | { type: 'loaded'; ok: true; paramCount: number; featureCount: number; boundary: boolean }
  | { type: 'loaded'; ok: false; reason: string }
  /** Sent while training (and after a step): the newest numbers, new curve points, the weights. */
  | {
      type: 'progress';
      step: number;
      lr: number;
      stepsPerSecond: number;
      points: HistoryPoint[];
      params: Float64Array;
      running: boolean;
      /** The report a load sends (the weights as drawn): nothing trained, nothing to write back. */
      loaded: boolean;
      /** The optimiser's state for the watched parameters only: a few numbers, not the whole state. */
      optimiser?: OptimiserSnapshot;
    }
  /** The numbers of the step an 'explain' took, sent before its progress report. */
  | { type: 'explained'; numbers: StepNumbers }
  /**
   * The decision boundary: scores on a size × size grid over the data's range (row 0 at yMin);
   * for a k-class network the argmax class per cell in `classes`, and `scores` its probability.
   */
  | { type: 'boundary'; size: number; xRange: [number, number]; yRange: [number, number]; scores: Float32Array; classes?: Uint8Array }
  /** Each hidden unit's activation over the plane (see unitMaps.ts), while they are asked for. */
  | { type: 'units'; maps: UnitMaps }
  /** The loss or a gradient stopped being a number: training paused, parameters rolled back. */
  | { type: 'diverged'; step: number; reason: string; params: Float64Array }
);

/** A report without its generation, as the worker composes it before stamping. */
export type Report = FromWorker extends infer M ? (M extends { generation: number } ? Omit<M, 'generation'> : never) : never;
