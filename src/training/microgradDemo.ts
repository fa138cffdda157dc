import { makeMoons, type Dataset } from '../data';
import { Value } from '../engine';
import { hingeWithL2, linearDecaySchedule, MLP } from '../nn';

/** Options for micrograd's demo; the defaults are the notebook's. */
interface DemoOptions {
  /** Seeds both the moons and the initial weights. */
  seed?: number;
  /** Number of moons points. */
  n?: number;
  /** Moons noise. */
  noise?: number;
  /** Steps the learning-rate schedule spans. */
  steps?: number;
  /** L2 strength. */
  alpha?: number;
}

/** One step's outcome. */
interface DemoStep {
  loss: number;
  /** Fraction of points classified right, measured on the forward pass of this step. */
  accuracy: number;
}

/**
 * micrograd's demo notebook on the scalar engine: MLP(2, [16, 16, 1]) on 100 moons points,
 * hinge loss + 1e-4 L2, full batch, learning rate 1.0 − 0.9·k/100. `step(k)` is one iteration
 * of the notebook's loop: forward, zero grad, backward, update.
 */
export function createMicrogradDemo(opts: DemoOptions = {}) {
  const seed = opts.seed ?? 1337;
  const data: Dataset = makeMoons({ n: opts.n ?? 100, noise: opts.noise ?? 0.1, seed });
  const model = new MLP(2, [16, 16, 1], { seed });
  const schedule = linearDecaySchedule(1.0, opts.steps ?? 100);
  const alpha = opts.alpha ?? 1e-4;

  function step(k: number): DemoStep {
    const scores = data.x.map((row) => model.forward(row.map((v) => new Value(v)))[0]!);
    const params = model.parameters();
    const loss = hingeWithL2(scores, data.y, params, alpha);
    let right = 0;
    for (let i = 0; i < scores.length; i++) if (data.y[i]! > 0 === scores[i]!.data > 0) right++;
    model.zeroGrad();
    loss.backward();
    const lr = schedule(k);
    for (const p of params) p.data -= lr * p.grad;
    return { loss: loss.data, accuracy: right / scores.length };
  }

  return { data, model, step };
}
