import type { PlaygroundStore } from '../../state/store';

/**
 * The card keys act on: the one with keyboard focus (on it or on a field of it), else the last
 * selected. A card reached by Tab is used without first pressing Enter to select it.
 */
export function currentCard(store: PlaygroundStore): string | null {
  const focused = document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id');
  if (focused && store.getState().doc.nodes[focused]) return focused;
  return store.getState().selection.at(-1) ?? null;
}
