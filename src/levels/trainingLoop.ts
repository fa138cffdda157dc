import { Value } from '../engine';
import { MLP, sumSquaredError } from '../nn';
import { TINY_MLP_SEED } from '../document/presets/tinyMlp';
import type { GraphDoc } from '../document/types';
import { datasetsOf, setupOf } from '../training/setup';

/**
 * The lecture's training loop on the scalar engine, with zero_grad wherever the player puts it
 * (or nowhere). Nothing is faked: the engine's backward adds into every grad (`+=`), so a loop
 * that never zeroes them really piles each step's gradient onto the last ones, and a loop that
 * zeroes them between backward and the update really steps by nothing.
 */

/** The loop body without zero_grad, in the lecture's order. */
export const LOOP_STEPS = ['forward', 'backward', 'update'] as const;

/**
 * Where zero_grad sits: 'none', or the index of the step it comes before ('0' … '2'), or '3'
 * for after the update (the option ids of the level's `slots` choice).
 */
export type ZeroGradPlace = 'none' | '0' | '1' | '2' | '3';

/** Every place, for the tests. */
export const ZERO_GRAD_PLACES: readonly ZeroGradPlace[] = ['none', '0', '1', '2', '3'];

/** The steps one pass of the loop runs, zero_grad included where placed. */
export function loopBody(place: ZeroGradPlace): string[] {
  const steps: string[] = [...LOOP_STEPS];
  if (place !== 'none') steps.splice(Number(place), 0, 'zero_grad');
  return steps;
}

/**
 * The loss measured at each of `steps` passes of the loop (the lecture's `print(k, loss.data)`),
 * on MLP(3, [4, 4, 1]) with tanh everywhere, the tiny-MLP preset's seed and the document's
 * training set (the lecture's four samples), squared error summed, `p.data += -lr * p.grad`.
 * Stops early, with the loss it reached, once a number is no longer finite.
 */
export function lossesOfLoop(doc: GraphDoc, place: ZeroGradPlace, lr: number, steps: number): number[] {
  const data = datasetsOf(setupOf(doc)).train;
  const model = new MLP(3, [4, 4, 1], { seed: TINY_MLP_SEED, activation: 'tanh', outputActivation: 'tanh' });
  const params = model.parameters();
  const body = loopBody(place);
  const losses: number[] = [];
  let loss: Value | null = null;
  for (let k = 0; k < steps; k++) {
    for (const step of body) {
      if (step === 'forward') {
        const predictions = data.x.map((x) => model.forward(x.map((v) => new Value(v)))[0]!);
        loss = sumSquaredError(predictions, data.y);
        losses.push(loss.data);
      } else if (step === 'zero_grad') model.zeroGrad();
      else if (step === 'backward') loss!.backward();
      else for (const p of params) p.data += -lr * p.grad;
    }
    if (!Number.isFinite(losses.at(-1)!)) break;
  }
  return losses;
}
