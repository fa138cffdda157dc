/** Frames to wait for a card React Flow has not drawn and measured yet (a node just added). */
const MAX_FRAMES = 30;

/** The element React Flow draws a node in: focusable, with its Enter/Space selection. */
export function cardElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
}

/**
 * Moves keyboard focus to a node's card, waiting a few frames for one just added to be drawn.
 * The page never scrolls for it: React Flow pans the canvas to a focused card it cannot see.
 */
export function focusCard(id: string): void {
  let frames = 0;
  const attempt = () => {
    const el = cardElement(id);
    el?.focus({ preventScroll: true });
    // React Flow keeps a card hidden (so unfocusable) until it has measured it: try again.
    if (document.activeElement !== el && ++frames < MAX_FRAMES) requestAnimationFrame(attempt);
  };
  attempt();
}
