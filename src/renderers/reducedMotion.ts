/**
 * Whether the person asked their system for less motion (`prefers-reduced-motion: reduce`).
 * The one place the page decides it: Backward then fills the grads at once instead of
 * animating, Tidy jumps instead of gliding, and the canvas scenes skip their pulses. It sits in
 * renderers/, beside themeColors.ts, as the lowest layer that reads the browser, so the scene
 * hosts and the editor ask the same question the same way. Read at the moment of use, so a
 * change of the system setting counts from the next action on. False where there is no
 * `matchMedia` (Node, old browsers).
 */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
