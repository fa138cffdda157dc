import { prefersReducedMotion } from '../../renderers/reducedMotion';
import type { Action } from './types';

const running = (s: { backwardRun: { delivered: number; schedule: { arrivals: unknown[] } } | null }) =>
  !!s.backwardRun && s.backwardRun.delivered < s.backwardRun.schedule.arrivals.length;

/** Backward passes: watch one, step through one, zero the grads. */
export const gradActions: Action[] = [
  {
    id: 'backward',
    label: 'Backward',
    group: 'Gradients',
    keys: ['b'],
    icon: 'backward',
    run: ({ store }) => {
      if (prefersReducedMotion()) store.getState().backward();
      else store.getState().startBackward();
    },
  },
  {
    id: 'stepBackward',
    label: 'Step',
    group: 'Gradients',
    keys: ['s'],
    icon: 'step',
    run: ({ store }) => store.getState().stepBackward(),
  },
  {
    id: 'zeroGrad',
    label: 'Zero grad',
    group: 'Gradients',
    keys: ['z'],
    icon: 'zero',
    run: ({ store }) => store.getState().zeroGrad(),
    enabled: ({ store }) => store.getState().grads.passes > 0 || store.getState().backwardRun !== null,
  },
  {
    id: 'pauseBackward',
    label: 'Pause / resume the animation',
    group: 'Gradients',
    keys: ['p'],
    icon: 'pause',
    run: ({ store }) => {
      const run = store.getState().backwardRun;
      if (run) store.getState().setBackwardPaused(!run.paused);
    },
    enabled: ({ store }) => running(store.getState()),
  },
  {
    id: 'finishBackward',
    label: 'Skip to the end',
    group: 'Gradients',
    keys: ['e'],
    icon: 'skip',
    run: ({ store }) => store.getState().finishBackward(),
    enabled: ({ store }) => running(store.getState()),
  },
  {
    id: 'replayBackward',
    label: 'Replay the last pass',
    group: 'Gradients',
    keys: ['r'],
    icon: 'replay',
    run: ({ store }) => store.getState().replayBackward(),
    enabled: ({ store }) => store.getState().backwardRun !== null,
  },
];
