import type { Position } from '../document/types';
import type { PlaygroundStore } from './store';

/** Stores with a key-move open: a held arrow whose repeats gather into one undo step. */
const open = new WeakSet<PlaygroundStore>();

/**
 * Moves the selected nodes by `delta` (Shift+Arrow). A key held down (`held`: the browser's
 * key repeat) keeps adding to one gesture, so the whole glide is one undo step, as a drag is;
 * each separate press starts a step of its own. `endKeyMove` (the key coming up) closes it.
 * Returns false when nothing is selected to move.
 */
export function nudgeSelection(store: PlaygroundStore, delta: Position, held: boolean): boolean {
  const s = store.getState();
  const ids = s.selection.filter((id) => s.doc.nodes[id]);
  if (ids.length === 0) return false;
  // An undo in between closed the gesture behind our back: the next press starts afresh.
  const ours = open.has(store) && s.gestureStart !== null;
  if (!held || !ours) {
    endKeyMove(store);
    // A pointer drag already holds a gesture: the keys join it rather than ending it.
    if (store.getState().gestureStart === null) {
      store.getState().beginGesture();
      open.add(store);
    }
  }
  const doc = store.getState().doc;
  store.getState().moveNodes(new Map(ids.map((id) => [id, { x: doc.nodes[id]!.position.x + delta.x, y: doc.nodes[id]!.position.y + delta.y }])));
  return true;
}

/** Closes the key-move gesture, if one is open: the moves so far become one undo step. */
export function endKeyMove(store: PlaygroundStore): void {
  if (!open.has(store)) return;
  open.delete(store);
  store.getState().endGesture();
}
