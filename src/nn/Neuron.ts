import { Value, type Operand } from '../engine';
import { activate, type Activation } from './activation';
import { randomSource, type InitOptions } from './init';
import { Module } from './Module';

/** How a Neuron is built. */
export interface NeuronOptions extends InitOptions {
  /** Defaults to micrograd's ReLU. */
  activation?: Activation;
  /** Prefix for the parameters' labels, e.g. 'L1.N3' gives 'L1.N3.w0' ... 'L1.N3.b'. */
  label?: string;
}

/**
 * One neuron: act(w·x + b). As in micrograd, weights start uniform in (−1, 1) and the bias at 0,
 * and the sum starts from the bias: b + w0·x0 + w1·x1 + ... in that order, so the floating-point
 * result is micrograd's to the last bit.
 */
export class Neuron extends Module {
  readonly w: Value[];
  readonly b: Value;
  readonly activation: Activation;

  constructor(
    readonly nin: number,
    opts: NeuronOptions = {},
  ) {
    super();
    const random = randomSource(opts);
    const prefix = opts.label ? `${opts.label}.` : '';
    this.w = Array.from({ length: nin }, (_, i) => new Value(random() * 2 - 1, `${prefix}w${i}`));
    this.b = new Value(0, `${prefix}b`);
    this.activation = opts.activation ?? 'relu';
  }

  /** The neuron's output for input x (length nin), as a one-element array like every Module. */
  forward(x: readonly Operand[]): Value[] {
    if (x.length !== this.nin) throw new RangeError(`Neuron expects ${this.nin} inputs, got ${x.length}`);
    let act = this.b;
    for (let i = 0; i < this.nin; i++) act = act.add(this.w[i]!.mul(x[i]!));
    return [activate(act, this.activation)];
  }

  parameters(): Value[] {
    return [...this.w, this.b];
  }
}
