import { generate } from '../../src/data';
import { MLP } from '../../src/nn';
import { classGridRefresh } from './classMapRefresh';
import { compileNetwork } from '../../src/training/compiled/compile';
import { drawMlp } from '../../src/training/compiled/drawMlp';
import { CompiledTrainer } from '../../src/training/compiled/Trainer';
import type { LayerWeights } from './handLoops';
import { HandSoftmaxMlp } from './handSoftmax';
import { measure, report, type BenchLine } from './measure';

/**
 * Issue 13, "more than two classes": one full-batch step of MLP 2-16-16-3 with softmax
 * cross-entropy on a 300-point 3-arm spiral, the compiled trainer against hand-written
 * Float64Array loops (goal ≤ 1.5×); and the k = 5 decision map per refresh (classGrid on
 * 100 × 100 cells plus painting its pixels), measured in Node, since the worker sends a map
 * every 80 ms: the goal of ≥ 10 refreshes/s holds while this stays well under 100 ms.
 */
export default async function classesBench(): Promise<BenchLine[]> {
  const mlp = new MLP(2, [16, 16, 3], { seed: 1 });
  const weights: LayerWeights[] = mlp.layers.map((l) => ({ w: l.neurons.map((n) => n.w.map((w) => w.data)), b: l.neurons.map((n) => n.b.data) }));
  const data = generate({ kind: 'spiral', n: 300, noise: 0.02, seed: 1, classes: 3 });
  const flatX = Float64Array.from(data.x.flat());
  const flatY = Float64Array.from(data.y);
  const lr = 0.01;
  const alpha = 1e-4;
  const compiled = compileNetwork(drawMlp(mlp, { as: 'layers', loss: 'softmax' }));
  if (!compiled.ok) throw new Error(compiled.reason);
  const trainer = new CompiledTrainer(compiled.program, data, { lr, alpha });
  const hand = new HandSoftmaxMlp(weights);
  const first = [trainer.step().loss, hand.step(flatX, flatY, lr, alpha)];
  if (Math.abs(first[0]! - first[1]!) > 1e-9) throw new Error(`the trainers disagree on the first loss: ${first.join(', ')}`);

  const refresh5 = classGridRefresh(5);
  let compiledMs = Infinity;
  let handMs = Infinity;
  let mapMs = Infinity;
  for (let r = 0; r < 5; r++) {
    const opts = { warmup: r === 0 ? 100 : 5, minRuns: 15, minMs: 300 };
    compiledMs = Math.min(compiledMs, await measure(() => trainer.step(), opts));
    handMs = Math.min(handMs, await measure(() => hand.step(flatX, flatY, lr, alpha), opts));
    mapMs = Math.min(mapMs, await measure(refresh5, opts));
  }
  return [
    ...report('classes: 3-class spiral step (MLP 2-16-16-3, 300 points, full batch, softmax + L2, SGD)', [
      { name: 'hand-written Float64Array softmax loops', ms: handMs, baseline: true },
      { name: 'compiled, drawn as 3 Layer nodes', ms: compiledMs, note: `${(compiledMs / handMs).toFixed(2)}× the hand loops; goal ≤ 1.5×` },
    ]),
    ...report('classes: k = 5 decision map per refresh (classGrid 100×100 + pixels, Node)', [
      { name: 'MLP 2-16-16-5 map', ms: mapMs, note: `at most ${Math.floor(1000 / mapMs)} refreshes/s of compute; the worker sends one every 80 ms (12.5/s); goal ≥ 10/s` },
    ]),
  ];
}
