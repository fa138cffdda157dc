import type { Position } from '../../document/types';

/** A card on the canvas: where it is and how big it was drawn. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space left between a card and one placed next to it. */
const GAP = 50;
/** A card not measured yet is taken to be about this big (a fresh Value card). */
export const NEW_CARD = { width: 180, height: 90 };

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Where a card added from the keyboard goes when a card is selected: an op (something with
 * inputs, which will likely read the selected card) to its right, a leaf (a sibling of the
 * selected leaf, like b after a) below it. A spot another card covers moves down until free,
 * so adding three Values in a row stacks them rather than piling them up.
 */
export function placeNext(selected: Box, hasInputs: boolean, others: readonly Box[], size = NEW_CARD): Position {
  const at: Box = hasInputs
    ? { x: selected.x + selected.width + GAP, y: selected.y, ...size }
    : { x: selected.x, y: selected.y + selected.height + GAP / 2, ...size };
  // Bounded: a canvas cannot hold more cards in one column than it has nodes.
  for (let i = 0; i <= others.length && others.some((o) => overlaps(at, o)); i++) at.y += size.height + GAP / 2;
  return { x: Math.round(at.x), y: Math.round(at.y) };
}
