import { describe, expect, it } from 'vitest';
import { evaluate } from '../../document/evaluate';
import type { GraphDoc, LossKind } from '../../document/types';
import { compileNetwork } from './compile';
import { randomNetwork } from './randomNetwork';
import { CompiledTrainer, type TrainerOptions } from './Trainer';
import { ValueTrainer } from './valueTrainer';

/**
 * The compiled trainer against the Value engine on many random drawn networks: same loss, same
 * gradient for every parameter, and the same parameters after several SGD steps, within 1e-9
 * relative (1e-12 absolute near zero).
 */

const LOSSES: LossKind[] = ['squared', 'hinge', 'bce', 'softmax'];
const NETWORKS = 150;
const STEPS = 5;

function close(a: number, b: number): boolean {
  if (Object.is(a, b)) return true;
  return Math.abs(a - b) <= Math.max(1e-12, 1e-9 * Math.max(Math.abs(a), Math.abs(b)));
}

function expectClose(actual: number, expected: number, what: string): void {
  if (!close(actual, expected)) expect.fail(`${what}: compiled ${actual}, Value engine ${expected}`);
}

function compile(doc: GraphDoc) {
  const compiled = compileNetwork(doc);
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.program;
}

describe('compiled trainer = Value engine, on random networks', () => {
  it(`agrees on loss, every grad and the params over ${STEPS} steps, for ${NETWORKS} networks`, () => {
    let compared = 0;
    let identical = 0;
    for (let seed = 1; seed <= NETWORKS; seed++) {
      const { doc, data } = randomNetwork(seed, LOSSES[seed % 4]!);
      const options: TrainerOptions = {
        lr: [0.01, 0.05, 0.2][seed % 3]!,
        alpha: seed % 2 === 0 ? 0 : 1e-3,
        batchSize: seed % 4 === 0 ? 1 + (seed % data.x.length) : 0,
        seed,
      };
      const program = compile(doc);
      const fast = new CompiledTrainer(program, data, options);
      const slow = new ValueTrainer(doc, data, options);
      let bitwise = true;
      for (let k = 0; k < STEPS; k++) {
        const f = fast.step();
        const s = slow.step();
        const finite = Number.isFinite(s.loss) && s.grads.every(Number.isFinite);
        expect(f.diverged, `seed ${seed} step ${k}: diverged iff the engine is not finite`).toBe(!finite);
        if (!finite) break;
        const where = `seed ${seed} step ${k}`;
        expectClose(f.loss, s.loss, `${where} loss`);
        expectClose(f.dataLoss, s.dataLoss, `${where} data loss`);
        expect(f.accuracy).toBe(s.accuracy);
        s.grads.forEach((g, i) => expectClose(fast.grads[i]!, g, `${where} grad of param ${i} (${JSON.stringify(program.paramRefs[i])})`));
        slow.params.forEach((p, i) => expectClose(fast.params[i]!, p.data, `${where} param ${i} after the update`));
        bitwise &&= Object.is(f.loss, s.loss) && s.grads.every((g, i) => Object.is(g, fast.grads[i]));
        compared++;
      }
      if (bitwise) identical++;
    }
    // Almost every network gives the engine's bits; the rest differ in summation order only.
    expect(compared).toBeGreaterThan(NETWORKS * STEPS * 0.8);
    expect(identical).toBeGreaterThan(NETWORKS * 0.6);
  });

  it("matches evaluate.ts on one sample: the loss node's value and every parameter's grad", () => {
    let compared = 0;
    for (let seed = 1000; seed < 1060; seed++) {
      const { doc, data } = randomNetwork(seed, LOSSES[seed % 3]!);
      const row = data.x[0]!;
      const label = data.y[0]!;
      // The same sample as the document's preview values, with the loss as the output.
      const nodes = Object.fromEntries(
        Object.values(doc.nodes).map((n) => {
          if (n.kind === 'input') return [n.id, { ...n, value: row[n.feature]! }];
          if (n.kind === 'target') return [n.id, { ...n, value: label }];
          return [n.id, n];
        }),
      );
      const ev = evaluate({ ...doc, nodes, output: 'loss' });
      const program = compile(doc);
      const trainer = new CompiledTrainer(program, { name: 'one', x: [row], y: [label] }, { lr: 0, alpha: 0 });
      const result = trainer.step();
      const lossData = ev.results.get('loss')!.data;
      if (!Number.isFinite(lossData)) continue;
      expect(result.loss, `seed ${seed}`).toBe(lossData);
      program.paramRefs.forEach((ref, p) => {
        const r = ev.results.get(ref.nodeId)!;
        let expected: number;
        if (ref.field === 'value') expected = r.passGrad;
        else if (ref.field === 'bias') expected = Array.isArray(r.paramGrads!.bias) ? r.paramGrads!.bias[ref.unit]! : (r.paramGrads!.bias as number);
        else {
          const w = r.paramGrads!.weights;
          expected = Array.isArray(w[0]) ? (w as number[][])[ref.unit]![ref.input]! : (w as number[])[ref.input]!;
        }
        expectClose(trainer.grads[p]!, expected, `seed ${seed} grad of ${JSON.stringify(ref)}`);
      });
      compared++;
    }
    // Networks whose loss is not finite are skipped above; most must still be compared.
    expect(compared).toBeGreaterThan(50);
  });
});
