/**
 * The data plot's freehand brush, as pure geometry in canvas pixels: where a stroke drops its
 * points and which points an eraser covers. Kept apart from React so it is tested in Node.
 */

/** Closest two painted points may be, in pixels: a slow stroke paints at this spacing. */
export const MIN_SPACING_PX = 7;
/** Widest spacing, for a fast flick across the plot. */
export const MAX_SPACING_PX = 30;
/** Up to this speed (pixels a millisecond) a stroke counts as slow and paints at the minimum spacing. */
const SLOW_PX_PER_MS = 0.2;
/** Extra spacing per pixel-per-millisecond of speed above slow. */
const SPACING_PER_SPEED = 12;
/** The eraser's radius, in pixels: about a fingertip's width on the plot. */
export const ERASER_RADIUS_PX = 14;

/** Spacing between painted points at this pointer speed: dense where you linger, sparse where you rush. */
export function spacingFor(speedPxPerMs: number): number {
  const speed = Number.isFinite(speedPxPerMs) ? Math.max(0, speedPxPerMs) : 0;
  return Math.min(MAX_SPACING_PX, MIN_SPACING_PX + SPACING_PER_SPEED * Math.max(0, speed - SLOW_PX_PER_MS));
}

type Px = readonly [number, number];

/**
 * Follows one stroke and says where to drop points: one where it starts, then one each time the
 * pointer has travelled the spacing its current speed asks for since the last point.
 */
export class StrokeSampler {
  private last: Px;
  private lastTime: number;
  /** Path length since the last dropped point. */
  private travelled = 0;

  constructor(px: number, py: number, timeMs: number) {
    this.last = [px, py];
    this.lastTime = timeMs;
  }

  /** The first point: where the stroke began. */
  get start(): Px {
    return this.last;
  }

  /** The pointer moved to (px, py) at `timeMs`: the points to drop along the way, in order. */
  moveTo(px: number, py: number, timeMs: number): Px[] {
    const [x0, y0] = this.last;
    const length = Math.hypot(px - x0, py - y0);
    const dt = Math.max(1, timeMs - this.lastTime);
    this.last = [px, py];
    this.lastTime = timeMs;
    if (length === 0) return [];
    const spacing = spacingFor(length / dt);
    const out: Px[] = [];
    // Distance along this segment of the next point to drop.
    let at = spacing - this.travelled;
    while (at <= length) {
      const t = at / length;
      out.push([x0 + (px - x0) * t, y0 + (py - y0) * t]);
      at += spacing;
    }
    this.travelled = length - (at - spacing);
    return out;
  }
}

/** Indices of the points (pixel positions) within `radius` of (px, py). */
export function pointsUnder(points: readonly Px[], px: number, py: number, radius = ERASER_RADIUS_PX): number[] {
  const r2 = radius * radius;
  const hit: number[] = [];
  points.forEach(([x, y], i) => {
    if ((x - px) ** 2 + (y - py) ** 2 <= r2) hit.push(i);
  });
  return hit;
}
