import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { FlowGeometry } from '../renderers/flowGeometry';
import { GradientFlowRenderer } from '../renderers/GradientFlowRenderer';
import { usePlaygroundStore } from './store/StoreContext';

/**
 * The thin React host of the gradient-flow overlay: a positioned, click-through box whose
 * lifetime owns one renderer, and the bridge that tells the renderer where React Flow put
 * things. Drawing is the renderer's business, never React's.
 */
export function OverlayHost() {
  const containerRef = useRef<HTMLDivElement>(null);
  const flowStore = useStoreApi();
  const store = usePlaygroundStore();

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const geometry: FlowGeometry = {
      viewport() {
        const [x, y, zoom] = flowStore.getState().transform;
        return { x, y, zoom };
      },
      nodeRect(id) {
        const node = flowStore.getState().nodeLookup.get(id);
        if (!node) return null;
        const p = node.internals.positionAbsolute;
        return { x: p.x, y: p.y, width: node.measured.width ?? 0, height: node.measured.height ?? 0 };
      },
      handle(id, type, handleId) {
        const node = flowStore.getState().nodeLookup.get(id);
        const handles = node?.internals.handleBounds?.[type];
        const h = handles?.find((x) => x.id === handleId) ?? handles?.[0];
        if (!node || !h) return null;
        const p = node.internals.positionAbsolute;
        return { x: p.x + h.x + h.width / 2, y: p.y + h.y + h.height / 2 };
      },
    };
    // A fresh renderer per effect run: under StrictMode the first one is destroyed while its
    // init is still pending, and it then discards its canvas instead of appending it.
    const renderer = new GradientFlowRenderer(store, geometry);
    renderer.mount(container).catch((error: unknown) => {
      console.error('The gradient-flow overlay could not start (is WebGL available?):', error);
    });
    // Pans, zooms, drags and measurements move what the overlay draws around: redraw then.
    const unsubscribe = flowStore.subscribe(() => renderer.requestFrame());
    return () => {
      unsubscribe();
      renderer.destroy();
    };
  }, [flowStore, store]);

  return <div ref={containerRef} className="overlay-host" data-testid="overlay-host" />;
}
