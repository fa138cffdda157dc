/**
 * Whether the person asked their system for less motion (`prefers-reduced-motion: reduce`).
 * The one place script decides it (theme.css decides it for CSS): Backward then fills the
 * grads at once instead of animating, Tidy and view moves jump instead of gliding, and the
 * canvas scenes skip their pulses (a landing grad's ring only fades). It sits in
 * renderers/, beside themeColors.ts, as the lowest layer that reads the browser, so the scene
 * hosts and the editor ask the same question the same way. Read at the moment of use, so a
 * change of the system setting counts from the next action on. False where there is no
 * `matchMedia` (Node, old browsers).
 */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * How long an animation of `ms` should run: `ms`, or 0 (jump straight to the end) for people
 * who asked for less motion. For view moves (fit view, opening a saved view) and glides.
 */
export function motionMs(ms: number): number {
  return prefersReducedMotion() ? 0 : ms;
}
