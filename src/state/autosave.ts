import type { GraphDoc } from '../document/types';
import { keepDoc, keepUnreadable, keepWork, listKept } from './keptCopies';
import { readItem, refusalText, type KeyValueStorage } from './keyValueStorage';
import { decodeSavedWork, encodeSavedWork, graphText, type SavedWork } from './savedWorkFormat';
import type { PlaygroundStore } from './store';
import { onOtherSave, type OtherSaveAction } from './tabSync';
import type { Viewport } from './types';

/** Where the work in progress lives between visits. */
export const AUTOSAVE_KEY = 'micrograd-playground/autosave';
/** Where versions before revisions put an autosave they could not read (one slot). */
const LEGACY_UNREADABLE_KEY = 'micrograd-playground/autosave-unreadable';

/** What a tab found in storage when it opened. */
interface OpenedWork {
  /** The autosave and its exact text, when it could be read. */
  saved: { text: string; work: SavedWork } | null;
  /** An autosave that could not be read: why, and the Recent copy holding it (null: still in place). */
  unreadable: { reason: string; keptId: string | null } | null;
}

/**
 * Reads the autosave as a tab opens. An unreadable one is moved to the unreadable copies
 * (never overwritten, never dropped without a word); if even that is refused it stays where it
 * is, and autosave will not write over it until it can be moved.
 */
export function openAutosave(storage: KeyValueStorage, now: number): OpenedWork {
  const legacy = readItem(storage, LEGACY_UNREADABLE_KEY);
  if (legacy !== null && keepUnreadable(storage, legacy, now).ok) remove(storage, LEGACY_UNREADABLE_KEY);
  const text = readItem(storage, AUTOSAVE_KEY);
  if (text === null) return { saved: null, unreadable: null };
  const read = decodeSavedWork(text);
  if (read.ok) return { saved: { text, work: read.work }, unreadable: null };
  const kept = keepUnreadable(storage, text, now);
  if (kept.ok) remove(storage, AUTOSAVE_KEY);
  return { saved: null, unreadable: { reason: read.reason, keptId: kept.ok ? kept.id : null } };
}

/** Options of {@link startAutosave}. */
interface AutosaveOptions {
  /** The autosave this tab opened on (null: it shows something else, e.g. the first example). */
  opened: OpenedWork['saved'];
  /** Count the tab as edited from the start (it opened a shared link: that is worth saving). */
  edited?: boolean;
  /** This tab's id, written into every save. */
  tab?: string;
  now?: () => number;
  /** Milliseconds after the last change before writing, so a drag is not written every frame. */
  delayMs?: number;
  /** False when the storage lasts only as long as the page: the page says nothing is kept. */
  persistent?: boolean;
}

/** The running autosave of one tab. */
export interface Autosave {
  /** Writes now what is waiting to be written (normally a moment after the last change). */
  saveNow(): void;
  /** The tab is being hidden or closed: write now; a tab in conflict keeps its work in Recent instead. */
  flush(): void;
  /** The autosave key changed (another tab saved): adopt, follow or raise a conflict. */
  storageChanged(): void;
  /** Conflict resolved for this tab's graph: the other tab's save is kept in Recent, then overwritten. */
  keepMine(): void;
  /** Conflict resolved for the other tab's graph: this tab's is kept in Recent, then replaced. */
  takeTheirs(): void;
  /** The stored autosave could not be kept in Recent: do not write over it until it can be. */
  protectStored(): void;
  /** True once the tab shows someone's work: it opened an autosave, was edited, or followed a save. */
  holdsWork(): boolean;
  stop(): void;
}

/**
 * Saves the graph and viewport a moment after they change, as a tab that never loses work:
 * - a tab that made no edit never writes (opening, laying out, fitting the view are not edits);
 * - every save carries a revision one above the save it replaces, and before writing, a tab
 *   checks that the stored save is still the one it wrote or followed. If another tab saved in
 *   between, it follows that save when it has no unsaved edits, and otherwise stops and asks
 *   (a conflict banner), keeping whichever graph is replaced in Recent;
 * - a failed write says so every time and leaves `saveProblem` set until a write succeeds.
 */
export function startAutosave(store: PlaygroundStore, storage: KeyValueStorage, options: AutosaveOptions): Autosave {
  const { opened, tab = crypto.randomUUID(), now = Date.now, delayMs = 150, persistent = true } = options;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** The stored text this tab may overwrite: the save it wrote, opened or followed. */
  let known = opened?.text ?? null;
  /** The revision of `known` (0 before any save). */
  let base = opened?.work.revision ?? 0;
  /** The graph and view when they last matched storage. */
  let saved: { doc: GraphDoc; viewport: Viewport } | null = opened ? { doc: store.getState().doc, viewport: store.getState().viewport } : null;
  let edited = options.edited ?? false;
  let holds = opened !== null || edited;
  let conflict = false;
  /** True while this module itself changes the store (following a save is not an edit). */
  let applying = false;
  /** The autosave this visit opened on: kept in Recent (if there is room) when first overwritten. */
  let visitStart = opened?.text ?? null;
  /** A stored text that must be kept in Recent before it is overwritten. */
  let mustKeep: string | null = null;

  if (!persistent) store.getState().setSaveProblem('this browser does not let the page keep data, so nothing is saved between visits');

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.history !== previous.history && !applying) {
      edited = true;
      holds = true;
    }
    if (state.doc === previous.doc && state.viewport === previous.viewport) return;
    if (edited && timer === null) timer = setTimeout(() => write(false), delayMs);
  });

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function write(closing: boolean): void {
    clearTimer();
    if (conflict) {
      if (closing) keepOnScreen('closed');
      return;
    }
    const { doc, viewport } = store.getState();
    if (!edited || (saved && saved.doc === doc && saved.viewport === viewport)) return;
    const stored = readItem(storage, AUTOSAVE_KEY);
    if (stored !== null && (stored !== known || stored === mustKeep) && !makeWay(stored)) {
      if (conflict && closing) keepOnScreen('closed');
      return;
    }
    if (visitStart !== null && stored === visitStart && keepWork(storage, visitStart, 'visit', now(), false).ok) refreshKept(store, storage);
    visitStart = null;
    const current = store.getState();
    const text = encodeSavedWork({ doc: current.doc, viewport: current.viewport, revision: base + 1, tab, savedAt: now() });
    try {
      storage.setItem(AUTOSAVE_KEY, text);
    } catch (error) {
      failed(refusalText(error));
      return;
    }
    known = text;
    base += 1;
    saved = { doc: current.doc, viewport: current.viewport };
    if (persistent && store.getState().saveProblem !== null) {
      store.getState().setSaveProblem(null);
      store.getState().notify('success', 'Autosave works again: your graph is saved.');
    }
  }

  /** Deals with a stored text this tab did not write or follow; true when the write may go on. */
  function makeWay(stored: string): boolean {
    const read = decodeSavedWork(stored);
    // Only an adopted save (the same graph) is written over; a followed one is already on screen.
    if (read.ok && stored !== mustKeep) return adoptFollowOrConflict(stored, read.work) === 'adopt';
    // An unreadable save, or one whose keeping failed before: keep it first, or do not write.
    const kept = keepWork(storage, stored, 'link', now());
    if (!kept.ok) {
      failed(kept.reason);
      return false;
    }
    if (!read.ok) store.getState().showBanner({ kind: 'unreadable', keptId: kept.id, reason: read.reason });
    else base = Math.max(base, read.work.revision);
    mustKeep = null;
    known = stored;
    refreshKept(store, storage);
    return true;
  }

  function adoptFollowOrConflict(stored: string, work: SavedWork): OtherSaveAction {
    const { doc } = store.getState();
    const action = onOtherSave({ unsaved: unsaved(), sameGraph: graphText(doc) === graphText(work.doc), newer: work.revision > base });
    if (action === 'conflict') {
      if (!conflict) store.getState().showBanner({ kind: 'conflict' });
      conflict = true;
      clearTimer();
      return action;
    }
    if (action === 'follow') {
      follow(work.doc);
      store.getState().notify('info', 'Another tab saved this graph, so this tab shows it now. Undo goes back.');
    }
    known = stored;
    base = work.revision;
    const state = store.getState();
    saved = { doc: state.doc, viewport: state.viewport };
    if (conflict) endConflict();
    return action;
  }

  function follow(doc: GraphDoc): void {
    applying = true;
    try {
      store.getState().loadDocument(doc);
    } finally {
      applying = false;
    }
    holds = true;
  }

  /** This tab shows edits that no save holds. */
  function unsaved(): boolean {
    const { doc } = store.getState();
    if (!edited || (saved !== null && saved.doc === doc)) return false;
    return saved === null || graphText(doc) !== graphText(saved.doc);
  }

  function keepOnScreen(reason: 'closed' | 'tab'): boolean {
    const { doc, viewport } = store.getState();
    const kept = keepDoc(storage, doc, viewport, reason, now());
    if (kept.ok) refreshKept(store, storage);
    return kept.ok;
  }

  function failed(reason: string): void {
    store.getState().setSaveProblem(reason);
    store.getState().notify('error', `Not saved: ${reason}. Save the graph as a file (File → Save), or remove old copies under File → Recent.`);
  }

  function endConflict(): void {
    conflict = false;
    store.getState().dismissBanner('conflict');
  }

  return {
    saveNow: () => write(false),
    flush: () => write(true),
    storageChanged() {
      const stored = readItem(storage, AUTOSAVE_KEY);
      if (stored === null || stored === known) return;
      const read = decodeSavedWork(stored);
      // Unreadable text is set aside by whichever tab next writes; nothing to follow.
      if (read.ok) adoptFollowOrConflict(stored, read.work);
    },
    keepMine() {
      const stored = readItem(storage, AUTOSAVE_KEY);
      if (stored !== null && stored !== known) {
        const kept = keepWork(storage, stored, 'tab', now());
        if (!kept.ok) return failed(kept.reason);
        const read = decodeSavedWork(stored);
        if (read.ok) base = Math.max(base, read.work.revision);
        known = stored;
        refreshKept(store, storage);
      }
      endConflict();
      edited = true;
      saved = null;
      write(false);
    },
    takeTheirs() {
      const stored = readItem(storage, AUTOSAVE_KEY);
      const read = stored === null ? null : decodeSavedWork(stored);
      if (!keepOnScreen('tab')) store.getState().notify('error', 'This tab’s graph could not be kept in Recent (storage is full); Undo still brings it back.');
      endConflict();
      if (stored === null || !read?.ok) return;
      follow(read.work.doc);
      known = stored;
      base = read.work.revision;
      const state = store.getState();
      saved = { doc: state.doc, viewport: state.viewport };
    },
    protectStored() {
      mustKeep = readItem(storage, AUTOSAVE_KEY);
    },
    holdsWork: () => holds,
    stop() {
      clearTimer();
      unsubscribe();
    },
  };
}

/** Puts the current list of kept copies in the store, for File → Recent. */
export function refreshKept(store: PlaygroundStore, storage: KeyValueStorage): void {
  store.getState().setKept(listKept(storage));
}

function remove(storage: KeyValueStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    /* left in place: it is read again next time */
  }
}
