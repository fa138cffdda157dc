import { describe, expect, it } from 'vitest';
import { makeMoons } from '../../data';
import { MLP } from '../../nn/MLP';
import type { GraphDoc, LossKind } from '../../document/types';
import { compileNetwork } from './compile';
import { drawMlp } from './drawMlp';
import type { Program } from './program';
import { CompiledTrainer, type TrainerOptions } from './Trainer';
import { DEFAULT_OPTIMISER } from '../../nn/optimisers';

/**
 * Divergence: when the loss or a gradient stops being finite, the step says so and why, takes
 * no update, and the parameters go back to the last ones whose loss and gradients were finite.
 *
 * Note: micrograd's demo as drawn (hinge + L2) does not overflow at lr 10: its loss jumps to
 * 1e4–1e10 and stays finite, since the hinge's gradient is bounded. With the lecture's squared
 * error, lr 10 overflows within a few steps, and the hinge does at lr 1e6.
 */

function program(doc: GraphDoc): Program {
  const compiled = compileNetwork(doc);
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.program;
}

/** Steps until divergence; returns the diverged step's index and the params before every step. */
function trainUntilDiverged(trainer: CompiledTrainer, max: number) {
  const before: Float64Array[] = [];
  for (let k = 0; k < max; k++) {
    before.push(Float64Array.from(trainer.params));
    const r = trainer.step();
    if (r.diverged) return { k, reason: r.reason, loss: r.loss, before };
  }
  throw new Error(`no divergence in ${max} steps`);
}

describe('divergence', () => {
  const data = makeMoons({ n: 100, noise: 0.1, seed: 1337 });
  const cases: [LossKind, number][] = [
    ['squared', 10],
    ['hinge', 1e6],
  ];
  for (const [loss, lr] of cases) {
    it(`reports it and rolls back to the last finite step (demo network, ${loss} loss, lr ${lr})`, () => {
      const options: TrainerOptions = { lr, alpha: 1e-4 };
      const trainer = new CompiledTrainer(program(drawMlp(new MLP(2, [16, 16, 1], { seed: 1337 }), { as: 'layers', loss })), data, options);
      const { k, reason, before } = trainUntilDiverged(trainer, 50);
      expect(k).toBeGreaterThan(0);
      expect(reason).toMatch(/the (loss|gradient).* became (NaN|-?Infinity)/);
      // The last finite step was k − 1: its parameters are back, and the schedule did not advance.
      expect(Array.from(trainer.params)).toEqual(Array.from(before[k - 1]!));
      expect(trainer.params.every(Number.isFinite)).toBe(true);
      expect(trainer.steps).toBe(k);
      // A smaller rate carries on from there.
      trainer.lr = 1e-4;
      const next = trainer.step();
      expect(next.diverged).toBe(false);
      expect(next.reason).toBeNull();
      expect(Number.isFinite(next.loss)).toBe(true);
    });
  }

  it('catches a gradient that is not finite while the loss is (√w at w = 0), on the very first step', () => {
    // score = neuron(x) + √w: at w = 0 the loss is finite but d√w/dw = ∞.
    const doc: GraphDoc = {
      nodes: {
        x: { id: 'x', kind: 'input', label: 'x', feature: 0, value: 0, position: { x: 0, y: 0 } },
        n: { id: 'n', kind: 'neuron', label: 'n', activation: 'tanh', weights: [0.5], bias: 0.1, position: { x: 0, y: 0 } },
        w: { id: 'w', kind: 'value', label: 'w', value: 0, trainable: true, position: { x: 0, y: 0 } },
        r: { id: 'r', kind: 'op', op: 'pow', param: 0.5, label: 'r', position: { x: 0, y: 0 } },
        s: { id: 's', kind: 'op', op: 'add', label: 's', position: { x: 0, y: 0 } },
        y: { id: 'y', kind: 'target', label: 'y', value: 1, position: { x: 0, y: 0 } },
        loss: { id: 'loss', kind: 'loss', label: 'loss', loss: 'squared', position: { x: 0, y: 0 } },
      },
      wires: {
        a: { id: 'a', source: 'x', target: 'n', port: 'x0' },
        b: { id: 'b', source: 'w', target: 'r', port: 'x' },
        c: { id: 'c', source: 'n', target: 's', port: 'a' },
        d: { id: 'd', source: 'r', target: 's', port: 'b' },
        e: { id: 'e', source: 's', target: 'loss', port: 'score' },
        f: { id: 'f', source: 'y', target: 'loss', port: 'target' },
      },
      output: 'loss',
    };
    const p = program(doc);
    const trainer = new CompiledTrainer(p, { name: 'two', x: [[1], [-1]], y: [1, -1] }, { lr: 0.1 });
    const initial = Array.from(trainer.params);
    const r = trainer.step();
    expect(r.diverged).toBe(true);
    expect(Number.isFinite(r.loss)).toBe(true);
    const w = p.paramRefs.findIndex((ref) => ref.nodeId === 'w');
    expect(r.reason).toContain(`parameter ${w}`);
    expect(Array.from(trainer.params)).toEqual(initial);
    expect(trainer.steps).toBe(0);
  });

  it('clears the optimiser memory on the way back: velocity built up before a blow-up does not carry on', () => {
    const options: TrainerOptions = { lr: 10, alpha: 1e-4, optimiser: { ...DEFAULT_OPTIMISER, kind: 'momentum' } };
    const trainer = new CompiledTrainer(program(drawMlp(new MLP(2, [16, 16, 1], { seed: 1337 }), { as: 'layers', loss: 'squared' })), data, options);
    const { k } = trainUntilDiverged(trainer, 50);
    expect(k).toBeGreaterThan(1);
    expect(trainer.optimiser.settings.kind).toBe('momentum');
    expect(trainer.optimiser.m.every((m) => m === 0)).toBe(true);
    expect(trainer.optimiser.t).toBe(0);
  });
});
