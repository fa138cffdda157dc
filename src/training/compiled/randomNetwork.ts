import { createRng, type Dataset, type Label, type Rng } from '../../data';
import { OPS, type OpDef, type OpType } from '../../engine';
import { ACTIVATIONS } from '../../nn/activation';
import type { DocNode, GraphDoc, LossKind, Wire } from '../../document/types';

/**
 * Random drawn networks and datasets for the tests that hold the compiled trainer to the Value
 * engine: inputs, trainable and fixed values, constants, every registry op, neurons (sometimes
 * several side by side, which the compiler fuses), layers with several outputs, wired to
 * earlier outputs at random (a source may feed several ports, even of one node), then a target
 * and a loss. Seeded: the same seed always gives the same network.
 */
interface RandomNetwork {
  doc: GraphDoc;
  data: Dataset;
}

/** A random network with a loss of `loss` and a dataset for it. */
export function randomNetwork(seed: number, loss: LossKind): RandomNetwork {
  const rng = createRng(seed);
  const nodes: DocNode[] = [];
  const wires: Wire[] = [];
  /** Outputs available as sources: node id and output port (undefined = 'out'). */
  const pool: [string, string | undefined][] = [];
  const position = { x: 0, y: 0 };
  let count = 0;
  const id = (prefix: string) => `${prefix}${count++}`;
  const wire = ([source, from]: [string, string | undefined], target: string, port: string): void => {
    wires.push({ id: `w${wires.length}`, source, ...(from === undefined ? {} : { from }), target, port });
  };
  // Recent outputs are likelier sources, so the graph grows deep as well as wide.
  const pick = (): [string, string | undefined] => pool[Math.max(0, pool.length - 1 - Math.floor(rng.next() ** 2 * pool.length))]!;

  const features = 1 + rng.int(3);
  for (let f = 0; f < features; f++) {
    const n = id('in');
    nodes.push({ id: n, kind: 'input', label: n, feature: f, value: 0, position });
    pool.push([n, undefined]);
  }
  const leaves = 1 + rng.int(3);
  for (let i = 0; i < leaves; i++) {
    const n = id('v');
    const kind = rng.int(3);
    if (kind === 2) nodes.push({ id: n, kind: 'constant', value: rng.uniform(-2, 2), position });
    else nodes.push({ id: n, kind: 'value', label: n, value: rng.uniform(-1, 1), trainable: kind === 0 || undefined, position });
    pool.push([n, undefined]);
  }
  const units = 2 + rng.int(8);
  for (let u = 0; u < units; u++) {
    const r = rng.next();
    if (r < 0.45) addOp();
    else if (r < 0.75) addNeurons(rng.next() < 0.3 ? 2 + rng.int(3) : 1);
    else addLayer();
  }
  // The score gathers several outputs, so most of the graph is upstream of the loss; a softmax
  // reads k of them, side by side.
  const classes = loss === 'softmax' ? 2 + rng.int(4) : 1;
  addNeurons(classes, 2 + rng.int(3), 'linear');
  nodes.push({ id: 'target', kind: 'target', label: 'y', value: 1, position });
  if (loss === 'softmax') {
    nodes.push({ id: 'loss', kind: 'loss', label: 'loss', loss, classes, position });
    for (let j = 0; j < classes; j++) wire(pool[pool.length - classes + j]!, 'loss', `s${j}`);
  } else {
    nodes.push({ id: 'loss', kind: 'loss', label: 'loss', loss, position });
    wire(pool[pool.length - 1]!, 'loss', 'score');
  }
  wire(['target', undefined], 'loss', 'target');
  const doc: GraphDoc = {
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
    wires: Object.fromEntries(wires.map((w) => [w.id, w])),
    output: rng.next() < 0.5 ? 'loss' : null,
  };
  return { doc, data: randomData(rng, features, 1 + rng.int(12), classes) };

  function addOp(): void {
    const def: OpDef = OPS[rng.int(OPS.length)]!;
    const n = id('op');
    const node: DocNode = { id: n, kind: 'op', op: def.type as OpType, label: n, position };
    if (def.param) node.param = [0, 1, 2, 3][rng.int(4)]!;
    nodes.push(node);
    def.inputs.forEach((port, i) => {
      // log and the divisor of div read a sigmoid, so they stay finite.
      if ((def.type === 'log' && i === 0) || (def.type === 'div' && i === 1)) {
        const s = id('sig');
        nodes.push({ id: s, kind: 'op', op: 'sigmoid', label: s, position });
        wire(pick(), s, 'x');
        wire([s, undefined], n, port);
      } else wire(pick(), n, port);
    });
    pool.push([n, undefined]);
  }

  function addNeurons(side: number, nin = 1 + rng.int(4), fixed?: (typeof ACTIVATIONS)[number]): void {
    const activation = fixed ?? ACTIVATIONS[rng.int(ACTIVATIONS.length)]!;
    const sources = Array.from({ length: nin }, pick);
    for (let s = 0; s < side; s++) {
      const n = id('N');
      const weights = sources.map(() => rng.uniform(-1, 1));
      nodes.push({ id: n, kind: 'neuron', label: n, activation, weights, bias: rng.uniform(-0.5, 0.5), position });
      sources.forEach((src, i) => wire(src, n, `x${i}`));
    }
    for (let s = 0; s < side; s++) pool.push([nodes[nodes.length - side + s]!.id, undefined]);
  }

  function addLayer(): void {
    const nin = 1 + rng.int(3);
    const nout = 1 + rng.int(4);
    const n = id('L');
    const weights = Array.from({ length: nout }, () => Array.from({ length: nin }, () => rng.uniform(-1, 1)));
    const biases = Array.from({ length: nout }, () => rng.uniform(-0.5, 0.5));
    nodes.push({ id: n, kind: 'layer', label: n, activation: ACTIVATIONS[rng.int(ACTIVATIONS.length)]!, weights, biases, position });
    for (let i = 0; i < nin; i++) wire(pick(), n, `x${i}`);
    for (let j = 0; j < nout; j++) pool.push([n, `y${j}`]);
  }
}

/** Random points; labels ±1, or 0..classes−1 for a softmax. */
function randomData(rng: Rng, features: number, n: number, classes: number): Dataset {
  const x = Array.from({ length: n }, () => Array.from({ length: features }, () => rng.uniform(-2, 2)));
  const y = Array.from({ length: n }, (): Label => (classes > 1 ? rng.int(classes) : rng.next() < 0.5 ? -1 : 1));
  return { name: 'random', x, y };
}
