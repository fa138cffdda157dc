import type { Position } from '../../document/types';
import { prefersReducedMotion } from '../../renderers/reducedMotion';

/**
 * Glides nodes from one set of positions to another on requestAnimationFrame, so a tidy-up
 * reads as movement rather than a jump. DOM-light on purpose: it touches only
 * requestAnimationFrame, matchMedia and performance, and calls `onFrame` with plain positions
 * for the caller to apply (to the store, to React Flow, ...).
 */

/** Smooth start and stop: cubic ease-in-out, 0 -> 0, 0.5 -> 0.5, 1 -> 1. */
function easeInOutCubic(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
}

/** True when the user asked the system for less motion (or when there is no way to animate). */
function shouldJump(durationMs: number): boolean {
  if (!(durationMs > 0) || typeof requestAnimationFrame !== 'function') return true;
  return prefersReducedMotion();
}

/**
 * Moves every node of `to` from its place in `from` (or from its target, if `from` lacks it:
 * such nodes do not move) to its place in `to` over `durationMs`, easing in and out.
 * `onFrame` gets the positions of every node of `to` once per animation frame, and last of all
 * exactly `to`'s positions. Nodes only in `from` are left alone.
 *
 * Resolves when done. With `prefers-reduced-motion: reduce`, a zero duration or no
 * requestAnimationFrame, it jumps: one call with `to`. When `signal` aborts, it stops where it
 * is (no further calls, not even the final one) and resolves. Rejects if `onFrame` throws.
 */
export function animatePositions(
  from: ReadonlyMap<string, Position>,
  to: ReadonlyMap<string, Position>,
  durationMs: number,
  onFrame: (positions: Map<string, Position>) => void,
  opts: { signal?: AbortSignal } = {},
): Promise<void> {
  const { signal } = opts;
  if (signal?.aborted) return Promise.resolve();
  const finalFrame = () => new Map(to);
  if (shouldJump(durationMs)) {
    try {
      onFrame(finalFrame());
      return Promise.resolve();
    } catch (err) {
      return Promise.reject(err);
    }
  }

  // Precompute start and delta per node once; frames then only multiply and add.
  const ids: string[] = [];
  const starts: Position[] = [];
  const deltas: Position[] = [];
  for (const [id, end] of to) {
    const start = from.get(id) ?? end;
    ids.push(id);
    starts.push(start);
    deltas.push({ x: end.x - start.x, y: end.y - start.y });
  }

  return new Promise<void>((resolve, reject) => {
    const startedAt = performance.now();
    let handle = 0;
    let done = false;
    const finish = () => {
      done = true;
      signal?.removeEventListener('abort', onAbort);
    };
    function onAbort() {
      cancelAnimationFrame(handle);
      finish();
      resolve();
    }
    const frame = (now: number) => {
      if (done) return;
      try {
        const t = Math.min(1, Math.max(0, (now - startedAt) / durationMs));
        if (t >= 1) {
          finish();
          onFrame(finalFrame());
          resolve();
          return;
        }
        const k = easeInOutCubic(t);
        const positions = new Map<string, Position>();
        for (let i = 0; i < ids.length; i++) {
          const s = starts[i]!;
          const d = deltas[i]!;
          positions.set(ids[i]!, { x: s.x + d.x * k, y: s.y + d.y * k });
        }
        onFrame(positions);
        // onFrame may have aborted the signal (and so settled the promise).
        if (!done) handle = requestAnimationFrame(frame);
      } catch (err) {
        finish();
        reject(err);
      }
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    handle = requestAnimationFrame(frame);
  });
}
