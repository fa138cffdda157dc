import { consumers, incomingWires } from '../../document/graph';
import { inputPorts } from '../../document/ports';
import type { GraphDoc, Position } from '../../document/types';

/**
 * Arrow-key travel between cards, along the wires first:
 *   ← to the node feeding the first wired input,
 *   → to the node the output feeds (the topmost, when it feeds several),
 *   ↑/↓ to the previous/next sibling: the other inputs of the node just come from (after ←),
 *       the other readers of the node just come from (after →), else the other inputs of the
 *       card's first reader.
 * Where no wire leads that way (a leaf has no input, an unwired card no sibling) the arrow goes
 * to the nearest card in that direction on the canvas, so every card can be reached.
 */
export type Direction = 'left' | 'right' | 'up' | 'down';

/** Which list ↑/↓ walk: the inputs of `anchor`, or the nodes `anchor` feeds. */
export interface Siblings {
  anchor: string;
  via: 'inputs' | 'readers';
}

/** Where a card is and how big it is drawn, for the nearest-card fallback. */
export type SizeOf = (id: string) => { width: number; height: number };

/** The nodes wired into `id`, in its input-port order, each once. */
export function inputsOf(doc: GraphDoc, id: string): string[] {
  const node = doc.nodes[id];
  const wires = incomingWires(doc).get(id);
  if (!node || !wires) return [];
  const out: string[] = [];
  for (const port of inputPorts(node)) {
    const source = wires.get(port)?.source;
    if (source && !out.includes(source)) out.push(source);
  }
  return out;
}

/** The nodes `id` feeds, top to bottom on the canvas, each once. */
export function readersOf(doc: GraphDoc, id: string): string[] {
  const ids = [...new Set(consumers(doc).get(id) ?? [])].filter((r) => doc.nodes[r]);
  const at = (r: string) => doc.nodes[r]!.position;
  return ids.sort((p, q) => at(p).y - at(q).y || at(p).x - at(q).x);
}

function siblingList(doc: GraphDoc, s: Siblings): string[] {
  return s.via === 'inputs' ? inputsOf(doc, s.anchor) : readersOf(doc, s.anchor);
}

const STEP: Record<Direction, Position> = { left: { x: -1, y: 0 }, right: { x: 1, y: 0 }, up: { x: 0, y: -1 }, down: { x: 0, y: 1 } };

/** The nearest card whose centre lies that way from `from`'s, sideways distance counting double. */
export function nearestCard(doc: GraphDoc, from: string, dir: Direction, sizeOf: SizeOf): string | null {
  const centre = (id: string) => {
    const p = doc.nodes[id]!.position;
    const s = sizeOf(id);
    return { x: p.x + s.width / 2, y: p.y + s.height / 2 };
  };
  const here = centre(from);
  const step = STEP[dir];
  let best: string | null = null;
  let bestScore = Infinity;
  for (const id of Object.keys(doc.nodes)) {
    if (id === from) continue;
    const c = centre(id);
    const ahead = (c.x - here.x) * step.x + (c.y - here.y) * step.y;
    const aside = Math.abs((c.x - here.x) * step.y + (c.y - here.y) * step.x);
    if (ahead <= 0 || aside > ahead * 2) continue;
    const score = ahead + 2 * aside;
    if (score < bestScore) [best, bestScore] = [id, score];
  }
  return best;
}

/** The card an arrow goes to from `from`, and the siblings ↑/↓ walk from there. */
export function neighbour(
  doc: GraphDoc,
  from: string,
  dir: Direction,
  remembered: Siblings | null,
  sizeOf: SizeOf,
): { id: string; siblings: Siblings | null } | null {
  if (!doc.nodes[from]) return null;
  const along = (list: string[], siblings: Siblings) => (list[0] ? { id: list[0], siblings } : null);
  const spatial = () => {
    const id = nearestCard(doc, from, dir, sizeOf);
    return id ? { id, siblings: null } : null;
  };
  if (dir === 'left') return along(inputsOf(doc, from), { anchor: from, via: 'inputs' }) ?? spatial();
  if (dir === 'right') return along(readersOf(doc, from), { anchor: from, via: 'readers' }) ?? spatial();
  const firstReader = readersOf(doc, from)[0];
  const siblings =
    remembered && siblingList(doc, remembered).includes(from)
      ? remembered
      : firstReader
        ? ({ anchor: firstReader, via: 'inputs' } as const)
        : null;
  if (siblings) {
    const list = siblingList(doc, siblings);
    const next = list[list.indexOf(from) + (dir === 'down' ? 1 : -1)];
    if (next) return { id: next, siblings };
  }
  return spatial();
}
