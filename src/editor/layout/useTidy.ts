import { useCallback, useEffect, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { inputPorts } from '../../document/ports';
import { storedLayoutSizes, type CardSize } from '../../document/presets';
import type { Position } from '../../document/types';
import type { PlaygroundStore } from '../../state/store';
import { FIT_MIN_ZOOM } from '../nodes/compact/semanticZoom';
import { animatePositions } from './animatePositions';
import { motionMs } from '../../renderers/reducedMotion';

/**
 * How far (px) a card may measure from the size its stored layout was made for and still keep
 * that layout: a pixel of font rounding moves nothing, a card grown wider could overlap.
 */
const STORED_SIZE_SLACK = 2;

/** How long nodes glide to their new places. */
const GLIDE_MS = 450;

/** What {@link useTidy} gives the editor. */
export interface Tidy {
  /** Lays the graph out; `settle`: part of a load (no undo step, no glide) rather than the person's Tidy. */
  tidy(settle?: boolean): Promise<void>;
  /** True while a loaded graph waits for its layout: the canvas hides it until it lands laid out. */
  arranging: boolean;
}

/**
 * Tidy: asks ELK (in its worker) for a left-to-right layout, then glides the nodes there. The
 * whole glide is one undo step. Also runs by itself when the store asks for a layout (an example
 * or a file was loaded): then the nodes jump straight to their places, hidden until they are
 * there, so a graph appears already laid out exactly as Tidy would lay it out. An example
 * carries that layout already (presets/storedLayout.ts): it is only fitted, with no ELK at all,
 * unless its cards measure another size than the layout was made for.
 */
export function useTidy(store: PlaygroundStore): Tidy {
  const flow = useReactFlow();
  const running = useRef<AbortController | null>(null);
  const [arranging, setArranging] = useState(false);

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
      // ELK (elk-api and its 1.6 MB worker) loads with the first layout, not with the page.
      const { layoutPositions } = await import('./elkLayout');
      target = await layoutPositions({ nodes, edges });
    } catch (error) {
      if (running.current === controller) setArranging(false);
      store.getState().notify('error', `Auto-layout failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (controller.signal.aborted || store.getState().doc.nodes !== doc.nodes) {
      if (running.current === controller) setArranging(false);
      return;
    }
    if (settle) {
      store.getState().settleNodes(target);
      // Fit once React Flow holds the nodes at their new places, then show them.
      await untilPlaced(flow, target);
      if (!controller.signal.aborted) await flow.fitView({ padding: 0.12, maxZoom: 1.4, minZoom: FIT_MIN_ZOOM });
      if (running.current === controller) setArranging(false);
      return;
    }
    const from = new Map(Object.values(doc.nodes).map((n) => [n.id, n.position]));
    const move = (p: Map<string, Position>) => store.getState().moveNodes(p);
    store.getState().beginGesture();
    try {
      await animatePositions(from, target, GLIDE_MS, move, { signal: controller.signal });
    } finally {
      store.getState().endGesture();
    }
    if (!controller.signal.aborted) await flow.fitView({ padding: 0.12, duration: motionMs(350), maxZoom: 1.4, minZoom: FIT_MIN_ZOOM });
  }, [flow, store]);

  // A preset or a file asked for a layout: wait until React Flow has measured the new cards.
  // Starts at 0 so a request made before the editor mounted (the first visit's example) runs too.
  const layoutRequest = useRef(0);
  useEffect(() => {
    const check = (request: number) => {
      if (request === layoutRequest.current) return;
      layoutRequest.current = request;
      setArranging(true);
      waitForMeasured(flow, Object.keys(store.getState().doc.nodes), () => {
        const { doc } = store.getState();
        if (!placedAsStored(flow, storedLayoutSizes(doc))) return void tidy(true);
        // Hidden only until measured and fitted (a frame or two): the places are final already.
        running.current?.abort();
        running.current = null;
        void flow.fitView({ padding: 0.12, maxZoom: 1.4, minZoom: FIT_MIN_ZOOM }).finally(() => {
          if (layoutRequest.current === request) setArranging(false);
        });
      });
    };
    check(store.getState().layoutRequest);
    return store.subscribe((s) => check(s.layoutRequest));
  }, [store, flow, tidy]);

  return { tidy, arranging };
}

/** True when every card measures (within the slack) the size its stored layout was made for. */
function placedAsStored(flow: ReturnType<typeof useReactFlow>, sizes: ReadonlyMap<string, CardSize> | undefined): boolean {
  if (!sizes) return false;
  const nodes = flow.getNodes();
  return (
    nodes.length === sizes.size &&
    nodes.every((n) => {
      const stored = sizes.get(n.id);
      const { width = 0, height = 0 } = n.measured ?? {};
      return stored !== undefined && Math.abs(width - stored.width) <= STORED_SIZE_SLACK && Math.abs(height - stored.height) <= STORED_SIZE_SLACK;
    })
  );
}

/** Resolves once React Flow's nodes sit at `target` (or after a few frames, whichever is first). */
async function untilPlaced(flow: ReturnType<typeof useReactFlow>, target: ReadonlyMap<string, Position>, frames = 30): Promise<void> {
  for (let i = 0; i < frames; i++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const placed = flow.getNodes().every((n) => {
      const p = target.get(n.id);
      return !p || (n.position.x === p.x && n.position.y === p.y);
    });
    if (placed) return;
  }
}

/**
 * Calls back once every node of the loaded graph has a measured size (or after a few frames,
 * whichever is first). Right after a load, React Flow may still hold the previous graph's
 * nodes, all measured: the ids say which nodes to wait for, so ELK never lays out cards of
 * size 0 (that overlapped them).
 */
function waitForMeasured(flow: ReturnType<typeof useReactFlow>, ids: readonly string[], then: () => void, frames = 60): void {
  const measured = ids.every((id) => flow.getNode(id)?.measured?.width);
  if (frames <= 0 || measured) {
    then();
    return;
  }
  requestAnimationFrame(() => waitForMeasured(flow, ids, then, frames - 1));
}
