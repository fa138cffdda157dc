import { describe, expect, it } from 'vitest';
import { Value } from '../engine';
import { binaryCrossEntropy, hingeLoss, hingeWithL2, l2Penalty, sumSquaredError } from './losses';
import { Layer } from './Layer';
import { MLP } from './MLP';
import { Neuron } from './Neuron';
import { constantSchedule, linearDecaySchedule, sgdStep } from './optim';

describe('Neuron, Layer, MLP', () => {
  it("has micrograd's parameter count: MLP(3, [4, 4, 1]) has 41", () => {
    expect(new MLP(3, [4, 4, 1]).parameters()).toHaveLength(41);
    expect(new MLP(2, [16, 16, 1]).parameters()).toHaveLength(2 * 16 + 16 + 16 * 16 + 16 + 16 + 1);
  });

  it('lists parameters layer by layer, neuron by neuron, weights then bias', () => {
    const m = new MLP(2, [3, 1], { seed: 1 });
    const expected = m.layers.flatMap((l) => l.neurons.flatMap((n) => [...n.w, n.b]));
    expect(m.parameters()).toEqual(expected);
    expect(m.parameters().map((p) => p.label).slice(0, 4)).toEqual(['L1.N0.w0', 'L1.N0.w1', 'L1.N0.b', 'L1.N1.w0']);
  });

  it('starts weights uniform in (-1, 1) and biases at 0, reproducibly from a seed', () => {
    const a = new MLP(2, [16, 16, 1], { seed: 7 });
    const b = new MLP(2, [16, 16, 1], { seed: 7 });
    const c = new MLP(2, [16, 16, 1], { seed: 8 });
    expect(a.parameters().map((p) => p.data)).toEqual(b.parameters().map((p) => p.data));
    expect(a.parameters().map((p) => p.data)).not.toEqual(c.parameters().map((p) => p.data));
    for (const layer of a.layers) {
      for (const n of layer.neurons) {
        expect(n.b.data).toBe(0);
        for (const w of n.w) expect(Math.abs(w.data)).toBeLessThan(1);
      }
    }
    const weights = a.layers.flatMap((l) => l.neurons.flatMap((n) => n.w.map((w) => w.data)));
    expect(Math.min(...weights)).toBeLessThan(-0.8);
    expect(Math.max(...weights)).toBeGreaterThan(0.8);
  });

  it('uses ReLU in hidden layers and a linear last layer by default, as micrograd', () => {
    const m = new MLP(2, [4, 4, 1]);
    expect(m.layers.map((l) => l.neurons[0]!.activation)).toEqual(['relu', 'relu', 'linear']);
    const t = new MLP(2, [4, 1], { activation: 'tanh', outputActivation: 'sigmoid' });
    expect(t.layers.map((l) => l.neurons[0]!.activation)).toEqual(['tanh', 'sigmoid']);
  });

  it('computes b + w0*x0 + w1*x1 in that order, then the activation', () => {
    const n = new Neuron(2, { activation: 'tanh', seed: 3 });
    const [w0, w1] = n.w.map((w) => w.data) as [number, number];
    n.b.data = 0.25;
    const out = n.forward([2, -1])[0]!;
    const e = Math.exp(2 * (0.25 + w0 * 2 + w1 * -1));
    expect(out.data).toBe((e - 1) / (e + 1));
    expect(out.op?.type).toBe('tanh');
  });

  it('returns arrays even for one output, and checks the input size', () => {
    const l = new Layer(3, 1, { seed: 1 });
    expect(l.forward([1, 2, 3])).toHaveLength(1);
    expect(new MLP(3, [4, 1]).forward([1, 2, 3])).toHaveLength(1);
    expect(() => new Neuron(3).forward([1, 2])).toThrow(/expects 3 inputs/);
  });

  it('zeroGrad clears every parameter grad', () => {
    const m = new MLP(2, [3, 1], { seed: 2 });
    m.forward([1, -1])[0]!.backward();
    expect(m.parameters().some((p) => p.grad !== 0)).toBe(true);
    m.zeroGrad();
    expect(m.parameters().every((p) => p.grad === 0)).toBe(true);
  });
});

describe('losses', () => {
  it('sum of squared errors, as the lecture writes it', () => {
    const preds = [new Value(0.5), new Value(-0.25)];
    const loss = sumSquaredError(preds, [1, -1]);
    expect(loss.data).toBe(0.25 + 0.5625);
    loss.backward();
    expect(preds.map((p) => p.grad)).toEqual([2 * (0.5 - 1), 2 * (-0.25 + 1)]);
  });

  it("micrograd's hinge: mean of relu(1 - y*score)", () => {
    const scores = [new Value(2), new Value(0.5), new Value(-0.3)];
    const loss = hingeLoss(scores, [1, 1, 1]);
    expect(loss.data).toBeCloseTo((0 + 0.5 + 1.3) / 3, 15);
    loss.backward();
    expect(scores.map((s) => s.grad)).toEqual([0, -1 / 3, -1 / 3]);
  });

  it('L2 penalty is alpha times the sum of squares, and adds to the hinge', () => {
    const ps = [new Value(1), new Value(-2)];
    expect(l2Penalty(ps, 1e-4).data).toBeCloseTo(5e-4, 18);
    const total = hingeWithL2([new Value(2)], [1], ps, 1e-4);
    expect(total.data).toBeCloseTo(5e-4, 18);
  });

  it('binary cross-entropy equals softplus(-y*s) and stays finite for huge scores', () => {
    const s = [new Value(0.3), new Value(-1.2)];
    const loss = binaryCrossEntropy(s, [1, -1]);
    const expected = (Math.log1p(Math.exp(-0.3)) + Math.log1p(Math.exp(-1.2))) / 2;
    expect(loss.data).toBeCloseTo(expected, 14);
    loss.backward();
    // d/ds softplus(-y s) = -y * sigmoid(-y s)
    expect(s[0]!.grad).toBeCloseTo((-1 * (1 / (1 + Math.exp(0.3)))) / 2, 14);
    const huge = binaryCrossEntropy([new Value(-1000)], [1]);
    expect(huge.data).toBeCloseTo(1000, 9);
  });
});

describe('SGD and schedules', () => {
  it("micrograd's decay 1.0 - 0.9*k/steps, and a constant rate", () => {
    const s = linearDecaySchedule(1.0, 100);
    expect([s(0), s(50), s(99)]).toEqual([1.0, 1.0 - (0.9 * 50) / 100, 1.0 - (0.9 * 99) / 100]);
    expect(constantSchedule(0.05)(12)).toBe(0.05);
  });

  it('p.data -= lr * p.grad', () => {
    const p = new Value(2);
    p.grad = 3;
    sgdStep([p], 0.1);
    expect(p.data).toBe(2 - 0.1 * 3);
  });

  it('reproduces the lecture: one step of lr 0.01 on L moves it from -8 to -7.286496', () => {
    const a = new Value(2, 'a');
    const b = new Value(-3, 'b');
    const c = new Value(10, 'c');
    const f = new Value(-2, 'f');
    const L = a.mul(b).add(c).mul(f);
    L.backward();
    // The lecture nudges *up* the gradient (+=), to show L increase.
    sgdStep([a, b, c, f], -0.01);
    expect(a.mul(b).add(c).mul(f).data).toBeCloseTo(-7.286496, 12);
  });
});
