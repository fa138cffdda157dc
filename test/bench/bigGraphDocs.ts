import { COLUMN_WIDTH, DocBuilder, ROW_HEIGHT, type NodeRef } from '../../src/document/presets/DocBuilder';
import type { GraphDoc, Position } from '../../src/document/types';
import { MLP } from '../../src/nn/MLP';

/**
 * The big graph of the browser bench, built the way the app builds its examples (DocBuilder,
 * weights from src/nn's seeded MLP).
 *
 * It is placed here rather than by the app's Tidy: ELK takes 20–50 s in Node on this 2,000-node
 * graph on the shared machine, too slow to run on every bench. Each neuron is a block (weights
 * on the top row, products below them, the running sum below those, tanh at the end), blocks
 * stacked in layer columns, on DocBuilder's grid pitch, so no card covers another.
 */

/** A graph and the names the bench needs to find on the canvas. */
export interface BigGraph {
  doc: GraphDoc;
  /** The leaf the bench types into: an input every neuron of the first layer reads. */
  leaf: NodeRef;
  /** Cards that read `leaf` directly (the first layer's products w0·x0), nearest the leaf first. */
  dependents: NodeRef[];
  /** Width and height of the drawing, in flow pixels. */
  size: { width: number; height: number };
}

/** Rows of a neuron block (weight, product, sum) plus the gap to the next block. */
const BLOCK_HEIGHT = 3 * ROW_HEIGHT + 60;

/**
 * micrograd's `MLP(nin, sizes)` on one input, every multiply and add its own node (as
 * `draw_dot(m(x))` draws it): what a learner gets by expanding every neuron of a wide network.
 * Neuron sums run b + w0·x0 + w1·x1 + …, as src/nn's Neuron does.
 */
export function expandedMlpDoc(nin: number, sizes: readonly number[], seed = 7): BigGraph {
  const net = new MLP(nin, sizes, { seed, activation: 'tanh', outputActivation: 'tanh' });
  const g = new DocBuilder();
  const place = new Map<NodeRef, Position>();
  const tallest = Math.max(...sizes) * BLOCK_HEIGHT;
  const xs = Array.from({ length: nin }, (_, i) => {
    const x = g.value(0.5 - i, `x${i}`);
    place.set(x, { x: 0, y: tallest / 2 + (i - nin / 2) * ROW_HEIGHT });
    return x;
  });
  const dependents: NodeRef[] = [];
  let inputs = xs;
  let left = COLUMN_WIDTH;
  net.layers.forEach((layer, li) => {
    const top = (tallest - layer.nout * BLOCK_HEIGHT) / 2;
    inputs = layer.neurons.map((neuron, ni) => {
      const name = `L${li + 1}.N${ni}`;
      const at = (column: number, row: number): Position => ({ x: left + column * COLUMN_WIDTH, y: top + ni * BLOCK_HEIGHT + row * ROW_HEIGHT });
      let sum = g.value(neuron.b.data, `${name}.b`);
      place.set(sum, at(0, 2));
      inputs.forEach((x, i) => {
        const w = g.value(neuron.w[i]!.data, `${name}.w${i}`);
        const product = g.op('mul', [w, x], `${name}.w${i}x${i}`);
        sum = g.op('add', [sum, product], `${name}.sum${i}`);
        place.set(w, at(i + 1, 0)).set(product, at(i + 1, 1)).set(sum, at(i + 1, 2));
        if (li === 0 && i === 0) dependents.push(product);
      });
      const out = g.op('tanh', [sum], `${name}.out`);
      place.set(out, at(layer.nin + 1, 2));
      return out;
    });
    left += (layer.nin + 3) * COLUMN_WIDTH;
  });
  const built = g.output(inputs[0]!).build();
  // Nearest the leaf first: the one drawn next to it is on screen whenever the leaf is.
  const from = place.get(xs[0]!)!;
  dependents.sort((p, q) => Math.abs(place.get(p)!.y - from.y) - Math.abs(place.get(q)!.y - from.y));
  const nodes = Object.fromEntries(Object.entries(built.nodes).map(([id, n]) => [id, { ...n, position: place.get(id)! }]));
  return { doc: { ...built, nodes }, leaf: xs[0]!, dependents, size: { width: left, height: tallest } };
}
