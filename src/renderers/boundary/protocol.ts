import type { AxisRange } from '../plotMapping';

/** The training worker's scores on a grid over the data's range: the decision boundary. */
export interface Boundary {
  size: number;
  xRange: readonly [number, number];
  yRange: readonly [number, number];
  scores: Float32Array;
  /** A k-class network's argmax class per cell; then `scores` is that class's probability. */
  classes?: Uint8Array;
}

/** The points on the plot and the ranges the axes span. */
export interface PlotPoints {
  train: { x: number[][]; y: number[] };
  test: { x: number[][]; y: number[] };
  /** The last `added` training points are the ones the person clicked in. */
  added: number;
  /** How many classes the labels name: 2 (±1) or k (0..k−1), which picks the colours. */
  classes: number;
  ranges: readonly [AxisRange, AxisRange];
}

/** The data plot scene's own messages, besides canvas, size and theme (offscreen/sceneProtocol.ts). */
export type ToPlot = { type: 'boundary'; boundary: Boundary | null } | { type: 'plot'; plot: PlotPoints };
