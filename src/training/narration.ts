/**
 * The slow-motion step: one training step told as the lecture tells it, phase by phase. A pure
 * state machine (start, advance, the words for each phase), so the order and the numbers are
 * tested in Node; the training controller runs its clock and the Train panel shows it.
 */

/** The phases of one step, in the order the lecture's loop runs them. */
export const NARRATION_PHASES = ['forward', 'loss', 'backward', 'update', 'boundary'] as const;

/** One phase of a step. */
export type NarrationPhase = (typeof NARRATION_PHASES)[number];

/** How long each phase stays on screen before the next one, when the learner does not click. */
export const PHASE_MS = 1800;

/** The numbers of one step, measured by the worker as it took it. */
export interface StepNumbers {
  /** Updates before this step: the lecture's k. */
  step: number;
  /** Samples the step's forward pass ran (the batch). */
  samples: number;
  /** The loss at the weights before the update, on the whole training set. */
  lossBefore: number;
  /** √Σ grad² over every parameter, after backward. */
  gradNorm: number;
  /** The learning rate this step used (after the schedule). */
  lr: number;
  /** The loss at the weights after the update, on the whole training set. */
  lossAfter: number;
}

/** Where a narration stands: which phase is on screen, for which step. */
export interface Narration {
  phase: NarrationPhase;
  numbers: StepNumbers;
}

/** A narration at its first phase. */
export function startNarration(numbers: StepNumbers): Narration {
  return { phase: NARRATION_PHASES[0], numbers };
}

/** The next phase, or null once the last one has been shown (the narration is over). */
export function advanceNarration(n: Narration): Narration | null {
  const next = NARRATION_PHASES[NARRATION_PHASES.indexOf(n.phase) + 1];
  return next ? { ...n, phase: next } : null;
}

/** Whether `phase` is already past (or is) where the narration stands. */
export function phaseReached(n: Narration, phase: NarrationPhase): boolean {
  return NARRATION_PHASES.indexOf(phase) <= NARRATION_PHASES.indexOf(n.phase);
}

/** What one phase says: a title and the numbers as a sentence. */
export interface PhaseText {
  title: string;
  detail: string;
}

/** The words for every phase of a step; `format` prints a number (the page passes its own). */
export function narrationText(numbers: StepNumbers, format: (v: number) => string, lossLabel: string): Record<NarrationPhase, PhaseText> {
  const { samples, lossBefore, gradNorm, lr, lossAfter } = numbers;
  const update = lr * gradNorm;
  return {
    forward: { title: 'Forward', detail: `Each of the ${samples} sample${samples === 1 ? '' : 's'} runs through the network: ypred = n(x).` },
    loss: { title: 'Loss', detail: `loss before = ${format(lossBefore)} (${lossLabel}).` },
    backward: { title: 'Backward', detail: `zero grad, then loss.backward(): every parameter gets its grad; |grad| = ${format(gradNorm)}.` },
    update: { title: 'Update', detail: `p.data −= lr · p.grad for each parameter: ${format(lr)} × ${format(gradNorm)} = ${format(update)} in all.` },
    boundary: {
      title: 'The boundary moves',
      detail: `loss after = ${format(lossAfter)} (${lossAfter <= lossBefore ? 'down' : 'up'} ${format(Math.abs(lossBefore - lossAfter))}).`,
    },
  };
}
