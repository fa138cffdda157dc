/**
 * The speed limit for a k-class step: MLP(2, [16, 16, k]) with a softmax cross-entropy loss
 * (mean over the batch) + alpha · Σ p², written out by hand as Float64Array loops, one SGD step
 * per call. Same weights and data give the compiled trainer's loss (to rounding).
 */
import type { LayerWeights } from './handLoops';

const H = 16;

export class HandSoftmaxMlp {
  private readonly p: Float64Array[];
  private readonly g: Float64Array[];
  private readonly h1 = new Float64Array(H);
  private readonly h2 = new Float64Array(H);
  private readonly d1 = new Float64Array(H);
  private readonly d2 = new Float64Array(H);
  private readonly s: Float64Array;
  private readonly k: number;

  constructor(layers: readonly LayerWeights[]) {
    const [l1, l2, l3] = layers as [LayerWeights, LayerWeights, LayerWeights];
    this.k = l3.b.length;
    this.p = [l1.w.flat(), l1.b, l2.w.flat(), l2.b, l3.w.flat(), l3.b].map((a) => Float64Array.from(a));
    this.g = this.p.map((a) => new Float64Array(a.length));
    this.s = new Float64Array(this.k);
  }

  /** One full-batch step on x (n × 2, row-major) and class labels y; returns the loss before the update. */
  step(x: Float64Array, y: Float64Array, lr: number, alpha: number): number {
    const [w1, b1, w2, b2, w3, b3] = this.p as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    const [gw1, gb1, gw2, gb2, gw3, gb3] = this.g as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    const { h1, h2, d1, d2, s, k } = this;
    for (const g of this.g) g.fill(0);
    const n = y.length;
    const invN = 1 / n;
    let data = 0;
    for (let q = 0; q < n; q++) {
      const x0 = x[2 * q]!;
      const x1 = x[2 * q + 1]!;
      for (let j = 0; j < H; j++) {
        const a = b1[j]! + w1[2 * j]! * x0 + w1[2 * j + 1]! * x1;
        h1[j] = a < 0 ? 0 : a;
      }
      for (let j = 0; j < H; j++) {
        let a = b2[j]!;
        for (let i = 0; i < H; i++) a += w2[H * j + i]! * h1[i]!;
        h2[j] = a < 0 ? 0 : a;
      }
      let z = 0;
      for (let c = 0; c < k; c++) {
        let a = b3[c]!;
        for (let i = 0; i < H; i++) a += w3[H * c + i]! * h2[i]!;
        s[c] = a;
        z += Math.exp(a);
      }
      const t = y[q]!;
      data += Math.log(z) - s[t]!;
      d2.fill(0);
      for (let c = 0; c < k; c++) {
        const gs = (Math.exp(s[c]!) / z - (c === t ? 1 : 0)) * invN;
        gb3[c] = gb3[c]! + gs;
        for (let i = 0; i < H; i++) {
          gw3[H * c + i] = gw3[H * c + i]! + h2[i]! * gs;
          d2[i] = d2[i]! + w3[H * c + i]! * gs;
        }
      }
      d1.fill(0);
      for (let j = 0; j < H; j++) {
        const g = h2[j]! > 0 ? d2[j]! : 0;
        gb2[j] = gb2[j]! + g;
        for (let i = 0; i < H; i++) {
          gw2[H * j + i] = gw2[H * j + i]! + h1[i]! * g;
          d1[i] = d1[i]! + w2[H * j + i]! * g;
        }
      }
      for (let j = 0; j < H; j++) {
        const g = h1[j]! > 0 ? d1[j]! : 0;
        gb1[j] = gb1[j]! + g;
        gw1[2 * j] = gw1[2 * j]! + x0 * g;
        gw1[2 * j + 1] = gw1[2 * j + 1]! + x1 * g;
      }
    }
    let squares = 0;
    this.p.forEach((p, l) => {
      const g = this.g[l]!;
      for (let i = 0; i < p.length; i++) {
        const v = p[i]!;
        squares += v * v;
        p[i] = v - lr * (g[i]! + 2 * alpha * v);
      }
    });
    return data * invN + alpha * squares;
  }
}
