import { useEffect } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import { hoverLift, isCompactZoom } from './semanticZoom';

const compactSelector = (s: ReactFlowState): boolean => isCompactZoom(s.transform[2]);
const liftSelector = (s: ReactFlowState): number => hoverLift(s.transform[2]);
const domSelector = (s: ReactFlowState) => s.domNode;

/**
 * Marks the canvas as zoomed out (`is-compact`) and sets how much a hovered card grows
 * (`--card-lift`), straight on React Flow's own element: both change only at a few zooms, and
 * setting them here re-renders nothing else. compact.css reads them for cards and wires.
 */
export function ZoomClasses() {
  const compact = useStore(compactSelector);
  const lift = useStore(liftSelector);
  const dom = useStore(domSelector);
  useEffect(() => {
    if (!dom) return;
    dom.classList.toggle('is-compact', compact);
    dom.style.setProperty('--card-lift', String(lift));
  }, [dom, compact, lift]);
  return null;
}
