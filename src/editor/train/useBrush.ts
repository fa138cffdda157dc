import { useRef, type PointerEvent } from 'react';
import { MAX_POINTS } from '../../data';
import type { TrainingSetup } from '../../document/types';
import { createPlotMapping, plotRangesOf, plotRect, type PlotMapping } from '../../renderers/plotMapping';
import type { PlaygroundStore } from '../../state/store';
import { datasetsOf, setupOf } from '../../training/setup';
import { ERASER_RADIUS_PX, pointsUnder, StrokeSampler } from './brush';

/** What a press on the plot does: paint points of a class, or erase added points. */
export type BrushTool = { kind: 'paint'; label: number } | { kind: 'erase' };

type AddedPoint = TrainingSetup['added'][number];

/** One stroke in progress: the mapping it started with, and its points not yet in the document. */
interface Stroke {
  pointerId: number;
  tool: BrushTool;
  mapping: PlotMapping;
  sampler: StrokeSampler;
  host: HTMLElement;
  pending: AddedPoint[];
  erase: [number, number][];
  /** The eraser's last position, to sweep the gap to the next one. */
  last: [number, number];
  frame: number;
  full: boolean;
}

/** Rounds a coordinate to about a thousandth of the plot's span: tidy in the saved file, exact enough. */
function tidy(v: number, span: number): number {
  const decimals = Math.min(12, Math.max(0, Math.ceil(-Math.log10(span / 1000))));
  return Number(v.toFixed(decimals)) + 0;
}

/** Pointer position inside the host's padding box, where the canvas is. */
export function localPoint(host: HTMLElement, e: { clientX: number; clientY: number }): [number, number] {
  const r = host.getBoundingClientRect();
  return [e.clientX - r.left - host.clientLeft, e.clientY - r.top - host.clientTop];
}

/** The mapping the renderer uses for the host's current size; the canvas fills the host's padding box. */
export function mappingOf(host: HTMLElement, setup: TrainingSetup): PlotMapping {
  const [xRange, yRange] = plotRangesOf(setup);
  return createPlotMapping(xRange, yRange, plotRect(host.clientWidth, host.clientHeight));
}

/**
 * The data plot's brush and eraser, on pointer events (mouse, pen and touch alike). A press
 * paints a point where it lands (today's click-to-add) and dragging paints more along the way,
 * denser where the pointer lingers; the eraser removes the added points it passes over. A
 * stroke is one undo step (a store gesture), and its points reach the document once a frame.
 * The mapping is the one at the press, so a stroke that widens the plot's range does not drift.
 */
export function useBrush(store: PlaygroundStore, tool: BrushTool | null) {
  const stroke = useRef<Stroke | null>(null);

  /** Puts the stroke's pending points (or erasures) into the document. */
  function flush(s: Stroke): void {
    s.frame = 0;
    const state = store.getState();
    const setup = setupOf(state.doc);
    if (s.tool.kind === 'paint' && s.pending.length > 0) {
      const room = MAX_POINTS - datasetsOf(setup).all.x.length;
      const taken = s.pending.slice(0, Math.max(0, room));
      s.pending = [];
      if (taken.length > 0) state.updateSetup({ added: [...setup.added, ...taken] });
      if (taken.length === 0 && !s.full) {
        s.full = true;
        state.notify('error', `The dataset already has ${MAX_POINTS} points, the most training can handle. Erase or clear added points first.`);
      }
    } else if (s.tool.kind === 'erase' && s.erase.length > 0) {
      const at = setup.added.map((p) => s.mapping.toPixel(p.x[0]!, p.x[1] ?? 0));
      const gone = new Set(s.erase.flatMap(([px, py]) => pointsUnder(at, px, py)));
      s.erase = [];
      if (gone.size > 0) state.updateSetup({ added: setup.added.filter((_, i) => !gone.has(i)) });
    }
  }

  function queue(s: Stroke, px: number, py: number): void {
    if (px < 0 || py < 0 || px > s.host.clientWidth || py > s.host.clientHeight) return;
    if (s.tool.kind === 'erase') s.erase.push([px, py]);
    else {
      const [x, y] = s.mapping.toData(px, py);
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      const { xRange, yRange } = s.mapping;
      s.pending.push({ x: [tidy(x, xRange[1] - xRange[0]), tidy(y, yRange[1] - yRange[0])], label: s.tool.label });
    }
    s.frame ||= requestAnimationFrame(() => flush(s));
  }

  function end(e: PointerEvent<HTMLElement>): void {
    const s = stroke.current;
    if (!s || s.pointerId !== e.pointerId) return;
    stroke.current = null;
    if (s.frame) cancelAnimationFrame(s.frame);
    flush(s);
    store.getState().endGesture();
  }

  return {
    onPointerDown(e: PointerEvent<HTMLElement>) {
      if (!tool || e.button !== 0 || stroke.current) return;
      const host = e.currentTarget;
      const [px, py] = localPoint(host, e);
      const s: Stroke = {
        pointerId: e.pointerId,
        tool,
        mapping: mappingOf(host, setupOf(store.getState().doc)),
        sampler: new StrokeSampler(px, py, e.timeStamp),
        host,
        pending: [],
        erase: [],
        last: [px, py],
        frame: 0,
        full: false,
      };
      stroke.current = s;
      // Moves keep coming here even when the pointer leaves the plot mid-stroke.
      host.setPointerCapture?.(e.pointerId);
      store.getState().beginGesture();
      queue(s, px, py);
    },
    onPointerMove(e: PointerEvent<HTMLElement>) {
      const s = stroke.current;
      if (!s || s.pointerId !== e.pointerId) return;
      const [px, py] = localPoint(s.host, e);
      if (s.tool.kind === 'erase') {
        // Sweep in steps well under the eraser's radius, so a quick swipe leaves no gaps.
        const [x0, y0] = s.last;
        const steps = Math.max(1, Math.ceil(Math.hypot(px - x0, py - y0) / (ERASER_RADIUS_PX / 2)));
        for (let i = 1; i <= steps; i++) queue(s, x0 + ((px - x0) * i) / steps, y0 + ((py - y0) * i) / steps);
        s.last = [px, py];
      } else for (const [qx, qy] of s.sampler.moveTo(px, py, e.timeStamp)) queue(s, qx, qy);
    },
    onPointerUp: end,
    onPointerCancel: end,
  };
}
