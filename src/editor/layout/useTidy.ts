import { useCallback, useEffect, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import { inputPorts } from '../../document/ports';
import type { Position } from '../../document/types';
import type { PlaygroundStore } from '../../state/store';
import { animatePositions } from './animatePositions';
import { layoutPositions } from './elkLayout';

/** How long nodes glide to their new places. */
const GLIDE_MS = 450;

/**
 * Tidy: asks ELK (in its worker) for a left-to-right layout, then glides the nodes there. The
 * whole glide is one undo step. Also runs by itself when the store asks for a layout (a preset
 * was loaded), and then fits the graph in view.
 */
export function useTidy(store: PlaygroundStore): (settle?: boolean) => Promise<void> {
  const flow = useReactFlow();
  const running = useRef<AbortController | null>(null);

  /** `settle`: part of a load (no undo step of its own) rather than the person's Tidy. */
  const tidy = useCallback(async (settle = false) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    const { doc } = store.getState();
    const nodes = Object.values(doc.nodes).map((n) => {
      const measured = flow.getNode(n.id)?.measured;
      return { id: n.id, width: measured?.width ?? 0, height: measured?.height ?? 0, inputs: inputPorts(n) };
    });
    const edges = Object.values(doc.wires).map((w) => ({ id: w.id, source: w.source, target: w.target, port: w.port }));
    let target: Map<string, Position>;
    try {
      target = await layoutPositions({ nodes, edges });
    } catch (error) {
      store.getState().notify('error', `Auto-layout failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (controller.signal.aborted || store.getState().doc.nodes !== doc.nodes) return;
    const from = new Map(Object.values(doc.nodes).map((n) => [n.id, n.position]));
    const move = (p: Map<string, Position>) => (settle ? store.getState().settleNodes(p) : store.getState().moveNodes(p));
    if (!settle) store.getState().beginGesture();
    try {
      await animatePositions(from, target, GLIDE_MS, move, { signal: controller.signal });
    } finally {
      if (!settle) store.getState().endGesture();
    }
    if (!controller.signal.aborted) await flow.fitView({ padding: 0.12, duration: 350, maxZoom: 1.4 });
  }, [flow, store]);

  // A preset or a file asked for a layout: wait until React Flow has measured the new cards.
  // Starts at 0 so a request made before the editor mounted (the first visit's example) runs too.
  const layoutRequest = useRef(0);
  useEffect(() => {
    const check = (request: number) => {
      if (request === layoutRequest.current) return;
      layoutRequest.current = request;
      waitForMeasured(flow, () => void tidy(true));
    };
    check(store.getState().layoutRequest);
    return store.subscribe((s) => check(s.layoutRequest));
  }, [store, flow, tidy]);

  return tidy;
}

/** Calls back once every node has a measured size (or after a few frames, whichever is first). */
function waitForMeasured(flow: ReturnType<typeof useReactFlow>, then: () => void, frames = 30): void {
  const nodes = flow.getNodes();
  if (frames <= 0 || (nodes.length > 0 && nodes.every((n) => n.measured?.width))) {
    then();
    return;
  }
  requestAnimationFrame(() => waitForMeasured(flow, then, frames - 1));
}
