import { createMicrogradDemo } from '../../src/training/microgradDemo';
import { measure, report, type BenchLine } from './measure';
import { NaiveMLP, naiveDemoStep } from './naiveMicrograd';

/**
 * Issue 2: micrograd's demo step (forward over 100 points, hinge + L2, backward, update) on our
 * engine and on a line-by-line port with a closure and a Set per node, same weights, same data.
 */
export default async function engineBench(): Promise<BenchLine[]> {
  const ours = createMicrogradDemo({ seed: 1 });
  const naiveWeights = ours.model.layers.map((layer) =>
    layer.neurons.map((n) => ({ w: n.w.map((v) => v.data), b: n.b.data, nonlin: n.activation === 'relu' })),
  );
  const naive = new NaiveMLP(naiveWeights);
  const { x, y } = ours.data;
  // A fixed small learning rate keeps both models in the same regime for every repetition.
  let k = 0;
  const naiveMs = await measure(() => naiveDemoStep(naive, x, y, 0.01));
  const oursMs = await measure(() => ours.step((k = (k + 1) % 100)));
  return report('engine: micrograd demo step (MLP 2-16-16-1, 100 moons, hinge+L2, backward, SGD)', [
    { name: 'naive port (closure + Set per node)', ms: naiveMs, baseline: true },
    { name: 'src/engine', ms: oursMs },
  ]);
}
