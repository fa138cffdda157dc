/**
 * The far view (FarView.tsx) draws a big zoomed-out graph on one canvas and leaves React Flow's
 * cards unmounted, but for the cards a person is at: the one under the pointer and the one
 * holding keyboard focus are "awake" and mounted as full cards in place, so they can be read,
 * typed into, dragged and wired as anywhere else.
 */

/** From this many nodes, a zoomed-out graph is drawn by the far view rather than as DOM cards. */
export const FAR_VIEW_FROM_NODES = 150;

/**
 * Which cards are awake. The canvas subscribes to the pair (two cards re-render when the pointer
 * moves from one to the next, not all of them).
 */
export class AwakeCards {
  private hovered: string | null = null;
  private focused: string | null = null;
  private listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A value that changes exactly when the awake cards do (for useSyncExternalStore). */
  readonly key = (): string => `${this.hovered ?? ''}\n${this.focused ?? ''}`;

  /** The awake cards' ids. */
  ids(): Set<string> {
    const ids = new Set<string>();
    if (this.hovered) ids.add(this.hovered);
    if (this.focused) ids.add(this.focused);
    return ids;
  }

  hover(id: string | null): void {
    if (id === this.hovered) return;
    this.hovered = id;
    this.emit();
  }

  focus(id: string | null): void {
    if (id === this.focused) return;
    this.focused = id;
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/** The id of the canvas node an element belongs to, if any. */
export function nodeIdOf(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  return target.closest('.react-flow__node')?.getAttribute('data-id') ?? null;
}
