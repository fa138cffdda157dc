import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LossKind } from '../../document/types';
import { DEFAULT_OPTIMISER, type OptimiserKind, type OptimiserSettings } from '../../nn/optimisers';
import { compileNetwork } from './compile';
import { randomNetwork } from './randomNetwork';
import { CompiledTrainer, type TrainerOptions } from './Trainer';
import { ValueTrainer } from './valueTrainer';

/**
 * The compiled trainer's optimisers (OptimiserState over typed arrays) against the Value engine's
 * (src/nn/optim.ts, written per Value) on random drawn networks: the same loss and the same
 * parameters after each of 20 steps of SGD, momentum, Adam and AdamW, to 1e-12.
 */

const STEPS = 20;
const LOSSES: LossKind[] = ['squared', 'hinge', 'bce', 'softmax'];

function close(a: number, b: number): boolean {
  return Object.is(a, b) || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

const settingsArb = fc.record({
  kind: fc.constantFrom<OptimiserKind>('sgd', 'momentum', 'adam', 'adamw'),
  momentum: fc.double({ min: 0, max: 0.99, noNaN: true }),
  beta1: fc.double({ min: 0, max: 0.99, noNaN: true }),
  beta2: fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
  eps: fc.constantFrom(1e-8, 1e-6, 1e-3),
  weightDecay: fc.constantFrom(0, 0.01, 0.1),
}) satisfies fc.Arbitrary<OptimiserSettings>;

describe('optimisers: compiled trainer = Value engine', () => {
  it(`agrees on the loss and every parameter over ${STEPS} steps, on random networks and settings`, () => {
    let largest = 0;
    let compared = 0;
    const kinds = new Set<OptimiserKind>();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), settingsArb, fc.constantFrom(0.001, 0.01, 0.05), fc.boolean(), (seed, optimiser, lr, minibatch) => {
        const { doc, data } = randomNetwork(seed, LOSSES[seed % 4]!);
        const compiled = compileNetwork(doc);
        if (!compiled.ok) throw new Error(compiled.reason);
        const options: TrainerOptions = { lr, alpha: seed % 2 === 0 ? 0 : 1e-3, batchSize: minibatch ? 1 + (seed % data.x.length) : 0, seed, optimiser };
        const fast = new CompiledTrainer(compiled.program, data, options);
        const slow = new ValueTrainer(doc, data, options);
        for (let k = 0; k < STEPS; k++) {
          const f = fast.step();
          const s = slow.step();
          // A random network may leave the numbers: the compiled trainer then refuses the step.
          if (!Number.isFinite(s.loss) || !s.grads.every(Number.isFinite)) return;
          const where = `seed ${seed} ${optimiser.kind} step ${k}`;
          if (!close(f.loss, s.loss)) expect.fail(`${where} loss: compiled ${f.loss}, Value engine ${s.loss}`);
          slow.params.forEach((p, i) => {
            const d = Math.abs(fast.params[i]! - p.data) / Math.max(1, Math.abs(p.data));
            largest = Math.max(largest, d);
            if (!close(fast.params[i]!, p.data)) expect.fail(`${where} param ${i}: compiled ${fast.params[i]}, Value engine ${p.data}`);
          });
          compared++;
        }
        kinds.add(optimiser.kind);
      }),
      { numRuns: 80, seed: 13 },
    );
    console.log(`bench optimiser-equivalence: ${compared} steps compared, largest parameter difference ${largest.toExponential(2)}`);
    expect(compared).toBeGreaterThan(80 * STEPS * 0.6);
    expect(kinds.size).toBe(4);
  });

  it('Adam moves every parameter by about lr on its first step, whatever the gradient’s size', () => {
    const { doc, data } = randomNetwork(7, 'squared');
    const compiled = compileNetwork(doc);
    if (!compiled.ok) throw new Error(compiled.reason);
    const trainer = new CompiledTrainer(compiled.program, data, { lr: 0.01, optimiser: { ...DEFAULT_OPTIMISER, kind: 'adam' } });
    const before = Float64Array.from(trainer.params);
    trainer.step();
    trainer.params.forEach((p, i) => {
      const g = trainer.grads[i]!;
      // m̂ = g and √v̂ = |g| on step 1, so the step is −lr·g/(|g| + ε)
      const expected = before[i]! - (0.01 * g) / (Math.abs(g) + 1e-8);
      expect(Math.abs(p - expected), `param ${i}`).toBeLessThan(1e-15);
    });
  });
});
