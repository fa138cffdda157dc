import type { ReactFlowInstance } from '@xyflow/react';
import { motionMs } from '../../renderers/reducedMotion';

/** Frames to wait for a card React Flow has not drawn and measured yet (a node just added). */
const MAX_FRAMES = 30;
/** Room kept between a revealed card and the canvas's edge. */
const MARGIN = 24;

/** The element React Flow draws a node in: focusable, with its Enter/Space selection. */
export function cardElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
}

/**
 * Moves keyboard focus to a node's card, waiting a few frames for one just added to be drawn.
 * The page never scrolls for it. With `flow`, a card not wholly in view is brought to the
 * middle (React Flow itself pans only to a card entirely out of sight).
 */
export function focusCard(id: string, flow?: ReactFlowInstance): void {
  let frames = 0;
  const attempt = () => {
    const el = cardElement(id);
    el?.focus({ preventScroll: true });
    // React Flow keeps a card hidden (so unfocusable) until it has measured it: try again.
    if (document.activeElement !== el && ++frames < MAX_FRAMES) requestAnimationFrame(attempt);
    else if (el && flow) reveal(el, id, flow);
  };
  attempt();
}

function reveal(el: HTMLElement, id: string, flow: ReactFlowInstance): void {
  const pane = el.closest('.react-flow')?.getBoundingClientRect();
  const card = el.getBoundingClientRect();
  const node = flow.getNode(id);
  if (!pane || !node) return;
  const inside = card.left >= pane.left + MARGIN && card.right <= pane.right - MARGIN && card.top >= pane.top + MARGIN && card.bottom <= pane.bottom - MARGIN;
  if (inside) return;
  const width = node.measured?.width ?? 0;
  const height = node.measured?.height ?? 0;
  void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: flow.getZoom(), duration: motionMs(200) });
}
