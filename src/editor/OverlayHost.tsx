import { useEffect, useRef } from 'react';
import { useStoreApi, type InternalNode } from '@xyflow/react';
import { GradientFlowOverlay, type FlowSource } from '../renderers/gradientFlow/GradientFlowOverlay';
import type { HandlePoint, NodeBox } from '../renderers/gradientFlow/protocol';
import type { PlaygroundState } from '../state/store';
import { usePlaygroundStore } from './store/StoreContext';
import './sceneCanvas.css';
import './OverlayHost.css';

/**
 * The overlay is wanted from the first visit to Backward mode (the output's halo, the watched
 * passes) or the first pass, whichever comes first. Until then it is not started, so a page
 * that only builds never downloads pixi and its worker (~110 kB gzip).
 */
function overlayWanted(s: PlaygroundState): boolean {
  return s.mode === 'backward' || s.backwardRun !== null;
}

/**
 * The thin React host of the gradient-flow overlay: a positioned, click-through box whose
 * lifetime owns one overlay (started when first wanted, then kept), and the bridge that tells
 * it where React Flow put things. Drawing is the overlay's business (in a worker), never React's.
 */
export function OverlayHost() {
  const containerRef = useRef<HTMLDivElement>(null);
  const flowStore = useStoreApi();
  const store = usePlaygroundStore();

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const flow: FlowSource = {
      viewport() {
        const [x, y, zoom] = flowStore.getState().transform;
        return { x, y, zoom };
      },
      boxes() {
        return [...flowStore.getState().nodeLookup.values()].map(boxOf);
      },
      subscribe(listener) {
        // Pans, zooms, drags and measurements all change React Flow's own store.
        let lastTransform = flowStore.getState().transform;
        let lastLookup = flowStore.getState().nodeLookup;
        return flowStore.subscribe((s) => {
          if (s.transform === lastTransform && s.nodeLookup === lastLookup) return;
          lastTransform = s.transform;
          lastLookup = s.nodeLookup;
          listener();
        });
      },
    };
    // A fresh overlay per effect run: under StrictMode the first one is destroyed at once.
    let overlay: GradientFlowOverlay | null = null;
    const startWhenWanted = (s: PlaygroundState) => {
      if (overlay || !overlayWanted(s)) return;
      overlay = new GradientFlowOverlay(store, flow);
      overlay.mount(container);
    };
    startWhenWanted(store.getState());
    const unsubscribe = store.subscribe(startWhenWanted);
    return () => {
      unsubscribe();
      overlay?.destroy();
    };
  }, [flowStore, store]);

  return <div ref={containerRef} className="overlay-host" data-testid="overlay-host" />;
}

function boxOf(node: InternalNode): NodeBox {
  const p = node.internals.positionAbsolute;
  const centres = (handles: { id?: string | null; x: number; y: number; width: number; height: number }[] | null | undefined): HandlePoint[] =>
    (handles ?? []).map((h) => ({ id: h.id ?? '', x: p.x + h.x + h.width / 2, y: p.y + h.y + h.height / 2 }));
  return {
    id: node.id,
    x: p.x,
    y: p.y,
    width: node.measured.width ?? 0,
    height: node.measured.height ?? 0,
    sources: centres(node.internals.handleBounds?.source),
    targets: centres(node.internals.handleBounds?.target),
  };
}
