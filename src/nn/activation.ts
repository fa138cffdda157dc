import type { Value } from '../engine';

/** The squashing function a neuron applies to w·x + b. */
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear';

/** All activations, for menus and validation. */
export const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'linear'];

/** Applies the activation as an op on the graph, so backward sees it. */
export function activate(v: Value, activation: Activation): Value {
  switch (activation) {
    case 'relu':
      return v.relu();
    case 'tanh':
      return v.tanh();
    case 'sigmoid':
      return v.sigmoid();
    case 'linear':
      return v;
  }
}
