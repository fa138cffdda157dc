/**
 * Messages between the gradient-flow overlay's host (main thread) and its scene (a worker that
 * draws into an OffscreenCanvas, or the main thread itself where workers cannot draw), besides
 * the canvas, size and theme every scene gets (offscreen/sceneProtocol.ts).
 *
 * The scene keeps its own copy of what it draws from: the canvas transform, the boxes of the
 * nodes, the pass being watched. The host sends each when it changes; the scene animates on its
 * own clock and reports landings back. Everything is plain data, cheap to clone.
 */

/** A handle's centre in flow coordinates, by handle id ('out', 'a', 'b', a layer's 'o0'…). */
export interface HandlePoint {
  id: string;
  x: number;
  y: number;
}

/** Where React Flow put one node, in flow coordinates. */
export interface NodeBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  sources: HandlePoint[];
  targets: HandlePoint[];
}

/** The part of an arrival the scene draws: where it travels and what it carries. */
export interface PulseArrival {
  node: string;
  /** The user node it travels back from; null for the seed dL/dL = 1. */
  from: string | null;
  port: string | null;
  /** The output port of `node` it lands on ('out', or a layer's 'y0'…): the handle it reaches. */
  out: string;
  amount: number;
  after: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export type ToScene =
  | { type: 'viewport'; viewport: Viewport }
  | { type: 'geometry'; boxes: NodeBox[] }
  /** The node backward starts from (it wears a halo), or null. */
  | { type: 'output'; node: string | null }
  /** A new pass to watch; `arrivals` in landing order. */
  | { type: 'schedule'; id: number; arrivals: PulseArrival[] }
  | { type: 'run'; run: RunControl };

/**
 * What the person asked of the pass. `epoch` changes whenever the host moves the cursor itself
 * (a new pass, skip, replay, a step finished at once): the scene then starts from `delivered`,
 * and landings it reports from an older epoch are stale.
 */
export interface RunControl {
  schedule: number | null;
  epoch: number;
  delivered: number;
  target: number;
  paused: boolean;
  speed: number;
}

/** `delivered` arrivals of the pass have landed (a running count, not a delta). */
export type FromScene = { type: 'landed'; epoch: number; delivered: number };
