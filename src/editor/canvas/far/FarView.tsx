import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import { unnamedOpNames } from '../../../document/codegen/nodeNames';
import type { GraphDoc } from '../../../document/types';
import { findOp } from '../../../engine';
import { accumulatedGrad, nodeProblem, nodeResult } from '../../../state/derived';
import type { PlaygroundState } from '../../../state/store';
import { compactHead } from '../../nodes/compact/semanticZoom';
import { usePlaygroundStore } from '../../store/StoreContext';
import { cardAt, cardsOnScreen, farCards, farWires, sameGeometry, wiresOnScreen, type FarCard, type FarWire, type Size, type View } from './farScene';
import { paintFar, readColors, type FarCardLook } from './farPaint';
import './FarView.css';

/** The number a far card shows: as a compact card's, the grad in Backward mode after a pass, else the data. */
function shownNumber(s: PlaygroundState, id: string): number {
  const backward = s.mode === 'backward' && (s.grads.passes > 0 || s.backwardRun !== null);
  return backward ? accumulatedGrad(s, id) : (nodeResult(s, id)?.data ?? NaN);
}

/** A far card's name line, as the compact cards write it. */
function headOf(doc: GraphDoc, id: string): string {
  const node = doc.nodes[id];
  if (!node) return '';
  switch (node.kind) {
    case 'op': {
      const op = findOp(node.op);
      const name = node.label || unnamedOpNames(doc).get(id) || op?.label || '';
      return compactHead(op?.glyph ?? '?', name, node.label !== '');
    }
    case 'loss':
      return compactHead('ℒ', node.label || 'loss', true);
    case 'constant':
      return '';
    default:
      return node.label || node.kind;
  }
}

/** What a canvas's far view needs from it. */
export interface FarViewProps {
  /** True while the graph is drawn here rather than as DOM cards. */
  enabled: boolean;
  /** The full cards' measured sizes. */
  sizeOf(id: string): Size | undefined;
  /** Set to the far view's hit test while it draws (null when it does not). */
  hitRef: { current: ((clientX: number, clientY: number) => string | null) | null };
}

/**
 * The far view: a big graph zoomed out, painted on one canvas under React Flow's layer (cards
 * as their compact forms, wires by the sign they carry) while React Flow mounts only the awake
 * cards (awakeCards.ts). It repaints at most once a frame, when the view, the graph, its
 * numbers or the selection change, and marks each paint ('playground:far-draw') for the bench.
 */
export function FarView({ enabled, sizeOf, hitRef }: FarViewProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const flowStore = useStoreApi();
  const store = usePlaygroundStore();

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!enabled || !canvas || !ctx) {
      hitRef.current = null;
      return;
    }
    let colors = readColors(canvas);
    let scene: { doc: GraphDoc; lookup: unknown; cards: Map<string, FarCard>; wires: FarWire[] } | null = null;
    const sceneNow = () => {
      const doc = store.getState().doc;
      const lookup = flowStore.getState().nodeLookup;
      if (scene && scene.doc !== doc && scene.lookup === lookup && sameGeometry(scene.doc, doc, scene.cards, sizeOf)) scene.doc = doc;
      if (!scene || scene.doc !== doc || scene.lookup !== lookup) {
        const cards = farCards(doc, sizeOf);
        scene = { doc, lookup, cards, wires: farWires(doc, cards) };
      }
      return scene;
    };
    const viewNow = (): View => {
      const [x, y, zoom] = flowStore.getState().transform;
      return { x, y, zoom, width: canvas.clientWidth, height: canvas.clientHeight };
    };
    let frame = 0;
    let drawnDoc: GraphDoc | null = null;
    // What the picture shows changes with the graph, its numbers, the selection and the measured
    // sizes; a pan only moves it. So the scene is painted once into a cache larger than the
    // screen (half a screen more each side) and a pan copies from it; a zoom shows the cache
    // scaled until the wheel rests, then paints it sharp again, as map viewers do.
    let version = 0;
    const cache = document.createElement('canvas');
    const cacheCtx = cache.getContext('2d')!;
    let cached: { version: number; view: View; dpr: number } | null = null;
    let settle = 0;
    const paintCache = (view: View, dpr: number) => {
      const margin = Math.round(Math.max(view.width, view.height) / 2);
      const cacheView: View = { x: view.x + margin, y: view.y + margin, zoom: view.zoom, width: view.width + 2 * margin, height: view.height + 2 * margin };
      const w = Math.round(cacheView.width * dpr);
      const h = Math.round(cacheView.height * dpr);
      if (cache.width !== w || cache.height !== h) {
        cache.width = w;
        cache.height = h;
      }
      const s = store.getState();
      const { cards, wires } = sceneNow();
      const selected = new Set(s.selection);
      const look = (id: string): FarCardLook | null => ({ head: headOf(s.doc, id), value: shownNumber(s, id), error: nodeProblem(s, id) !== null, selected: selected.has(id) });
      const wireValue = (wire: FarWire) => {
        const r = nodeResult(s, wire.source);
        if (!r) return NaN;
        return r.outputs && wire.from ? (r.outputs.find((o) => o.port === wire.from)?.data ?? NaN) : r.data;
      };
      paintFar(cacheCtx, cacheView, dpr, colors, wiresOnScreen(wires, cacheView), wireValue, cardsOnScreen(cards.values(), cacheView), look);
      cached = { version, view: cacheView, dpr };
      canvas.dataset.cards = String(cards.size);
      // The bench times an edit to the first paint of the new numbers: say when one is.
      performance.mark('playground:far-draw', { detail: { newDoc: s.doc !== drawnDoc } });
      drawnDoc = s.doc;
    };
    const draw = () => {
      frame = 0;
      const dpr = window.devicePixelRatio || 1;
      const w = Math.round(canvas.clientWidth * dpr);
      const h = Math.round(canvas.clientHeight * dpr);
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
        cached = null;
      }
      const view = viewNow();
      const fresh = cached !== null && cached.version === version && cached.dpr === dpr;
      const dx = cached ? view.x - cached.view.x : 0;
      const dy = cached ? view.y - cached.view.y : 0;
      const margin = cached ? (cached.view.width - view.width) / 2 : 0;
      const inside = cached !== null && dx <= 0 && dy <= 0 && dx >= -2 * margin && dy >= -2 * margin;
      if (!fresh || (cached!.view.zoom === view.zoom && !inside)) {
        paintCache(view, dpr);
      } else if (cached!.view.zoom !== view.zoom) {
        // Mid-zoom: the cache scaled, sharp again once the zoom has rested.
        clearTimeout(settle);
        settle = window.setTimeout(() => {
          cached = null;
          schedule();
        }, 150);
      }
      const c = cached!;
      const k = view.zoom / c.view.zoom;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(cache, (view.x - c.view.x * k) * dpr, (view.y - c.view.y * k) * dpr, cache.width * k, cache.height * k);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    hitRef.current = (clientX, clientY) => {
      const r = canvas.getBoundingClientRect();
      const [x, y, zoom] = flowStore.getState().transform;
      return cardAt(sceneNow().cards, (clientX - r.left - x) / zoom, (clientY - r.top - y) / zoom);
    };
    const changed = () => {
      version++;
      schedule();
    };
    const offFlow = flowStore.subscribe((s, prev) => {
      if (s.nodeLookup !== prev.nodeLookup) changed();
      else if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) schedule();
    });
    const offStore = store.subscribe((s, prev) => {
      if (s.doc !== prev.doc || s.grads !== prev.grads || s.mode !== prev.mode || s.backwardRun !== prev.backwardRun || s.selection !== prev.selection) changed();
    });
    // The theme switches by a class on the document: read its colours again.
    const themes = new MutationObserver(() => {
      colors = readColors(canvas);
      changed();
    });
    themes.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme', 'style'] });
    schedule();
    return () => {
      if (frame) cancelAnimationFrame(frame);
      clearTimeout(settle);
      offFlow();
      offStore();
      themes.disconnect();
      hitRef.current = null;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
    };
  }, [enabled, flowStore, store, sizeOf, hitRef]);

  return <canvas ref={canvasRef} className={`far-view${enabled ? ' is-on' : ''}`} data-testid="far-view" aria-hidden="true" />;
}
