import { describe, expect, it } from 'vitest';
import { generate } from '../../data';
import { MLP } from '../../nn/MLP';
import { compileNetwork } from './compile';
import { drawMlp } from './drawMlp';
import { CompiledTrainer } from './Trainer';
import { ValueTrainer } from './valueTrainer';

/** The figure: the 3-arm spiral with MLP(2, [16, 16, 3]) and a softmax loss. */
function spiralRun(seed: number) {
  const data = generate({ kind: 'spiral', n: 300, noise: 0.02, seed: 1, classes: 3 });
  const doc = drawMlp(new MLP(2, [16, 16, 3], { seed }), { as: 'layers', loss: 'softmax' });
  const compiled = compileNetwork(doc);
  if (!compiled.ok) throw new Error(compiled.reason);
  return { data, doc, program: compiled.program };
}

describe('three classes end to end', () => {
  it('MLP(2, [16, 16, 3]) with softmax reaches ≥ 95 % train accuracy on the 3-arm spiral', () => {
    const { data, program } = spiralRun(1337);
    expect(program.classes).toBe(3);
    // lr 0.3: at 0.1 it needs far more steps, at 1 and above full-batch steps overshoot.
    const trainer = new CompiledTrainer(program, data, { lr: 0.3, alpha: 1e-4 });
    const before = trainer.evaluateAccuracy(data);
    for (let k = 0; k < STEPS; k++) {
      const r = trainer.step();
      if (r.diverged) throw new Error(r.reason ?? 'diverged');
    }
    const after = trainer.evaluateAccuracy(data);
    expect(before).toBeLessThan(0.6);
    expect(after).toBeGreaterThanOrEqual(0.95);
    // 3000 full-batch steps take about 3 s alone, more on a busy machine.
  }, 60_000);

  it('the compiled trainer and the Value engine agree on the 3-class loss to 1e-12 over 20 steps', () => {
    const { doc, program } = spiralRun(7);
    // A 60-point spiral: the Value engine builds a graph per sample, so the full 300 is slow.
    const data = generate({ kind: 'spiral', n: 60, noise: 0.02, seed: 1, classes: 3 });
    const options = { lr: 0.1, alpha: 1e-4 };
    const fast = new CompiledTrainer(program, data, options);
    const slow = new ValueTrainer(doc, data, options);
    for (let k = 0; k < 20; k++) {
      const f = fast.step();
      const s = slow.step();
      expect(Math.abs(f.loss - s.loss), `step ${k}`).toBeLessThanOrEqual(1e-12);
      expect(f.accuracy).toBe(s.accuracy);
    }
  });
});

/** Full-batch steps for the accuracy figure. */
const STEPS = 3000;
