import { describe, expect, it } from 'vitest';
import { makeMoons } from '../../data';
import type { Activation } from '../../nn/activation';
import { MLP } from '../../nn/MLP';
import type { LossKind } from '../../document/types';
import { createMicrogradDemo } from '../microgradDemo';
import { compileNetwork } from './compile';
import { drawMlp } from './drawMlp';
import type { Program } from './program';
import { CompiledTrainer, type TrainerOptions } from './Trainer';
import { ValueTrainer } from './valueTrainer';

/**
 * micrograd's demo notebook drawn on the canvas: 2 inputs, MLP(2, [16, 16, 1]) as 33 Neuron
 * nodes or as 3 Layer nodes, hinge loss + 1e-4 L2, full batch, lr 1.0 − 0.9·k/100, on 100 moons
 * (noise 0.1), trained through the compiled path.
 */

const SEED = 1337;
const DEMO: TrainerOptions = { lr: 1.0, alpha: 1e-4, schedule: { kind: 'linear-decay', steps: 100 } };

function compiled(mlp: MLP, as: 'layers' | 'neurons', loss: LossKind = 'hinge'): Program {
  const result = compileNetwork(drawMlp(mlp, { as, loss }));
  if (!result.ok) throw new Error(result.reason);
  return result.program;
}

describe("micrograd's demo through the compiled trainer", () => {
  const data = makeMoons({ n: 100, noise: 0.1, seed: SEED });

  for (const as of ['neurons', 'layers'] as const) {
    it(`reaches 100 % on the moons within 100 steps, drawn as ${as}`, () => {
      const trainer = new CompiledTrainer(compiled(new MLP(2, [16, 16, 1], { seed: SEED }), as), data, DEMO);
      const history = Array.from({ length: 100 }, () => ({ ...trainer.step() }));
      expect(history.every((h) => !h.diverged)).toBe(true);
      expect(history.some((h) => h.accuracy === 1)).toBe(true);
      expect(history.at(-1)!.loss).toBeLessThan(history[0]!.loss / 5);
      expect(trainer.evaluateAccuracy(data)).toBe(1);
    });
  }

  it('gives the loss history of createMicrogradDemo (the Value engine) bit for bit', () => {
    const demo = createMicrogradDemo({ seed: SEED });
    const trainer = new CompiledTrainer(compiled(new MLP(2, [16, 16, 1], { seed: SEED }), 'layers'), demo.data, DEMO);
    for (let k = 0; k < 15; k++) {
      const ours = trainer.step();
      const theirs = demo.step(k);
      expect(ours.loss).toBe(theirs.loss);
      expect(ours.accuracy).toBe(theirs.accuracy);
    }
    expect(Array.from(trainer.params)).toEqual(demo.model.parameters().map((p) => p.data));
  }, 30_000);

  it('draws as neurons or as layers to the very same tape', () => {
    const mlp = new MLP(2, [16, 16, 1], { seed: SEED });
    const neurons = compiled(mlp, 'neurons');
    const layers = compiled(mlp, 'layers');
    expect(neurons.code).toEqual(layers.code);
    expect(neurons.slotCount).toBe(layers.slotCount);
  });

  const variants: [Activation, Activation, LossKind][] = [
    ['tanh', 'tanh', 'squared'],
    ['sigmoid', 'linear', 'bce'],
    ['relu', 'sigmoid', 'squared'],
  ];
  for (const [hidden, output, loss] of variants) {
    it(`is bit-identical to the Value engine for layered MLPs (${hidden} / ${output}, ${loss}, mini-batches)`, () => {
      const mlp = new MLP(2, [8, 8, 1], { seed: 5, activation: hidden, outputActivation: output });
      const small = makeMoons({ n: 30, noise: 0.2, seed: 5 });
      const options: TrainerOptions = { lr: 0.1, alpha: 1e-3, batchSize: 10, seed: 9 };
      for (const as of ['neurons', 'layers'] as const) {
        const fast = new CompiledTrainer(compiled(mlp, as, loss), small, options);
        const slow = new ValueTrainer(drawMlp(mlp, { as, loss }), small, options);
        for (let k = 0; k < 4; k++) {
          const f = fast.step();
          const s = slow.step();
          expect(f.loss).toBe(s.loss);
          expect(Array.from(fast.grads)).toEqual(s.grads);
        }
        expect(Array.from(fast.params)).toEqual(slow.params.map((p) => p.data));
      }
    });
  }
});
