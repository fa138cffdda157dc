import { describe, expect, it } from 'vitest';
import { createMicrogradDemo } from '../src/training/microgradDemo';

/**
 * micrograd's demo notebook, headless: MLP(2, [16, 16, 1]) on 100 moons (noise 0.1), hinge +
 * 1e-4 L2, lr 1.0 - 0.9*k/100, 100 full-batch steps reaches 100 % training accuracy.
 */
describe("micrograd's demo", () => {
  it('reaches 100 % training accuracy within 100 steps, loss falling', () => {
    const demo = createMicrogradDemo();
    const history = Array.from({ length: 100 }, (_, k) => demo.step(k));
    expect(history.some((h) => h.accuracy === 1)).toBe(true);
    expect(history.at(-1)!.accuracy).toBe(1);
    expect(history.at(-1)!.loss).toBeLessThan(history[0]!.loss / 5);
    // Measured after training too, not only on the last step's forward pass.
    const right = demo.data.x.filter((row, i) => (demo.model.forward(row)[0]!.data > 0) === (demo.data.y[i]! > 0)).length;
    expect(right).toBe(100);
  }, 60_000);

  it('is reproducible: the same seed gives the same loss history', () => {
    const a = createMicrogradDemo({ seed: 5 });
    const b = createMicrogradDemo({ seed: 5 });
    for (let k = 0; k < 5; k++) expect(a.step(k)).toEqual(b.step(k));
  });
});
