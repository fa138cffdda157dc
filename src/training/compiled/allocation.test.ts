import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { makeMoons } from '../../data';
import { MLP } from '../../nn/MLP';
import { DEFAULT_OPTIMISER, type OptimiserKind } from '../../nn/optimisers';
import { compileNetwork } from './compile';
import { drawMlp } from './drawMlp';
import { CompiledTrainer } from './Trainer';

/**
 * A training step must not allocate. Measured as the growth of this isolate's used heap over
 * 2,000 calls: without a garbage collection in between, every allocated byte shows up there,
 * and the smallest heap object (a boxed number) takes 12 bytes, so an average under 4 bytes per
 * call means no allocation per call, let alone per sample. The JIT still allocates now and then
 * while it settles (optimised code, feedback), so the measurement is repeated and the smallest
 * growth kept: an allocation per call shows in every round. A round whose heap shrank had a
 * collection, which hides allocations, and does not count.
 */

const CALLS = 2000;

function heapGrowth(fn: () => void): number {
  let least = Infinity;
  for (let round = 0; round < 6; round++) {
    const before = getHeapStatistics().used_heap_size;
    for (let i = 0; i < CALLS; i++) fn();
    const growth = getHeapStatistics().used_heap_size - before;
    if (growth >= 0) least = Math.min(least, growth);
  }
  return least;
}

function demoTrainer(batchSize: number, optimiser: OptimiserKind = 'sgd'): CompiledTrainer {
  const compiled = compileNetwork(drawMlp(new MLP(2, [16, 16, 1], { seed: 3 }), { as: 'neurons', loss: 'hinge' }));
  if (!compiled.ok) throw new Error(compiled.reason);
  // A small rate keeps the run finite however long it goes.
  return new CompiledTrainer(compiled.program, makeMoons({ n: 20, noise: 0.1, seed: 3 }), { lr: 0.01, alpha: 1e-4, batchSize, optimiser: { ...DEFAULT_OPTIMISER, kind: optimiser } });
}

describe('no allocation', () => {
  for (const batchSize of [0, 8]) {
    it(`step() allocates nothing (${batchSize === 0 ? 'full batch' : 'mini-batches'})`, () => {
      const trainer = demoTrainer(batchSize);
      for (let i = 0; i < 1000; i++) trainer.step();
      const growth = heapGrowth(() => trainer.step());
      expect(growth / CALLS, `${growth} bytes over ${CALLS} steps`).toBeLessThan(4);
    }, 60_000);
  }

  for (const kind of ['momentum', 'adamw'] as const) {
    it(`step() with ${kind} allocates nothing`, () => {
      const trainer = demoTrainer(0, kind);
      for (let i = 0; i < 1000; i++) trainer.step();
      const growth = heapGrowth(() => trainer.step());
      expect(growth / CALLS, `${growth} bytes over ${CALLS} steps`).toBeLessThan(4);
    }, 60_000);
  }

  it('scoreGrid() allocates nothing', () => {
    const trainer = demoTrainer(0);
    const out = new Float32Array(10 * 10);
    const xs = [-2, 3] as const;
    const ys = [-1.5, 2] as const;
    for (let i = 0; i < 1000; i++) trainer.scoreGrid(xs, ys, 10, out);
    const growth = heapGrowth(() => trainer.scoreGrid(xs, ys, 10, out));
    expect(growth / CALLS, `${growth} bytes over ${CALLS} grids`).toBeLessThan(4);
  }, 60_000);
});
