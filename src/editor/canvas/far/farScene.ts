import { inputPorts, outputPorts } from '../../../document/ports';
import type { GraphDoc } from '../../../document/types';
import { boxOf, inputPortY, outputPortY } from '../../files/svgCardKinds';
import { COMPACT_TEXT_PX } from '../../nodes/compact/semanticZoom';

/**
 * The far view's scene, worked out without a DOM (so Node tests it): which cards and wires of a
 * big zoomed-out graph are on screen, where, and whether their text is big enough to draw. The
 * far view (FarView.tsx) paints it on one canvas instead of mounting a DOM card per node: with
 * 1,800 cards on screen the browser spent hundreds of milliseconds per frame painting and
 * hit-testing the DOM, however light each card was.
 */

/** A card's size in flow pixels. */
export interface Size {
  width: number;
  height: number;
}

/** The canvas's view: flow → screen is screen = flow · zoom + (x, y). */
export interface View {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
}

/** One card to draw, in flow pixels. */
export interface FarCard {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One wire to draw: a bezier from an output's right edge to an input's left edge, in flow pixels. */
export interface FarWire {
  id: string;
  source: string;
  /** The source output's port when the node has several (a layer's y0…). */
  from: string | undefined;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Below this size on screen text is not drawn: the card's tint and the wires carry the picture. */
export const FAR_TEXT_MIN_PX = 6;

/** True when compact text (COMPACT_TEXT_PX flow pixels tall) is big enough to draw at this zoom. */
export function farDrawsText(zoom: number): boolean {
  return COMPACT_TEXT_PX * zoom >= FAR_TEXT_MIN_PX;
}

/** Every card's box, the full card's measured size where known (as the DOM card would have). */
export function farCards(doc: GraphDoc, sizeOf: (id: string) => Size | undefined): Map<string, FarCard> {
  const cards = new Map<string, FarCard>();
  for (const node of Object.values(doc.nodes)) {
    const box = boxOf(node, sizeOf(node.id));
    cards.set(node.id, { id: node.id, ...box });
  }
  return cards;
}

/**
 * True when `next` draws with the same boxes and wire ends as `prev` did (the cards `prev` gave):
 * the same wires, and every node that changed (a number typed into it) keeps its box and
 * ports. Typing a number then reuses the scene rather than rebuilding 2,000 boxes.
 */
export function sameGeometry(prev: GraphDoc, next: GraphDoc, cards: ReadonlyMap<string, FarCard>, sizeOf: (id: string) => Size | undefined): boolean {
  if (prev.wires !== next.wires) return false;
  if (prev.nodes === next.nodes) return true;
  const ids = Object.keys(next.nodes);
  if (ids.length !== cards.size) return false;
  for (const id of ids) {
    const before = prev.nodes[id];
    const after = next.nodes[id]!;
    if (before === after) continue;
    const card = cards.get(id);
    if (!before || !card || before.kind !== after.kind) return false;
    if (inputPorts(before).join() !== inputPorts(after).join() || outputPorts(before).join() !== outputPorts(after).join()) return false;
    const box = boxOf(after, sizeOf(id));
    if (box.x !== card.x || box.y !== card.y || box.width !== card.width || box.height !== card.height) return false;
  }
  return true;
}

/** Every wire's end points, from the same port rules the cards' handles follow. */
export function farWires(doc: GraphDoc, cards: ReadonlyMap<string, FarCard>): FarWire[] {
  const wires: FarWire[] = [];
  for (const w of Object.values(doc.wires)) {
    const source = doc.nodes[w.source];
    const target = doc.nodes[w.target];
    const a = cards.get(w.source);
    const b = cards.get(w.target);
    if (!source || !target || !a || !b) continue;
    const outs = outputPorts(source);
    const out = Math.max(0, w.from === undefined ? 0 : outs.indexOf(w.from));
    const port = Math.max(0, inputPorts(target).indexOf(w.port));
    wires.push({
      id: w.id,
      source: w.source,
      from: w.from,
      x1: a.x + a.width,
      y1: a.y + (outs.length === 1 ? a.height / 2 : outputPortY(source, out, a.height)),
      x2: b.x,
      y2: b.y + inputPortY(target, port),
    });
  }
  return wires;
}

/** The part of the flow plane the screen shows, grown by `margin` screen pixels on each side. */
export function visibleRect(view: View, margin = 0): { left: number; top: number; right: number; bottom: number } {
  return {
    left: (-view.x - margin) / view.zoom,
    top: (-view.y - margin) / view.zoom,
    right: (view.width - view.x + margin) / view.zoom,
    bottom: (view.height - view.y + margin) / view.zoom,
  };
}

/** Cards that overlap the screen. */
export function cardsOnScreen(cards: Iterable<FarCard>, view: View): FarCard[] {
  const r = visibleRect(view, 8);
  const out: FarCard[] = [];
  for (const c of cards) if (c.x < r.right && c.x + c.width > r.left && c.y < r.bottom && c.y + c.height > r.top) out.push(c);
  return out;
}

/** Wires whose box overlaps the screen (a bezier stays inside the box of its end points, widened by its bend). */
export function wiresOnScreen(wires: readonly FarWire[], view: View): FarWire[] {
  const r = visibleRect(view, 8);
  return wires.filter((w) => {
    const bend = Math.abs(w.x2 - w.x1) * 0.5;
    return Math.min(w.x1, w.x2) - bend < r.right && Math.max(w.x1, w.x2) + bend > r.left && Math.min(w.y1, w.y2) < r.bottom && Math.max(w.y1, w.y2) > r.top;
  });
}

/** The card under a flow point, the topmost (last drawn) first. */
export function cardAt(cards: ReadonlyMap<string, FarCard>, x: number, y: number): string | null {
  let hit: string | null = null;
  for (const c of cards.values()) if (x >= c.x && x <= c.x + c.width && y >= c.y && y <= c.y + c.height) hit = c.id;
  return hit;
}
