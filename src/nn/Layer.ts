import type { Operand, Value } from '../engine';
import { randomSource } from './init';
import { Module } from './Module';
import { Neuron, type NeuronOptions } from './Neuron';

/** A row of independent neurons that all see the same inputs. */
export class Layer extends Module {
  readonly neurons: Neuron[];

  constructor(
    readonly nin: number,
    readonly nout: number,
    opts: NeuronOptions = {},
  ) {
    super();
    // One source for the whole layer, so neuron j gets the draws after neuron j-1's.
    const random = randomSource(opts);
    const prefix = opts.label ? `${opts.label}.` : '';
    this.neurons = Array.from(
      { length: nout },
      (_, j) => new Neuron(nin, { ...opts, random, label: `${prefix}N${j}` }),
    );
  }

  /** One output per neuron (always an array, unlike micrograd which unwraps a single output). */
  forward(x: readonly Operand[]): Value[] {
    return this.neurons.map((n) => n.forward(x)[0]!);
  }

  parameters(): Value[] {
    return this.neurons.flatMap((n) => n.parameters());
  }
}
