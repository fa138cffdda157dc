import { compactNumber, magnitudeTint } from '../../nodes/compact/semanticZoom';
import { farDrawsText, type FarCard, type FarWire, type View } from './farScene';

/** The theme's colours the far view paints with, read from the canvas's CSS variables. */
export interface FarColors {
  pos: Rgb;
  neg: Rgb;
  panel: Rgb;
  border: Rgb;
  text: string;
  accent: string;
  danger: string;
  font: string;
}

type Rgb = [number, number, number];

/** What the far view shows of one card. */
export interface FarCardLook {
  head: string;
  value: number;
  error: boolean;
  selected: boolean;
}

/** '#4fb3ff' or 'rgb(79, 179, 255)' as numbers; grey when unreadable. */
export function parseRgb(css: string): Rgb {
  const s = css.trim();
  const hex = /^#([0-9a-f]{6})$/i.exec(s);
  if (hex) {
    const n = parseInt(hex[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(s);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return [128, 128, 128];
}

/** `a` mixed into `b` by share t (0..1), as CSS color-mix(in srgb, a t, b). */
export function mix(a: Rgb, b: Rgb, t: number): string {
  const c = (i: number) => Math.round(a[i]! * t + b[i]! * (1 - t));
  return `rgb(${c(0)}, ${c(1)}, ${c(2)})`;
}

/** The theme's colours, read off an element inside the canvas. */
export function readColors(el: Element): FarColors {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name);
  return {
    pos: parseRgb(v('--pos')),
    neg: parseRgb(v('--neg')),
    panel: parseRgb(v('--panel')),
    border: parseRgb(v('--border-strong')),
    text: v('--text').trim() || '#888',
    accent: v('--accent').trim() || '#fc0',
    danger: v('--danger').trim() || '#f33',
    font: v('--font-mono').trim() || 'monospace',
  };
}

function signRgb(colors: FarColors, x: number): Rgb | null {
  if (!(x > 0) && !(x < 0)) return null;
  return x > 0 ? colors.pos : colors.neg;
}

/** How far a wire's control points reach sideways: React Flow's rule for its bezier edges (curvature 0.25). */
export function controlOffset(dx: number): number {
  return dx >= 0 ? 0.5 * dx : 0.25 * 25 * Math.sqrt(-dx);
}

/** A card's corner radius, in flow pixels, as the DOM cards have it. */
const CORNER = 12;

/** Paints the wires, then the cards, of one frame. */
export function paintFar(
  ctx: CanvasRenderingContext2D,
  view: View,
  dpr: number,
  colors: FarColors,
  wires: readonly FarWire[],
  wireValue: (w: FarWire) => number,
  cards: readonly FarCard[],
  look: (id: string) => FarCardLook | null,
): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(dpr * view.zoom, 0, 0, dpr * view.zoom, dpr * view.x, dpr * view.y);

  // Wires in three strokes (positive, negative, zero), as the DOM draws them: by the sign of
  // the value they carry, stepped back so the cards read over them. The curve is React Flow's
  // bezier from a right-hand output to a left-hand input, so nothing moves when cards mount.
  const buckets: FarWire[][] = [[], [], []];
  for (const w of wires) {
    const v = wireValue(w);
    buckets[v > 0 ? 0 : v < 0 ? 1 : 2]!.push(w);
  }
  // One device pixel wide, at most 1.5 screen pixels: the browser draws a stroke that thin
  // as a hairline, several times cheaper than a wider one (2,641 wires on the bench's big
  // graph took ~50 ms to rasterize at 1.5 px, a few at 1), a little more opaque to make up.
  const thin = view.zoom * dpr * 1.5 <= 2;
  ctx.lineWidth = thin ? 1 / (view.zoom * dpr) : 1.5 / view.zoom;
  ctx.globalAlpha = thin ? 0.85 : 0.75;
  const strokes = [mix(colors.pos, colors.pos, 1), mix(colors.neg, colors.neg, 1), mix(colors.border, colors.border, 1)];
  buckets.forEach((bucket, i) => {
    ctx.beginPath();
    for (const w of bucket) {
      const bend = controlOffset(w.x2 - w.x1);
      ctx.moveTo(w.x1, w.y1);
      ctx.bezierCurveTo(w.x1 + bend, w.y1, w.x2 - bend, w.y2, w.x2, w.y2);
    }
    ctx.strokeStyle = strokes[i]!;
    ctx.stroke();
  });
  ctx.globalAlpha = 1;

  const text = farDrawsText(view.zoom);
  // Corners under two device pixels do not show: plain rectangles then, much cheaper to fill.
  const round = CORNER * view.zoom * dpr >= 2;
  ctx.textBaseline = 'middle';
  for (const c of cards) {
    const l = look(c.id);
    if (!l) continue;
    const sign = signRgb(colors, l.value);
    ctx.fillStyle = sign ? mix(sign, colors.panel, magnitudeTint(l.value)) : mix(colors.panel, colors.panel, 1);
    ctx.lineWidth = l.selected ? 6 : 2;
    ctx.strokeStyle = l.selected ? colors.accent : l.error ? colors.danger : sign ? mix(sign, colors.border, 0.6) : mix(colors.border, colors.border, 1);
    if (round) {
      ctx.beginPath();
      ctx.roundRect(c.x, c.y, c.width, c.height, CORNER);
      ctx.fill();
      ctx.stroke();
    } else {
      ctx.fillRect(c.x, c.y, c.width, c.height);
      ctx.strokeRect(c.x, c.y, c.width, c.height);
    }
    if (!text) continue;
    // The compact card's two lines: its name, and its one number in large type.
    const number = l.error ? '!' : compactNumber(l.value);
    ctx.fillStyle = colors.text;
    const pad = 8;
    const room = c.width - 2 * pad;
    const headSize = Math.min(c.height * 0.4, (1.6 * room) / Math.max(3, [...l.head].length));
    ctx.font = `650 ${headSize}px ${colors.font}`;
    ctx.fillText(l.head, c.x + pad, c.y + c.height * 0.3, room);
    const numberSize = Math.min(c.height * 0.44, (1.6 * room) / Math.max(3, [...number].length));
    ctx.font = `700 ${numberSize}px ${colors.font}`;
    ctx.fillText(number, c.x + pad, c.y + c.height * 0.72, room);
  }
}
