import type { MLP } from '../../nn/MLP';
import type { DocNode, GraphDoc, LossKind, Wire } from '../../document/types';

/** How to draw a network. */
interface DrawMlpOptions {
  /** One Layer node per layer, or one Neuron node per neuron. */
  as: 'layers' | 'neurons';
  loss: LossKind;
}

/**
 * An MLP drawn as a document: an Input node per feature, its layers as Layer nodes (or its
 * neurons as Neuron nodes) holding the MLP's current weights, a Target and a Loss node judging
 * the first output (a softmax loss: every output). Ids are readable and fixed ('x0', 'L1', 'L1.N0', 'target', 'loss'), so the
 * same network always gives the same document. Used to draw micrograd's demo.
 */
export function drawMlp(mlp: MLP, options: DrawMlpOptions): GraphDoc {
  const nodes: DocNode[] = [];
  const wires: Wire[] = [];
  const at = (column: number, row: number) => ({ x: column * 240, y: row * 90 });
  const wire = (source: string, from: string | undefined, target: string, port: string): void => {
    wires.push({ id: `w${wires.length}`, source, ...(from === undefined ? {} : { from }), target, port });
  };

  // Each output of the previous column: a node id and its output port (undefined for 'out').
  let outs: [string, string | undefined][] = [];
  for (let i = 0; i < mlp.nin; i++) {
    nodes.push({ id: `x${i}`, kind: 'input', label: `x${i + 1}`, feature: i, value: 0, position: at(0, i) });
    outs.push([`x${i}`, undefined]);
  }
  mlp.layers.forEach((layer, li) => {
    const name = `L${li + 1}`;
    const activation = layer.neurons[0]!.activation;
    if (options.as === 'layers') {
      nodes.push({
        id: name,
        kind: 'layer',
        label: name,
        activation,
        weights: layer.neurons.map((n) => n.w.map((w) => w.data)),
        biases: layer.neurons.map((n) => n.b.data),
        position: at(li + 1, 0),
      });
      outs.forEach(([source, from], i) => wire(source, from, name, `x${i}`));
      outs = layer.neurons.map((_, j) => [name, `y${j}`]);
    } else {
      const next: [string, string | undefined][] = [];
      layer.neurons.forEach((n, j) => {
        const id = `${name}.N${j}`;
        nodes.push({ id, kind: 'neuron', label: id, activation: n.activation, weights: n.w.map((w) => w.data), bias: n.b.data, position: at(li + 1, j) });
        outs.forEach(([source, from], i) => wire(source, from, id, `x${i}`));
        next.push([id, undefined]);
      });
      outs = next;
    }
  });
  const column = mlp.layers.length + 1;
  nodes.push({ id: 'target', kind: 'target', label: 'y', value: 1, position: at(column, 1) });
  if (options.loss === 'softmax') {
    // A softmax judges every output: one class per output of the last layer.
    nodes.push({ id: 'loss', kind: 'loss', label: 'loss', loss: 'softmax', classes: outs.length, position: at(column + 1, 0) });
    outs.forEach(([source, from], j) => wire(source, from, 'loss', `s${j}`));
  } else {
    nodes.push({ id: 'loss', kind: 'loss', label: 'loss', loss: options.loss, position: at(column + 1, 0) });
    const [scoreId, scorePort] = outs[0]!;
    wire(scoreId, scorePort, 'loss', 'score');
  }
  wire('target', undefined, 'loss', 'target');
  return {
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
    wires: Object.fromEntries(wires.map((w) => [w.id, w])),
    output: 'loss',
  };
}
