import type { GraphDoc } from '../document/types';
import { openAutosave, startAutosave, type Autosave } from './autosave';
import type { KeyValueStorage } from './keyValueStorage';
import { createPlaygroundStore, type PlaygroundStore } from './store';
import { createWorkKeeper, type WorkKeeper } from './workKeeper';

/** Options of {@link openTab}. */
interface OpenTabOptions {
  /** The graph of a shared link in the address, if the tab was opened with one. */
  link: GraphDoc | null;
  /** What a tab with no saved work and no link shows (the first example). */
  firstDoc(): GraphDoc;
  /** False when the storage lasts only as long as the page. */
  persistent?: boolean;
  now?: () => number;
  tab?: string;
  delayMs?: number;
}

/** A started tab: its store, its autosave and its keeper of saved work. */
export interface OpenedTab {
  store: PlaygroundStore;
  autosave: Autosave;
  keeper: WorkKeeper;
  /** The tab shows the first example (no saved work, no link). */
  onExample: boolean;
}

/**
 * What a tab opens on: the autosave of the last visit, or the first example; a shared link
 * then opens over the autosave as one undo step, with the earlier work kept in Recent. The
 * DOM-free half of start-up, so tests open as many tabs on one storage as they like.
 */
export function openTab(storage: KeyValueStorage, options: OpenTabOptions): OpenedTab {
  const { link, now = Date.now } = options;
  const opened = openAutosave(storage, now());
  const saved = opened.saved?.work;
  let store: PlaygroundStore;
  if (saved) {
    store = createPlaygroundStore(saved.doc, saved.viewport ?? undefined);
    if (!saved.viewport) store.getState().loadDocument(saved.doc, { layout: true });
  } else {
    store = createPlaygroundStore();
    // With no earlier work, a link is simply what the tab opens on.
    store.getState().loadDocument(link ?? options.firstDoc(), { layout: true });
  }
  // Opening is not an edit the person made: nothing to undo yet.
  store.setState({ history: { past: [], future: [] } });

  const autosave = startAutosave(store, storage, {
    opened: opened.saved,
    edited: !saved && link !== null,
    persistent: options.persistent,
    now,
    tab: options.tab,
    delayMs: options.delayMs,
  });
  const keeper = createWorkKeeper(store, storage, autosave, now);
  if (opened.unreadable) store.getState().showBanner({ kind: 'unreadable', ...opened.unreadable });
  if (saved && link) keeper.openLink(link);
  return { store, autosave, keeper, onExample: !saved && !link };
}
