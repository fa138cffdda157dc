import { useEffect } from 'react';
import { useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { nodeIdOf, type AwakeCards } from './awakeCards';

const domSelector = (s: ReactFlowState) => s.domNode;

/**
 * Tells the far view which card the pointer is over and which one has keyboard focus, with one
 * listener on the canvas for all of them. A card the far view draws has no element of its own:
 * `hitTest` finds it from the pointer's position.
 */
export function WakeTracker({ awake, hitTest }: { awake: AwakeCards; hitTest(clientX: number, clientY: number): string | null }) {
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
    const focusIn = (e: FocusEvent) => awake.focus(nodeIdOf(e.target));
    // Focus leaving for somewhere outside the canvas: no card holds it.
    const focusOut = (e: FocusEvent) => {
      if (!(e.relatedTarget instanceof Node) || !dom.contains(e.relatedTarget)) awake.focus(null);
    };
    dom.addEventListener('pointermove', move);
    dom.addEventListener('pointerleave', leave);
    dom.addEventListener('focusin', focusIn);
    dom.addEventListener('focusout', focusOut);
    return () => {
      dom.removeEventListener('pointermove', move);
      dom.removeEventListener('pointerleave', leave);
      dom.removeEventListener('focusin', focusIn);
      dom.removeEventListener('focusout', focusOut);
    };
  }, [dom, awake, hitTest, flowStore]);
  return null;
}
