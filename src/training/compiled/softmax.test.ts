import { describe, expect, it } from 'vitest';
import { Value } from '../../engine';
import { MLP } from '../../nn/MLP';
import { createRng } from '../../data';
import { sampleLoss } from '../../document/kinds/loss';
import { canConnect } from '../../document/validate';
import { updateNode } from '../../document/edit';
import { compileNetwork } from './compile';
import { drawMlp } from './drawMlp';
import { CompiledTrainer } from './Trainer';
import { ValueTrainer } from './valueTrainer';

/** Three classes of random points, labelled by which third of the angle they sit in. */
function threeClasses(n: number) {
  const rng = createRng(5);
  const x = Array.from({ length: n }, () => [rng.uniform(-1, 1), rng.uniform(-1, 1)]);
  const y = x.map(([a, b]) => Math.floor(((Math.atan2(b!, a!) + Math.PI) / (2 * Math.PI)) * 3) % 3);
  return { name: 'three', x, y };
}

describe('softmax cross-entropy loss', () => {
  it('is log Σ exp(s) − s[target] for each class number', () => {
    const s = [0.3, -1.2, 2.0];
    for (let t = 0; t < 3; t++) {
      const loss = sampleLoss('softmax', s.map((v) => new Value(v)), new Value(t));
      const expected = Math.log(s.reduce((a, v) => a + Math.exp(v), 0)) - s[t]!;
      expect(loss.data).toBeCloseTo(expected, 14);
    }
  });

  it('gives the scores the gradient softmax − one-hot', () => {
    const s = [0.5, 0.1, -0.7].map((v) => new Value(v));
    sampleLoss('softmax', s, new Value(1)).backward();
    const z = s.reduce((a, v) => a + Math.exp(v.data), 0);
    s.forEach((v, j) => expect(v.grad).toBeCloseTo(Math.exp(v.data) / z - (j === 1 ? 1 : 0), 14));
  });

  it('refuses wires into a softmax over 1 class, and drops the wires of ports it loses', () => {
    const doc = drawMlp(new MLP(2, [4, 3], { seed: 1 }), { as: 'layers', loss: 'softmax' });
    const one = updateNode(doc, 'loss', { classes: 1 });
    expect(Object.values(one.wires).some((w) => w.target === 'loss' && w.port === 's1')).toBe(false);
    const check = canConnect(one, { source: 'L2', from: 'y0', target: 'loss', port: 's0' });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(/1 class/);
    expect(canConnect(doc, { source: 'L2', from: 'y0', target: 'loss', port: 's0' }).ok).toBe(true);
  });

  it('compiled trainer and Value engine agree on the loss to 1e-12 over 20 steps', () => {
    const data = threeClasses(30);
    const doc = drawMlp(new MLP(2, [8, 3], { seed: 7 }), { as: 'layers', loss: 'softmax' });
    const compiled = compileNetwork(doc);
    if (!compiled.ok) throw new Error(compiled.reason);
    expect(compiled.program.classes).toBe(3);
    const options = { lr: 0.2, alpha: 1e-4 };
    const fast = new CompiledTrainer(compiled.program, data, options);
    const slow = new ValueTrainer(doc, data, options);
    let first = 0;
    let last = 0;
    for (let k = 0; k < 20; k++) {
      const f = fast.step();
      const s = slow.step();
      expect(Math.abs(f.loss - s.loss), `step ${k}`).toBeLessThanOrEqual(1e-12);
      expect(f.accuracy).toBe(s.accuracy);
      if (k === 0) first = f.loss;
      last = f.loss;
    }
    expect(last).toBeLessThan(first);
    expect(fast.evaluateAccuracy(data)).toBeGreaterThan(0.4);
  });
});
