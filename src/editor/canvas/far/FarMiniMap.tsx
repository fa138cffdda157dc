import { useEffect, useRef } from 'react';
import { Panel, useReactFlow, useStoreApi } from '@xyflow/react';
import { nodeResult } from '../../../state/derived';
import { usePlaygroundStore } from '../../store/StoreContext';
import { farCards, visibleRect, type FarCard, type Size } from './farScene';
import { mix, readColors } from './farPaint';

const WIDTH = 200;
const HEIGHT = 150;

/**
 * The overview of a graph the far view paints. React Flow's own minimap leaves out hidden nodes,
 * and in the far view all but the awake ones are hidden, so it would show an empty box just where
 * an overview is most wanted. This one draws every card, tinted by the sign of its data, and the
 * part on screen; a press or drag on it moves the view there.
 */
export function FarMiniMap({ sizeOf }: { sizeOf(id: string): Size | undefined }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const flowStore = useStoreApi();
  const flow = useReactFlow();
  const store = usePlaygroundStore();
  const fit = useRef({ left: 0, top: 0, scale: 1 });

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = WIDTH * dpr;
    canvas.height = HEIGHT * dpr;
    let frame = 0;
    // The boxes change with the graph, not with the view: a pan only redraws the frame over them.
    let boxes: { doc: unknown; cards: FarCard[] } | null = null;
    const draw = () => {
      frame = 0;
      const s = store.getState();
      const colors = readColors(canvas);
      if (boxes?.doc !== s.doc) boxes = { doc: s.doc, cards: [...farCards(s.doc, sizeOf).values()] };
      const { cards } = boxes;
      const [x, y, zoom] = flowStore.getState().transform;
      const { width, height } = flowStore.getState();
      const seen = visibleRect({ x, y, zoom, width, height });
      let left = seen.left;
      let top = seen.top;
      let right = seen.right;
      let bottom = seen.bottom;
      for (const c of cards) {
        left = Math.min(left, c.x);
        top = Math.min(top, c.y);
        right = Math.max(right, c.x + c.width);
        bottom = Math.max(bottom, c.y + c.height);
      }
      const scale = Math.min(WIDTH / (right - left), HEIGHT / (bottom - top));
      const ox = (WIDTH - (right - left) * scale) / 2;
      const oy = (HEIGHT - (bottom - top) * scale) / 2;
      fit.current = { left: left - ox / scale, top: top - oy / scale, scale };
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, WIDTH, HEIGHT);
      ctx.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * (ox - left * scale), dpr * (oy - top * scale));
      for (const c of cards) {
        const v = nodeResult(s, c.id)?.data ?? 0;
        ctx.fillStyle = v > 0 ? mix(colors.pos, colors.panel, 0.55) : v < 0 ? mix(colors.neg, colors.panel, 0.55) : mix(colors.border, colors.panel, 1);
        ctx.fillRect(c.x, c.y, c.width, c.height);
      }
      ctx.lineWidth = 2 / scale;
      ctx.strokeStyle = colors.accent;
      ctx.strokeRect(seen.left, seen.top, seen.right - seen.left, seen.bottom - seen.top);
      canvas.dataset.cards = String(cards.length);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    const offFlow = flowStore.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) schedule();
    });
    const offStore = store.subscribe((s, prev) => {
      if (s.doc !== prev.doc) schedule();
    });
    schedule();
    return () => {
      if (frame) cancelAnimationFrame(frame);
      offFlow();
      offStore();
    };
  }, [flowStore, store, sizeOf]);

  /** Centres the view on the flow point under a press on the overview, at the same zoom. */
  const moveTo = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const { left, top, scale } = fit.current;
    void flow.setCenter(left + (e.clientX - r.left) / scale, top + (e.clientY - r.top) / scale, { zoom: flowStore.getState().transform[2] });
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap far-minimap">
      <canvas
        ref={canvasRef}
        style={{ width: WIDTH, height: HEIGHT, display: 'block' }}
        role="img"
        aria-label="Overview of the graph"
        data-testid="far-minimap"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => {
          if (e.buttons !== 0) moveTo(e);
        }}
      />
    </Panel>
  );
}
