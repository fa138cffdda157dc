import type { GraphDoc } from '../document/types';

/**
 * Undo and redo over whole documents. Documents are immutable and share unchanged parts, so
 * keeping a few hundred of them costs little, and undo is exact by construction.
 */
export interface History {
  past: readonly GraphDoc[];
  future: readonly GraphDoc[];
}

/** How many steps back undo can go. */
export const HISTORY_LIMIT = 300;

export const EMPTY_HISTORY: History = { past: [], future: [] };

/** Records `before` as an undo step (a new edit clears the redo stack). */
export function record(h: History, before: GraphDoc): History {
  const past = h.past.length >= HISTORY_LIMIT ? h.past.slice(1) : h.past.slice();
  past.push(before);
  return { past, future: [] };
}

/** Steps back: returns the document to show and the new history, or null when there is nothing to undo. */
export function undo(h: History, current: GraphDoc): { doc: GraphDoc; history: History } | null {
  const doc = h.past[h.past.length - 1];
  if (!doc) return null;
  return { doc, history: { past: h.past.slice(0, -1), future: [...h.future, current] } };
}

/** Steps forward again after an undo. */
export function redo(h: History, current: GraphDoc): { doc: GraphDoc; history: History } | null {
  const doc = h.future[h.future.length - 1];
  if (!doc) return null;
  return { doc, history: { past: [...h.past, current], future: h.future.slice(0, -1) } };
}
