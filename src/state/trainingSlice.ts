import type { TrainingSetup } from '../document/types';
import type { HistoryPoint } from '../training/worker/protocol';
import { setupOf } from '../training/setup';
import type { PlaygroundState } from './store';

/** Where training stands, as the page shows it. The worker reports; this holds the latest. */
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
  /** Scores on a grid over the data's range, for the decision boundary heatmap. */
  boundary: { size: number; xRange: [number, number]; yRange: [number, number]; scores: Float32Array } | null;
  /** The weights being trained, live, in the compiled program's order. */
  params: Float64Array | null;
  /** Where each weight of the drawing sits in `params`: key `${nodeId}/${field}/${unit}/${input}`. */
  paramIndex: ReadonlyMap<string, number> | null;
}

/** The training part of the store: the setup (in the document) and the live status (not saved). */
export interface TrainingSlice {
  training: TrainingStatus;
  /** Changes the dataset or settings: an edit of the document (one undo step, or part of a gesture). */
  updateSetup(patch: Partial<TrainingSetup>): void;
  /** The training controller reports here; not an undo step. */
  setTrainingStatus(patch: Partial<TrainingStatus>): void;
}

export const IDLE_TRAINING: TrainingStatus = {
  phase: 'idle',
  message: null,
  step: 0,
  lr: 0,
  stepsPerSecond: 0,
  history: [],
  boundary: null,
  params: null,
  paramIndex: null,
};

/** The key of one parameter in `paramIndex`. */
export function paramKey(nodeId: string, field: 'value' | 'weight' | 'bias', unit: number, input: number): string {
  return `${nodeId}/${field}/${unit}/${input}`;
}

type Set = (partial: Partial<PlaygroundState> | ((s: PlaygroundState) => Partial<PlaygroundState>)) => void;
type Get = () => PlaygroundState;

/** `applySetup` is the store's edit function, so setup changes record undo like any edit. */
export function createTrainingSlice(set: Set, get: Get, applySetup: (setup: TrainingSetup) => void): TrainingSlice {
  return {
    training: IDLE_TRAINING,
    updateSetup(patch) {
      applySetup({ ...setupOf(get().doc), ...patch });
    },
    setTrainingStatus(patch) {
      set({ training: { ...get().training, ...patch } });
    },
  };
}
