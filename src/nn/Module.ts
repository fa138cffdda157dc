import type { Value } from '../engine';

/** What Neuron, Layer and MLP share, as micrograd's `Module`. */
export abstract class Module {
  /** Every trainable Value, in micrograd's order (layer by layer, neuron by neuron, weights then bias). */
  abstract parameters(): Value[];

  /** Sets every parameter's grad to 0: call before each backward pass, or gradients pile up. */
  zeroGrad(): void {
    for (const p of this.parameters()) p.grad = 0;
  }
}
