import { describe, expect, it } from 'vitest';
import { tiny4 } from '../src/data/tiny4';
import { countParameters } from '../src/document/network/parameters';
import { findPreset } from '../src/document/presets';
import { TINY_MLP_SEED } from '../src/document/presets/tinyMlp';
import { Value } from '../src/engine';
import { MLP } from '../src/nn';
import { sumSquaredError } from '../src/nn/losses';
import { TrainingSession } from '../src/training/worker/TrainingSession';
import { setupOf } from '../src/training/setup';

/** The lecture's loop on the scalar engine: forward, zero grad, backward, p.data += -0.01 * p.grad. */
function lectureLoop(steps: number): number[] {
  const { x, y } = tiny4();
  const m = new MLP(3, [4, 4, 1], { seed: TINY_MLP_SEED, activation: 'tanh', outputActivation: 'tanh' });
  const losses: number[] = [];
  for (let k = 0; k < steps; k++) {
    const ypred = x.map((row) => m.forward(row.map((v) => new Value(v)))[0]!);
    const loss = sumSquaredError(ypred, y);
    m.zeroGrad();
    loss.backward();
    for (const p of m.parameters()) p.data += -0.01 * p.grad;
    losses.push(loss.data);
  }
  return losses;
}

describe('Examples → Lecture: tiny MLP', () => {
  const preset = findPreset('tiny-mlp')!;

  it('is the lecture’s setup: 4 samples, no test split, squared error summed, no L2, full batch, lr 0.01, 41 parameters', () => {
    const doc = preset.build();
    const setup = setupOf(doc);
    expect(setup).toMatchObject({ dataset: { kind: 'tiny4' }, testFraction: 0, alpha: 0, batchSize: 0, lr: 0.01, schedule: 'constant' });
    expect(countParameters(doc)).toBe(41);
    const neurons = Object.values(doc.nodes).filter((n) => n.kind === 'neuron');
    expect(neurons).toHaveLength(9);
    expect(neurons.every((n) => n.kind === 'neuron' && n.activation === 'tanh')).toBe(true);
    expect(Object.values(doc.nodes).find((n) => n.kind === 'loss')).toMatchObject({ loss: 'squared' });
    expect(preset.mode).toBe('train');
  });

  it('trains in the worker’s session exactly as the lecture’s loop runs on Values, the loss falling over 20 steps', () => {
    const doc = preset.build();
    const created = TrainingSession.create(doc, setupOf(doc));
    if (!created.ok) throw new Error(created.reason);
    const { session } = created;
    expect(session.data.train.x).toHaveLength(4);
    expect(session.data.test.x).toHaveLength(0);
    const first = session.takePoints();
    expect(session.run(Infinity, 20).steps).toBe(20);
    session.recordNow();
    const points = [...first, ...session.takePoints()];
    // Point k is the loss of the weights after k updates: the lecture's print(k, loss.data) for
    // k < 20, then the weights the 20 steps leave (the last point, what the canvas shows).
    const lecture = lectureLoop(20);
    expect(points.map((p) => p.step)).toEqual(Array.from({ length: 21 }, (_, k) => k));
    lecture.forEach((loss, k) => expect(points[k]!.loss, `step ${k}`).toBeCloseTo(loss, 10));
    const losses = points.map((p) => p.loss);
    // As in the lecture (4.23 → 0.49 with its random weights): from above 4 to under 0.5, every step lower.
    expect(losses[0]).toBeGreaterThan(4);
    expect(losses[19]).toBeLessThan(0.5);
    for (let k = 1; k <= 20; k++) expect(losses[k]).toBeLessThan(losses[k - 1]!);
  });
});
