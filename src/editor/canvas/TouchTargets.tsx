import { useEffect } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';

// Two decimals: a pinch changes the variable a few dozen times, not on every frame's float.
const zoomOf = (s: ReactFlowState) => Math.round(s.transform[2] * 100) / 100;
const domOf = (s: ReactFlowState) => s.domNode;

/**
 * Keeps `--handle-zoom` on the canvas at the view's zoom, so a handle's invisible touch target
 * (FlowCanvas.css) is 32 screen pixels wide whatever the zoom: the dot is 9 px in the graph's
 * own units, far too small under a finger once the view is zoomed out to fit.
 */
export function TouchTargets() {
  const zoom = useStore(zoomOf);
  const dom = useStore(domOf);
  useEffect(() => {
    dom?.style.setProperty('--handle-zoom', String(zoom));
  }, [dom, zoom]);
  return null;
}
