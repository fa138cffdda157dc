import type { TrainingSetup } from '../document/types';
import { IDLE_TRAINING, type TrainingStatus } from '../training/worker/trainingStatus';
import { setupOf } from '../training/setup';
import type { PlaygroundState } from './store';

/** The training part of the store: the setup (in the document) and the live status (not saved). */
export interface TrainingSlice {
  training: TrainingStatus;
  /** Changes the dataset or settings: an edit of the document (one undo step, or part of a gesture). */
  updateSetup(patch: Partial<TrainingSetup>): void;
  /** The training controller reports here; not an undo step. */
  setTrainingStatus(patch: Partial<TrainingStatus>): void;
}

type Set = (partial: Partial<PlaygroundState> | ((s: PlaygroundState) => Partial<PlaygroundState>)) => void;
type Get = () => PlaygroundState;

/** `applySetup` is the store's edit function, so setup changes record undo like any edit. */
export function createTrainingSlice(set: Set, get: Get, applySetup: (setup: TrainingSetup) => void): TrainingSlice {
  return {
    training: IDLE_TRAINING,
    updateSetup(patch) {
      const now = setupOf(get().doc);
      // A patch that changes nothing (the same dataset picked again) is no undo step.
      const changes = (Object.keys(patch) as (keyof TrainingSetup)[]).some((k) => JSON.stringify(patch[k]) !== JSON.stringify(now[k]));
      if (changes) applySetup({ ...now, ...patch });
    },
    setTrainingStatus(patch) {
      set({ training: { ...get().training, ...patch } });
    },
  };
}
