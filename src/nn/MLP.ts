import type { Operand, Value } from '../engine';
import type { Activation } from './activation';
import { randomSource, type InitOptions } from './init';
import { Layer } from './Layer';
import { Module } from './Module';

/** How an MLP is built. */
export interface MLPOptions extends InitOptions {
  /** Hidden layers' activation; micrograd's is ReLU. */
  activation?: Activation;
  /** The last layer's activation; micrograd's is linear (a raw score). */
  outputActivation?: Activation;
}

/** A multi-layer perceptron: MLP(2, [16, 16, 1]) is micrograd's demo network. */
export class MLP extends Module {
  readonly layers: Layer[];
  /** Layer sizes including the input: [nin, ...nouts]. */
  readonly sizes: readonly number[];

  constructor(
    readonly nin: number,
    nouts: readonly number[],
    opts: MLPOptions = {},
  ) {
    super();
    const random = randomSource(opts);
    this.sizes = [nin, ...nouts];
    this.layers = nouts.map((nout, i) => {
      const last = i === nouts.length - 1;
      const activation = last ? (opts.outputActivation ?? 'linear') : (opts.activation ?? 'relu');
      return new Layer(this.sizes[i]!, nout, { random, activation, label: `L${i + 1}` });
    });
  }

  /** The network's outputs for input x: one Value per neuron of the last layer. */
  forward(x: readonly Operand[]): Value[] {
    let out: readonly Operand[] = x;
    for (const layer of this.layers) out = layer.forward(out);
    return out as Value[];
  }

  parameters(): Value[] {
    return this.layers.flatMap((l) => l.parameters());
  }
}
