/**
 * The speed limit for the compiled trainer: micrograd's demo network MLP(2, [16, 16, 1])
 * written out by hand as plain Float64Array loops, with no interpreter, no indirection and the
 * sizes fixed. Full batch, hinge loss (mean) + alpha · Σ p², one SGD step per call, summing in
 * micrograd's order so its losses can be checked against the other trainers.
 */

const H = 16;

/** The demo MLP's weights by layer: w[j][i] and b[j]. */
export interface LayerWeights {
  w: number[][];
  b: number[];
}

/** MLP(2, [16, 16, 1]) with ReLU hidden layers and a linear output, as flat arrays. */
export class HandLoopsMlp {
  private readonly w1 = new Float64Array(H * 2);
  private readonly b1 = new Float64Array(H);
  private readonly w2 = new Float64Array(H * H);
  private readonly b2 = new Float64Array(H);
  private readonly w3 = new Float64Array(H);
  private readonly b3 = new Float64Array(1);
  private readonly gw1 = new Float64Array(H * 2);
  private readonly gb1 = new Float64Array(H);
  private readonly gw2 = new Float64Array(H * H);
  private readonly gb2 = new Float64Array(H);
  private readonly gw3 = new Float64Array(H);
  private readonly gb3 = new Float64Array(1);
  private readonly h1 = new Float64Array(H);
  private readonly h2 = new Float64Array(H);
  private readonly g1 = new Float64Array(H);
  private readonly g2 = new Float64Array(H);

  constructor(layers: readonly LayerWeights[]) {
    const [l1, l2, l3] = layers as [LayerWeights, LayerWeights, LayerWeights];
    this.w1.set(l1.w.flat());
    this.b1.set(l1.b);
    this.w2.set(l2.w.flat());
    this.b2.set(l2.b);
    this.w3.set(l3.w.flat());
    this.b3.set(l3.b);
  }

  /** One full-batch step on x (n × 2, row-major) and labels y; returns the loss before the update. */
  step(x: Float64Array, y: Float64Array, lr: number, alpha: number): number {
    const { w1, b1, w2, b2, w3, b3, gw1, gb1, gw2, gb2, gw3, gb3, h1, h2, g1, g2 } = this;
    const n = y.length;
    const invN = 1.0 / n;
    gw1.fill(0);
    gb1.fill(0);
    gw2.fill(0);
    gb2.fill(0);
    gw3.fill(0);
    gb3[0] = 0;
    let data = 0;
    for (let s = 0; s < n; s++) {
      const x0 = x[2 * s]!;
      const x1 = x[2 * s + 1]!;
      for (let j = 0; j < H; j++) {
        const a = b1[j]! + w1[2 * j]! * x0 + w1[2 * j + 1]! * x1;
        h1[j] = a < 0 ? 0 : a;
      }
      for (let j = 0; j < H; j++) {
        let a = b2[j]!;
        for (let i = 0; i < H; i++) a += w2[H * j + i]! * h1[i]!;
        h2[j] = a < 0 ? 0 : a;
      }
      let score = b3[0]!;
      for (let i = 0; i < H; i++) score += w3[i]! * h2[i]!;
      const label = y[s]!;
      const margin = score * -label + 1;
      const loss = margin < 0 ? 0 : margin;
      data += loss;
      // d loss / d score: relu' · (−y), times 1/n for the mean.
      const gs = (loss > 0 ? invN : 0) * -label;
      gb3[0] = gb3[0]! + gs;
      for (let i = 0; i < H; i++) {
        gw3[i] = gw3[i]! + h2[i]! * gs;
        g2[i] = h2[i]! > 0 ? w3[i]! * gs : 0;
      }
      g1.fill(0);
      for (let j = 0; j < H; j++) {
        const g = g2[j]!;
        gb2[j] = gb2[j]! + g;
        for (let i = 0; i < H; i++) {
          gw2[H * j + i] = gw2[H * j + i]! + h1[i]! * g;
          g1[i] = g1[i]! + w2[H * j + i]! * g;
        }
      }
      for (let j = 0; j < H; j++) {
        const g = h1[j]! > 0 ? g1[j]! : 0;
        gb1[j] = gb1[j]! + g;
        gw1[2 * j] = gw1[2 * j]! + x0 * g;
        gw1[2 * j + 1] = gw1[2 * j + 1]! + x1 * g;
      }
    }
    let squares = 0;
    squares += update(w1, gw1, lr, alpha);
    squares += update(b1, gb1, lr, alpha);
    squares += update(w2, gw2, lr, alpha);
    squares += update(b2, gb2, lr, alpha);
    squares += update(w3, gw3, lr, alpha);
    squares += update(b3, gb3, lr, alpha);
    return data * invN + alpha * squares;
  }

  /** The scores of a size × size grid of cell centres over the ranges, row-major (row 0 at yRange[0]). */
  scoreGrid(xRange: readonly [number, number], yRange: readonly [number, number], size: number, out: Float32Array): void {
    const { w1, b1, w2, b2, w3, b3, h1, h2 } = this;
    const dx = (xRange[1] - xRange[0]) / size;
    const dy = (yRange[1] - yRange[0]) / size;
    for (let r = 0; r < size; r++) {
      const x1 = yRange[0] + (r + 0.5) * dy;
      for (let c = 0; c < size; c++) {
        const x0 = xRange[0] + (c + 0.5) * dx;
        for (let j = 0; j < H; j++) {
          const a = b1[j]! + w1[2 * j]! * x0 + w1[2 * j + 1]! * x1;
          h1[j] = a < 0 ? 0 : a;
        }
        for (let j = 0; j < H; j++) {
          let a = b2[j]!;
          for (let i = 0; i < H; i++) a += w2[H * j + i]! * h1[i]!;
          h2[j] = a < 0 ? 0 : a;
        }
        let score = b3[0]!;
        for (let i = 0; i < H; i++) score += w3[i]! * h2[i]!;
        out[r * size + c] = score;
      }
    }
  }
}

/** Adds the L2 gradient 2·alpha·p, takes the SGD step, and returns Σ p² before it. */
function update(p: Float64Array, g: Float64Array, lr: number, alpha: number): number {
  let squares = 0;
  for (let i = 0; i < p.length; i++) {
    const v = p[i]!;
    squares += v * v;
    p[i] = v - lr * (g[i]! + 2 * alpha * v);
  }
  return squares;
}
