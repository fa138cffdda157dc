import { useStore, type ReactFlowState } from '@xyflow/react';
import { isCompactZoom } from './semanticZoom';

/** React Flow's zoom reduced to one boolean, so a card re-renders only when the zoom crosses the threshold. */
const compactSelector = (s: ReactFlowState): boolean => isCompactZoom(s.transform[2]);

/** True while the canvas is zoomed out far enough for compact cards. */
export function useCompactZoom(): boolean {
  return useStore(compactSelector);
}
