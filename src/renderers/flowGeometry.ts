/**
 * Where things are on the node editor's canvas, in flow coordinates, as the overlay needs to
 * know them. The editor implements it on top of React Flow's internals; renderers only read it,
 * every frame, so the overlay stays aligned while the person pans and zooms.
 */
export interface FlowGeometry {
  /** The canvas transform: screen = flow × zoom + (x, y). */
  viewport(): { x: number; y: number; zoom: number };
  /** A node's box, or null when it is not on the canvas (yet). */
  nodeRect(id: string): { x: number; y: number; width: number; height: number } | null;
  /** The centre of a node's handle: its output ('source', 'out') or an input port ('target', 'a'). */
  handle(id: string, type: 'source' | 'target', handleId: string): { x: number; y: number } | null;
}

/** A point on a cubic Bézier curve. */
export interface Point {
  x: number;
  y: number;
}

/**
 * The control points React Flow's default (bezier) edge uses between a right-facing source and
 * a left-facing target, so a pulse travels exactly along the drawn wire.
 */
export function wireControlPoints(source: Point, target: Point, curvature = 0.25): [Point, Point, Point, Point] {
  const offset = (d: number) => (d >= 0 ? 0.5 * d : curvature * 25 * Math.sqrt(-d));
  const dx = target.x - source.x;
  return [source, { x: source.x + offset(dx), y: source.y }, { x: target.x - offset(dx), y: target.y }, target];
}

/** The point at parameter t ∈ [0, 1] on the cubic Bézier with these control points. */
export function bezierAt([p0, p1, p2, p3]: readonly [Point, Point, Point, Point], t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}
