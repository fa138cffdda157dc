import { useEffect } from 'react';
import { useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { nodeIdOf, type AwakeCards } from './awakeCards';

const domSelector = (s: ReactFlowState) => s.domNode;

/** How many frames Tab waits for the card it woke to mount before giving up. */
const MOUNT_FRAMES = 30;

/** The card Tab (or Shift+Tab) goes to from `from` in `order`, or null past either end. */
export function nextInTabOrder(order: readonly string[], from: string | null, back: boolean): string | null {
  const at = from === null ? -1 : order.indexOf(from);
  if (at < 0) return back ? null : (order[0] ?? null);
  return order[at + (back ? -1 : 1)] ?? null;
}

/**
 * Tells the far view which card the pointer is over and which one has keyboard focus, with one
 * listener on the canvas for all of them. A card the far view draws has no element of its own:
 * `hitTest` finds it from the pointer's position, and Tab wakes the next card in the graph's
 * order (`tabOrder`, null while every card is mounted and Tab finds them itself) and focuses
 * it, so a keyboard reaches every card as it does when zoomed in.
 */
export function WakeTracker({
  awake,
  hitTest,
  tabOrder,
}: {
  awake: AwakeCards;
  hitTest(clientX: number, clientY: number): string | null;
  tabOrder(): readonly string[] | null;
}) {
  const dom = useStore(domSelector);
  const flowStore = useStoreApi();
  useEffect(() => {
    if (!dom) return;
    const move = (e: PointerEvent) => {
      // Panning (a button held, no wire being drawn) wakes nothing: cards would mount and
      // unmount under a moving canvas for no one to read.
      if (e.buttons !== 0 && !flowStore.getState().connection.inProgress) return;
      awake.hover(nodeIdOf(e.target) ?? hitTest(e.clientX, e.clientY));
    };
    const leave = () => awake.hover(null);
    /** True while Tab is taking focus to a card that has not mounted yet. */
    let moving = false;
    /** When Tab last went down anywhere on the page (to tell tabbing in from clicking in). */
    let lastTab = -Infinity;
    const wakeAndFocus = (id: string) => {
      moving = true;
      awake.focus(id);
      // The card mounts a few renders later (React Flow takes it from the nodes in an effect).
      let frames = 0;
      const focusWhenMounted = () => {
        // Until React Flow has measured it, a new card is invisible and refuses focus: try again.
        const card = dom.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
        card?.focus();
        if (card?.contains(document.activeElement) || ++frames >= MOUNT_FRAMES) moving = false;
        else requestAnimationFrame(focusWhenMounted);
      };
      focusWhenMounted();
    };
    const focusIn = (e: FocusEvent) => {
      const id = nodeIdOf(e.target);
      const order = tabOrder();
      const from = e.relatedTarget;
      // Tabbing in from before the canvas, with no card mounted, lands on its first control:
      // the first card instead, as when every card is mounted.
      const tabbedIn = e.timeStamp - lastTab < 500 && from instanceof Node && !dom.contains(from) && (from.compareDocumentPosition(dom) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      if (id === null && order && order.length > 0 && tabbedIn) {
        wakeAndFocus(order[0]!);
        return;
      }
      if (!moving || id !== null) awake.focus(id);
    };
    // Focus leaving for somewhere outside the canvas: no card holds it. (The card Tab leaves
    // unmounts as the next one wakes, which drops focus for a moment: that is not leaving.)
    const focusOut = (e: FocusEvent) => {
      if (moving) return;
      if (!(e.relatedTarget instanceof Node) || !dom.contains(e.relatedTarget)) awake.focus(null);
    };
    const noteTab = (e: KeyboardEvent) => {
      if (e.key === 'Tab') lastTab = e.timeStamp;
    };
    const keyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
      const order = tabOrder();
      // Only from a card itself: Tab inside a card's fields, or on the controls, moves as usual.
      const from = nodeIdOf(e.target);
      const onCard = from !== null && (e.target as Element).classList.contains('react-flow__node');
      if (!order || !onCard) return;
      const next = nextInTabOrder(order, from, e.shiftKey);
      if (next === null) return;
      e.preventDefault();
      wakeAndFocus(next);
    };
    window.addEventListener('keydown', noteTab, true);
    dom.addEventListener('keydown', keyDown);
    dom.addEventListener('pointermove', move);
    dom.addEventListener('pointerleave', leave);
    dom.addEventListener('focusin', focusIn);
    dom.addEventListener('focusout', focusOut);
    return () => {
      window.removeEventListener('keydown', noteTab, true);
      dom.removeEventListener('keydown', keyDown);
      dom.removeEventListener('pointermove', move);
      dom.removeEventListener('pointerleave', leave);
      dom.removeEventListener('focusin', focusIn);
      dom.removeEventListener('focusout', focusOut);
    };
  }, [dom, awake, hitTest, tabOrder, flowStore]);
  return null;
}
