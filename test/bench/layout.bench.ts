// The bundled build runs ELK on this thread: fine in Node, banned from the browser's main
// thread (the app lays out in a worker through elk-api, see src/editor/layout/elkLayout.ts).
import ELK from 'elkjs/lib/elk.bundled.js';
import { fromElkGraph, toElkGraph, type LayoutInput, type LayoutInputEdge, type LayoutInputNode } from '../../src/editor/layout/elkGraph';
import { measure, report, type BenchLine } from './measure';

/** A small seeded PRNG (mulberry32) so every run lays out the same graph. */
function rng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random DAG of `n` nodes as an expanded MLP looks on the canvas: ~40% leaves (weights,
 * biases, inputs), the rest binary ops (mul, add; ports a, b) and some unary ones (tanh, relu;
 * port x). Each op reads mostly recent values, with a long tail to older ones, as a neuron's
 * sum reads its weights and the previous layer.
 */
export function randomExpressionDag(n: number, seed: number): LayoutInput {
  const random = rng(seed);
  const nodes: LayoutInputNode[] = [];
  const edges: LayoutInputEdge[] = [];
  const recent = () => {
    const back = Math.min(nodes.length, 1 + Math.floor(-Math.log(1 - random()) * 12));
    return nodes[nodes.length - back]!.id;
  };
  for (let i = 0; i < n; i++) {
    const id = `n${i}`;
    const u = random();
    const inputs = i < 4 || u < 0.4 ? [] : u < 0.52 ? ['x'] : ['a', 'b'];
    for (const port of inputs) edges.push({ id: `w${edges.length}`, source: recent(), target: id, port });
    nodes.push({ id, width: 150, height: 72, inputs });
  }
  return { nodes, edges };
}

/** micrograd's MLP(nin, sizes) expanded into Values: w*x products summed into a bias, then tanh. */
export function expandedMlp(nin: number, sizes: readonly number[]): LayoutInput {
  const nodes: LayoutInputNode[] = [];
  const edges: LayoutInputEdge[] = [];
  const add = (inputs: string[], sources: string[] = []) => {
    const id = `v${nodes.length}`;
    nodes.push({ id, width: 150, height: 72, inputs });
    sources.forEach((source, i) => edges.push({ id: `w${edges.length}`, source, target: id, port: inputs[i]! }));
    return id;
  };
  let xs = Array.from({ length: nin }, () => add([]));
  for (const size of sizes) {
    const outs: string[] = [];
    for (let j = 0; j < size; j++) {
      let acc = add([]);
      for (const x of xs) acc = add(['a', 'b'], [acc, add(['a', 'b'], [add([]), x])]);
      outs.push(add(['x'], [acc]));
    }
    xs = outs;
  }
  return { nodes, edges };
}

/**
 * Issue: auto-layout of a big expanded graph in ELK, as the worker runs it (one thread). The
 * first layout in a fresh worker is several times slower while the JIT warms up; medians here
 * are warm.
 */
export default async function layoutBench(): Promise<BenchLine[]> {
  const elk = new ELK();
  const run = (input: LayoutInput, options: Record<string, string> = {}) => async () => {
    const graph = toElkGraph(input);
    graph.layoutOptions = { ...graph.layoutOptions, ...options };
    return fromElkGraph(await elk.layout(graph));
  };
  const dag = randomExpressionDag(500, 1);
  const mlp = expandedMlp(4, [10, 10, 1]); // 496 nodes
  const small = expandedMlp(2, [4, 4, 1]); // 104 nodes
  const opts = { warmup: 2, minRuns: 5, minMs: 2000 };
  // The JIT needs a few big layouts before timings settle; warm up once for every line below.
  for (let i = 0; i < 4; i++) await run(dag)();
  const thorough = { 'elk.layered.thoroughness': '7' };
  const simplex = { 'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX' };
  const oursDag = await measure(run(dag), opts);
  const thoroughDag = await measure(run(dag, thorough), opts);
  const simplexDag = await measure(run(dag, simplex), { ...opts, minRuns: 3 });
  const oursMlp = await measure(run(mlp), opts);
  const oursSmall = await measure(run(small), opts);
  return [
    ...report(`layout: ELK layered, ${dag.nodes.length}-node random DAG of ops and leaves (${dag.edges.length} wires), bundled ELK in Node`, [
      { name: 'toElkGraph: BRANDES_KOEPF, thoroughness 4', ms: oursDag, baseline: true, note: 'goal < 1000 ms' },
      { name: 'thoroughness 7 (ELK default)', ms: thoroughDag },
      { name: 'NETWORK_SIMPLEX placement (ours up to 150 nodes)', ms: simplexDag },
    ]),
    ...report('layout: toElkGraph options on expanded MLPs', [
      { name: `MLP(4,[10,10,1]), ${mlp.nodes.length} nodes: BRANDES_KOEPF`, ms: oursMlp, note: 'goal < 1000 ms' },
      { name: `MLP(2,[4,4,1]), ${small.nodes.length} nodes: NETWORK_SIMPLEX`, ms: oursSmall },
    ]),
  ];
}
