import { nudgeSelection } from '../../state/keyMoves';
import { focusCard } from '../canvas/focusCard';
import { NEW_CARD } from '../palette/placeNext';
import { currentCard } from './currentCard';
import { neighbour, type Direction, type Siblings } from './neighbours';
import type { Action, ActionContext } from './types';

/** Flow pixels one Shift+Arrow moves a card; with Alt too, one pixel (fine placing). */
const NUDGE = 10;
const FINE_NUDGE = 1;

/** The walk ↑/↓ are on, kept from the arrow before (see neighbours.ts). */
let remembered: Siblings | null = null;

function go({ store, flow }: ActionContext, dir: Direction): void {
  const from = currentCard(store);
  if (!from) return;
  const sizeOf = (id: string) => {
    const m = flow.getNode(id)?.measured;
    return { width: m?.width ?? NEW_CARD.width, height: m?.height ?? NEW_CARD.height };
  };
  const next = neighbour(store.getState().doc, from, dir, remembered, sizeOf);
  if (!next) return;
  remembered = next.siblings;
  store.getState().select([next.id]);
  focusCard(next.id, flow);
}

const hasCard = ({ store }: ActionContext) => currentCard(store) !== null;
const hasSelection = ({ store }: ActionContext) => store.getState().selection.length > 0;

function nudge(dx: number, dy: number): Action['run'] {
  return ({ store }, e) => {
    const step = e?.altKey ? FINE_NUDGE : NUDGE;
    nudgeSelection(store, { x: dx * step, y: dy * step }, e?.repeat ?? false);
  };
}


/**
 * Travel between cards along the wires, and moving cards by keys. The arrows act on the
 * focused or selected card and replace React Flow's own arrow-key move (useShortcuts).
 */
export const navActions: Action[] = [
  { id: 'goInput', label: 'Go to an input (first wired one)', group: 'Navigate', keys: ['ArrowLeft'], run: (ctx) => go(ctx, 'left'), enabled: hasCard },
  { id: 'goReader', label: 'Go to the node this one feeds', group: 'Navigate', keys: ['ArrowRight'], run: (ctx) => go(ctx, 'right'), enabled: hasCard },
  { id: 'goPrevious', label: 'Previous sibling input (or the card above)', group: 'Navigate', keys: ['ArrowUp'], run: (ctx) => go(ctx, 'up'), enabled: hasCard },
  { id: 'goNext', label: 'Next sibling input (or the card below)', group: 'Navigate', keys: ['ArrowDown'], run: (ctx) => go(ctx, 'down'), enabled: hasCard },
  { id: 'nudgeLeft', label: 'Move selected cards left (Alt: 1 px)', group: 'Navigate', keys: ['Shift+ArrowLeft', 'Alt+Shift+ArrowLeft'], run: nudge(-1, 0), enabled: hasSelection },
  { id: 'nudgeRight', label: 'Move selected cards right (Alt: 1 px)', group: 'Navigate', keys: ['Shift+ArrowRight', 'Alt+Shift+ArrowRight'], run: nudge(1, 0), enabled: hasSelection },
  { id: 'nudgeUp', label: 'Move selected cards up (Alt: 1 px)', group: 'Navigate', keys: ['Shift+ArrowUp', 'Alt+Shift+ArrowUp'], run: nudge(0, -1), enabled: hasSelection },
  { id: 'nudgeDown', label: 'Move selected cards down (Alt: 1 px)', group: 'Navigate', keys: ['Shift+ArrowDown', 'Alt+Shift+ArrowDown'], run: nudge(0, 1), enabled: hasSelection },
];
