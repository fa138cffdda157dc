import { backwardSchedule, type BackwardSchedule } from '../document/backward/schedule';
import { isLeaf } from '../document/ports';
import { evaluationOf } from './derived';
import type { PlaygroundState } from './store';
import type { BackwardRun, GradState } from './types';

/** The backward-pass part of the store: instant passes, watched passes, stepping, zeroing. */
export interface BackwardSlice {
  grads: GradState;
  /** The pass being watched, or the last one watched (for replay); null when there is none. */
  backwardRun: BackwardRun | null;
  /** Animation speed, 1 = normal. */
  backwardSpeed: number;

  /** One backward pass from the output, added to the leaves' grads at once. */
  backward(): void;
  /** Starts a watched pass that plays to the end. */
  startBackward(): void;
  /** Lands the next node's contributions (starting a pass in step mode if none is running). */
  stepBackward(): void;
  /**
   * Called by the animation as contributions arrive: the first `count` arrivals of the pass
   * have landed. Counts behind what has already landed change nothing.
   */
  deliverArrivals(count: number): void;
  /** Lands everything left at once. */
  finishBackward(): void;
  /** Plays the last watched pass again from its start, without adding its grads a second time. */
  replayBackward(): void;
  setBackwardPaused(paused: boolean): void;
  setBackwardSpeed(speed: number): void;
  zeroGrad(): void;
}

const NO_GRADS: GradState = { passes: 0, leaves: {}, latest: {}, revision: -1 };

type Set = (partial: Partial<PlaygroundState> | ((s: PlaygroundState) => Partial<PlaygroundState>)) => void;
type Get = () => PlaygroundState;

/** The leaf grads a new pass starts from: what earlier passes left, as micrograd's += does. */
function baseFor(state: PlaygroundState): Record<string, number> {
  return state.grads.passes === 0 ? {} : { ...state.grads.leaves };
}

function scheduleFor(state: PlaygroundState, base: Record<string, number>): BackwardSchedule | null {
  return backwardSchedule(state.doc, evaluationOf(state.doc), base);
}

/** Index just past the arrivals of the step that contains arrival `index`. */
function endOfStepAt(schedule: BackwardSchedule, index: number): number {
  for (const step of schedule.steps) {
    const end = step.first + step.count;
    if (index < end) return end;
  }
  return schedule.arrivals.length;
}

/** The part of the store that runs backward passes; `notify` reports the accumulation lesson. */
export function createBackwardSlice(set: Set, get: Get): BackwardSlice {
  /** Makes a finished pass the grads micrograd would now hold. */
  function commit(run: BackwardRun): void {
    const state = get();
    const { schedule } = run;
    const leaves: Record<string, number> = { ...run.base };
    const latest: Record<string, number> = {};
    for (const [id, g] of schedule.final) {
      latest[id] = g;
      const node = state.doc.nodes[id];
      if (node && isLeaf(node)) leaves[id] = g;
    }
    const passes = state.grads.passes + 1;
    set({
      grads: { passes, leaves, latest, revision: state.revision },
      backwardRun: { ...run, delivered: schedule.arrivals.length, target: schedule.arrivals.length, committed: true },
    });
    if (passes >= 2) {
      state.notify(
        'info',
        `Backward ran ${passes} times without Zero grad: the leaves' grads are now ${passes}× too big, because backward adds (+=) into .grad. Zero the grads before each pass.`,
      );
    }
  }

  /** A fresh run from the current graph, or null (with a hint) when there is nothing to run. */
  function newRun(): BackwardRun | null {
    const state = get();
    if (state.backwardRun && !state.backwardRun.committed) commit(state.backwardRun);
    const base = baseFor(get());
    const schedule = scheduleFor(get(), base);
    if (!schedule) {
      get().notify('info', 'Nothing to backpropagate from yet: wire up an expression whose output can be computed.');
      return null;
    }
    return { schedule, base, delivered: 0, target: 0, paused: false, committed: false };
  }

  return {
    grads: NO_GRADS,
    backwardRun: null,
    backwardSpeed: 1,

    backward() {
      const run = newRun();
      if (run) commit(run);
    },
    startBackward() {
      const run = newRun();
      if (run) set({ backwardRun: { ...run, target: run.schedule.arrivals.length } });
    },
    stepBackward() {
      let run = get().backwardRun;
      if (!run || run.committed) {
        run = newRun();
        if (!run) return;
      }
      if (run.target > run.delivered) {
        // A step is still landing: finish it at once, then queue the next.
        run = { ...run, delivered: run.target };
      }
      const total = run.schedule.arrivals.length;
      if (run.delivered >= total) {
        commit(run);
        return;
      }
      set({ backwardRun: { ...run, target: endOfStepAt(run.schedule, run.delivered), paused: false } });
    },
    deliverArrivals(count) {
      const run = get().backwardRun;
      if (!run || count <= run.delivered || run.delivered >= run.target) return;
      const next = { ...run, delivered: Math.min(count, run.target) };
      if (next.delivered >= next.schedule.arrivals.length && !next.committed) commit(next);
      else set({ backwardRun: next });
    },
    finishBackward() {
      const run = get().backwardRun;
      if (!run) return;
      if (run.committed) set({ backwardRun: { ...run, delivered: run.schedule.arrivals.length, target: run.schedule.arrivals.length } });
      else commit(run);
    },
    replayBackward() {
      const run = get().backwardRun;
      if (!run) return;
      set({ backwardRun: { ...run, delivered: 0, target: run.schedule.arrivals.length, paused: false } });
    },
    setBackwardPaused(paused) {
      const run = get().backwardRun;
      if (run && run.paused !== paused) set({ backwardRun: { ...run, paused } });
    },
    setBackwardSpeed(speed) {
      set({ backwardSpeed: Math.min(8, Math.max(0.125, speed)) });
    },
    zeroGrad() {
      set({ grads: NO_GRADS, backwardRun: null });
    },
  };
}
