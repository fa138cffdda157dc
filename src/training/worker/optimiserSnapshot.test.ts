import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIMISER } from '../../nn/optimisers';
import { compileNetwork } from '../compiled/compile';
import { randomNetwork } from '../compiled/randomNetwork';
import { CompiledTrainer } from '../compiled/Trainer';
import { largestGrads, optimiserSnapshot } from './optimiserSnapshot';

describe('the optimiser panel’s rows', () => {
  it('largestGrads picks the k largest |g|, largest first, as a full sort would', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (grads, k) => {
        const sorted = grads.map((g, i) => i).sort((a, b) => Math.abs(grads[b]!) - Math.abs(grads[a]!) || a - b);
        expect(largestGrads(grads, k).map((i) => Math.abs(grads[i]!))).toEqual(sorted.slice(0, k).map((i) => Math.abs(grads[i]!)));
      }),
    );
  });

  it('shows Adam’s m, √v and the step −lr·m̂/(√v̂ + ε) for the watched parameters', () => {
    const { doc, data } = randomNetwork(3, 'squared');
    const compiled = compileNetwork(doc);
    if (!compiled.ok) throw new Error(compiled.reason);
    const trainer = new CompiledTrainer(compiled.program, data, { lr: 0.01, optimiser: { ...DEFAULT_OPTIMISER, kind: 'adam' } });
    trainer.step();
    const snap = optimiserSnapshot(trainer, [0]);
    const g = trainer.grads[0]!;
    const row = snap.rows[0]!;
    expect(snap.top).toBe(false);
    expect(snap.t).toBe(1);
    // after one step m = (1 − β1)·g and v = (1 − β2)·g²
    expect(row.m).toBeCloseTo(0.1 * g, 14);
    expect(row.sqrtV).toBeCloseTo(Math.sqrt(0.001) * Math.abs(g), 14);
    expect(row.step).toBeCloseTo((-0.01 * g) / (Math.abs(g) + 1e-8), 14);
    expect(optimiserSnapshot(trainer, null).rows.length).toBe(Math.min(10, trainer.params.length));
  });
});
