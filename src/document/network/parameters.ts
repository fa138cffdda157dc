import type { GraphDoc } from '../types';

/**
 * How many parameters the graph holds, as micrograd's `len(m.parameters())` counts them: every
 * weight and bias of each neuron and layer node, and every Value marked as a parameter (the
 * scalars training changes). MLP(3, [4, 4, 1]) has 41, micrograd's demo MLP(2, [16, 16, 1]) 337.
 * Data (inputs, fixed leaves, constants, targets) are not parameters.
 */
export function countParameters(doc: GraphDoc): number {
  let count = 0;
  for (const node of Object.values(doc.nodes)) {
    if (node.kind === 'value' && node.trainable === true) count += 1;
    else if (node.kind === 'neuron') count += node.weights.length + 1;
    else if (node.kind === 'layer') count += node.weights.reduce((sum, row) => sum + row.length, 0) + node.biases.length;
  }
  return count;
}
