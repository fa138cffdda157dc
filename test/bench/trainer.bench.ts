import { makeMoons } from '../../src/data';
import { MLP } from '../../src/nn';
import { compileNetwork } from '../../src/training/compiled/compile';
import { drawMlp } from '../../src/training/compiled/drawMlp';
import { CompiledTrainer } from '../../src/training/compiled/Trainer';
import { DEFAULT_OPTIMISER, type OptimiserKind } from '../../src/nn/optimisers';
import { HandLoopsMlp, type LayerWeights } from './handLoops';
import { measure, report, type BenchLine } from './measure';
import { ObjectNetwork } from './objectNetwork';

/**
 * Issue "Train", section 4: one training step of micrograd's demo (MLP 2-16-16-1, 100 moons,
 * full batch, hinge + 1e-4 L2, SGD) on the compiled trainer, drawn as Layer nodes and as Neuron
 * nodes, against an object-per-neuron network in TensorFlow Playground's style (the baseline,
 * goal ≥ 2.5× faster) and hand-written Float64Array loops for this one network (goal: within
 * 1.5×). Then the decision boundary: scoreGrid on 100 × 100 cells (goal well under 10 ms).
 */
export default async function trainerBench(): Promise<BenchLine[]> {
  const mlp = new MLP(2, [16, 16, 1], { seed: 1 });
  const weights: LayerWeights[] = mlp.layers.map((l) => ({ w: l.neurons.map((n) => n.w.map((w) => w.data)), b: l.neurons.map((n) => n.b.data) }));
  const data = makeMoons({ n: 100, noise: 0.1, seed: 1 });
  const flatX = Float64Array.from(data.x.flat());
  const flatY = Float64Array.from(data.y);
  // A small constant rate keeps every trainer in the same regime however often it repeats.
  const lr = 0.01;
  const alpha = 1e-4;

  const trainer = (as: 'layers' | 'neurons', optimiser: OptimiserKind = 'sgd'): CompiledTrainer => {
    const compiled = compileNetwork(drawMlp(mlp, { as, loss: 'hinge' }));
    if (!compiled.ok) throw new Error(compiled.reason);
    return new CompiledTrainer(compiled.program, data, { lr, alpha, optimiser: { ...DEFAULT_OPTIMISER, kind: optimiser } });
  };
  const layers = trainer('layers');
  const neurons = trainer('neurons');
  // Issue 13: Adam's step against SGD's on the same network (goal ≤ 1.3×).
  const adam = trainer('layers', 'adam');
  const objects = new ObjectNetwork(2, weights);
  const hand = new HandLoopsMlp(weights);

  // Same weights, same data, same loss: the first step's losses agree (to rounding).
  const first = [objects.step(data.x, data.y, lr, alpha), hand.step(flatX, flatY, lr, alpha), layers.step().loss, neurons.step().loss];
  const spread = Math.max(...first) - Math.min(...first);
  if (spread > 1e-12) throw new Error(`the trainers disagree on the first loss: ${first.join(', ')}`);

  const grid = new Float32Array(100 * 100);
  const xr = [-2, 3] as const;
  const yr = [-1.5, 2] as const;
  const ms = await interleaved({
    objects: () => objects.step(data.x, data.y, lr, alpha),
    layers: () => layers.step(),
    neurons: () => neurons.step(),
    adam: () => adam.step(),
    hand: () => hand.step(flatX, flatY, lr, alpha),
    gridLayers: () => layers.scoreGrid(xr, yr, 100, grid),
    gridNeurons: () => neurons.scoreGrid(xr, yr, 100, grid),
    gridHand: () => hand.scoreGrid(xr, yr, 100, grid),
  });
  const [objectMs, layersMs, neuronsMs, handMs] = [ms.objects, ms.layers, ms.neurons, ms.hand];
  const [gridMs, gridNeuronsMs, gridHandMs] = [ms.gridLayers, ms.gridNeurons, ms.gridHand];

  const vsHand = (ms: number): string => `${(ms / handMs).toFixed(2)}× the hand loops; goals ≥ 2.5× vs baseline, ≤ 1.5× hand`;
  return [
    ...report('trainer: micrograd demo step (MLP 2-16-16-1, 100 moons, full batch, hinge + L2, SGD)', [
      { name: 'object-per-neuron (TF Playground style)', ms: objectMs, baseline: true },
      { name: 'compiled, drawn as 3 Layer nodes', ms: layersMs, note: vsHand(layersMs) },
      { name: 'compiled, drawn as 33 Neuron nodes', ms: neuronsMs, note: vsHand(neuronsMs) },
      { name: 'hand-written Float64Array loops', ms: handMs },
    ]),
    ...report('trainer: optimiser step cost (MLP 2-16-16-1, 100 moons, full batch, Layer nodes)', [
      { name: 'SGD', ms: layersMs, baseline: true },
      { name: 'Adam', ms: ms.adam, note: `${(ms.adam / layersMs).toFixed(2)}× SGD; goal ≤ 1.3×` },
    ]),
    ...report('trainer: decision boundary, scoreGrid 100×100 (MLP 2-16-16-1)', [
      { name: 'compiled, Layer nodes', ms: gridMs, note: `goal well under 10 ms; ${(gridMs / gridHandMs).toFixed(2)}× the hand loops` },
      { name: 'compiled, Neuron nodes', ms: gridNeuronsMs, note: `goal well under 10 ms; ${(gridNeuronsMs / gridHandMs).toFixed(2)}× the hand loops` },
      { name: 'hand-written Float64Array loops', ms: gridHandMs },
    ]),
  ];
}

/**
 * Median ms per call of each function, measured in interleaved rounds and the best round kept:
 * on a shared machine the load drifts over a run, and measuring contenders one after another
 * would charge the drift to whichever ran in the busy part.
 */
async function interleaved<K extends string>(fns: Record<K, () => unknown>, rounds = 5): Promise<Record<K, number>> {
  const best = {} as Record<K, number>;
  const keys = Object.keys(fns) as K[];
  for (const k of keys) best[k] = Infinity;
  for (let r = 0; r < rounds; r++) {
    for (const k of keys) best[k] = Math.min(best[k], await measure(fns[k], { warmup: r === 0 ? 200 : 5, minRuns: 15, minMs: 300 }));
  }
  return best;
}
