import { newId } from '../ids';
import type { DocNode, GraphDoc, NeuronNode, Wire } from '../types';

/** Vertical room per neuron card when a layer is split (ELK lays it out again anyway). */
const PITCH = 130;

/**
 * Replaces each layer node of `ids` with one neuron node per row of its weights, the way
 * TensorFlow Playground draws a layer: neuron j (labelled `L1.N3` for layer `L1`) gets the
 * layer's weights[j] and biases[j], every wire into the layer's port xi goes into every
 * neuron's xi, and a wire out of yj leaves neuron j. The numbers do not change: a layer
 * evaluates as exactly these neurons (see kinds/layer.ts). Other nodes stay as they are.
 */
export function splitLayers(doc: GraphDoc, ids: Iterable<string>): GraphDoc {
  const nodes: Record<string, DocNode> = { ...doc.nodes };
  let wires: Record<string, Wire> = { ...doc.wires };
  let output = doc.output;
  for (const id of ids) {
    const layer = nodes[id];
    if (layer?.kind !== 'layer') continue;
    const neurons: NeuronNode[] = layer.weights.map((row, j) => ({
      id: newId(),
      kind: 'neuron',
      label: `${layer.label}.N${j}`,
      activation: layer.activation,
      weights: [...row],
      bias: layer.biases[j] ?? 0,
      position: { x: layer.position.x, y: layer.position.y + j * PITCH },
    }));
    delete nodes[id];
    for (const n of neurons) nodes[n.id] = n;
    const next: Record<string, Wire> = {};
    for (const [wid, w] of Object.entries(wires)) {
      if (w.target === id) {
        for (const n of neurons) {
          const fed: Wire = { id: newId(), source: w.source, target: n.id, port: w.port };
          if (w.from) fed.from = w.from;
          next[fed.id] = fed;
        }
      } else if (w.source === id) {
        const unit = neurons[Number((w.from ?? 'y0').slice(1))];
        if (unit) next[wid] = { id: wid, source: unit.id, target: w.target, port: w.port };
      } else {
        next[wid] = w;
      }
    }
    wires = next;
    if (output === id) output = neurons[0]?.id ?? null;
  }
  return { ...doc, nodes, wires, output };
}
