import type { GraphDoc } from '../document/types';
import { AUTOSAVE_KEY, refreshKept, type Autosave } from './autosave';
import { KEPT_PREFIX, UNREADABLE_PREFIX, keepDoc, listKept, readKept, rawKept, removeKept } from './keptCopies';
import { readItem, type KeyValueStorage } from './keyValueStorage';
import { decodeSavedWork, encodeSavedWork } from './savedWorkFormat';
import type { PlaygroundStore } from './store';

/**
 * The commands the page offers for getting work back: open a link without losing what was
 * there, restore or remove a Recent copy, settle a two-tab conflict. Each one that replaces the
 * graph keeps the graph it replaces in Recent first, and is one undo step.
 */
export interface WorkKeeper {
  /** Opens a shared link's graph; earlier work goes to Recent and a banner offers it back. */
  openLink(doc: GraphDoc): void;
  /**
   * Replaces the graph with a new one the person asked for (File → New, an example): one undo
   * step. Work on the canvas goes to Recent first; an untouched first example or an empty canvas
   * is nobody's work and is not kept.
   */
  replace(doc: GraphDoc, reason: 'new' | 'example'): void;
  /** Restores a Recent copy (keeping the current graph first); false when it could not. */
  restore(id: string): boolean;
  /** Removes a Recent copy, then retries a failed autosave (there may be room now). */
  remove(id: string): void;
  /** A copy's text exactly as stored, for downloading; null names the autosave itself. */
  rawCopy(id: string | null): string | null;
  /** Settles a conflict for this tab's graph. */
  keepMine(): void;
  /** Settles a conflict for the other tab's graph. */
  takeTheirs(): void;
  /** A key changed in another tab (`storage` event; null when the storage was cleared). */
  storageChanged(key: string | null): void;
  /** The page is being hidden or closed. */
  flush(): void;
  /**
   * Puts the sandbox graph aside before a level replaces it: returned as saved-work text for
   * the caller to bring back, and kept in Recent too when it is someone's work (a spare copy).
   */
  putAside(): string;
  /** Brings back a graph put aside (one undo step); false, with a notice, when the text cannot be read. */
  bringBack(text: string): boolean;
}

/** The work keeper of one tab, over its store, its storage and its running autosave. */
export function createWorkKeeper(store: PlaygroundStore, storage: KeyValueStorage, autosave: Autosave, now: () => number = Date.now): WorkKeeper {
  refreshKept(store, storage);
  return {
    openLink(doc) {
      const state = store.getState();
      // An untouched first example is nobody's work: nothing to keep, nothing to say.
      const keep = autosave.holdsWork() ? keepDoc(storage, state.doc, state.viewport, 'link', now()) : null;
      if (keep && !keep.ok) autosave.protectStored();
      state.loadDocument(doc, { layout: true });
      if (keep) store.getState().showBanner({ kind: 'link', keptId: keep.ok ? keep.id : null });
      refreshKept(store, storage);
    },
    replace(doc, reason) {
      const state = store.getState();
      const worthKeeping = autosave.holdsWork() && Object.keys(state.doc.nodes).length > 0;
      const kept = worthKeeping ? keepDoc(storage, state.doc, state.viewport, reason, now()) : null;
      if (kept && !kept.ok) autosave.protectStored();
      // An empty canvas starts at full size: kept at the last graph's fitted zoom (a phone's
      // fit of the lecture graph is about half), the first cards dropped on it came out tiny.
      const empty = Object.keys(doc.nodes).length === 0;
      state.loadDocument(doc, empty ? { viewport: { x: 0, y: 0, zoom: 1 } } : { layout: true });
      if (kept?.ok) refreshKept(store, storage);
    },
    restore(id) {
      const read = readKept(storage, id);
      const state = store.getState();
      if (!read.ok) {
        state.notify('error', `This copy cannot be restored: ${read.reason}.`);
        return false;
      }
      const title = listKept(storage).find((k) => k.id === id)?.title ?? 'the graph';
      const kept = keepDoc(storage, state.doc, state.viewport, 'restore', now());
      if (!kept.ok) {
        state.notify('error', `Nothing was restored: the graph you have now could not be kept first (${kept.reason}). Save it as a file, then try again.`);
        return false;
      }
      const { doc, viewport } = read.work;
      state.loadDocument(doc, viewport ? { viewport } : { layout: false });
      store.getState().dismissBanner('link');
      store.getState().notify('success', `Restored “${title}”. The graph you had is kept under File → Recent, and Undo brings it back.`);
      refreshKept(store, storage);
      return true;
    },
    remove(id) {
      removeKept(storage, id);
      const banner = store.getState().banners.find((b) => b.kind !== 'conflict' && b.keptId === id);
      if (banner) store.getState().dismissBanner(banner.kind);
      refreshKept(store, storage);
      autosave.saveNow();
    },
    rawCopy(id) {
      return id === null ? readItem(storage, AUTOSAVE_KEY) : rawKept(storage, id);
    },
    keepMine: () => autosave.keepMine(),
    takeTheirs: () => autosave.takeTheirs(),
    storageChanged(key) {
      if (key === null || key === AUTOSAVE_KEY) autosave.storageChanged();
      if (key === null || key.startsWith(KEPT_PREFIX) || key.startsWith(UNREADABLE_PREFIX)) refreshKept(store, storage);
    },
    flush: () => autosave.flush(),
    putAside() {
      const state = store.getState();
      if (autosave.holdsWork() && Object.keys(state.doc.nodes).length > 0) {
        const kept = keepDoc(storage, state.doc, state.viewport, 'level', now());
        if (kept.ok) refreshKept(store, storage);
      }
      return encodeSavedWork({ doc: state.doc, viewport: state.viewport, revision: 0, tab: 'level', savedAt: now() });
    },
    bringBack(text) {
      const read = decodeSavedWork(text);
      if (!read.ok) {
        store.getState().notify('error', `Your sandbox graph could not be brought back: ${read.reason}. Look in File → Recent for a copy.`);
        return false;
      }
      const { doc, viewport } = read.work;
      store.getState().loadDocument(doc, viewport ? { viewport } : { layout: false });
      return true;
    },
  };
}
