import { createRng } from '../../data/random';
import type { DocNode, GraphDoc } from '../types';

/**
 * Fresh weights for every neuron and layer, as micrograd initialises them: uniform in (−1, 1)
 * from a seeded generator, biases 0; node by node in document order, weights in parameter order.
 * The same seed gives the same network again (Reset in the Train panel).
 */
export function reinitialize(doc: GraphDoc, seed: number): GraphDoc {
  const rng = createRng(seed);
  const draw = () => rng.next() * 2 - 1;
  const nodes: Record<string, DocNode> = { ...doc.nodes };
  let changed = false;
  for (const node of Object.values(doc.nodes)) {
    if (node.kind === 'neuron') {
      nodes[node.id] = { ...node, weights: node.weights.map(draw), bias: 0 };
      changed = true;
    } else if (node.kind === 'layer') {
      nodes[node.id] = { ...node, weights: node.weights.map((row) => row.map(draw)), biases: node.biases.map(() => 0) };
      changed = true;
    }
  }
  return changed ? { ...doc, nodes } : doc;
}
