import { parseDocumentFile, serializeDocument } from '../document/serialize';
import type { GraphDoc } from '../document/types';
import type { PlaygroundStore } from './store';
import type { Viewport } from './types';

/** The part of the Web Storage API autosave needs; tests pass a Map-backed one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Where the work in progress lives between visits. */
export const AUTOSAVE_KEY = 'micrograd-playground/autosave';
/** Where an autosave that could not be read is moved, so it is never overwritten and lost. */
export const BROKEN_AUTOSAVE_KEY = 'micrograd-playground/autosave-unreadable';

/** The last autosaved graph and viewport, or null when there is none (or it cannot be read). */
export function readAutosave(storage: KeyValueStorage): { doc: GraphDoc; viewport: Viewport | null } | null {
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return null;
  }
  if (text === null) return null;
  const parsed = parseDocumentFile(text);
  if (parsed.ok) return { doc: parsed.doc, viewport: parsed.viewport };
  // Keep the unreadable copy aside rather than letting the next autosave overwrite it.
  try {
    storage.setItem(BROKEN_AUTOSAVE_KEY, text);
    storage.removeItem(AUTOSAVE_KEY);
  } catch {
    /* storage refused; nothing more we can do without losing it */
  }
  return null;
}

/**
 * Saves the graph and viewport whenever either changes, a moment after the last change so a
 * drag is not written sixty times a second. Returns `flush` (write now, e.g. on pagehide) and
 * `stop`.
 */
export function startAutosave(
  store: PlaygroundStore,
  storage: KeyValueStorage,
  delayMs = 150,
): { flush(): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let warned = false;
  let saved: { doc: GraphDoc; viewport: Viewport } | null = null;

  function write(): void {
    timer = null;
    const { doc, viewport } = store.getState();
    if (saved && saved.doc === doc && saved.viewport === viewport) return;
    try {
      storage.setItem(AUTOSAVE_KEY, serializeDocument(doc, viewport));
      saved = { doc, viewport };
    } catch (error) {
      if (!warned) {
        warned = true;
        store.getState().notify('error', `Autosave failed (${error instanceof Error ? error.message : 'storage refused'}). Use Save to keep a copy.`);
      }
    }
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.doc === previous.doc && state.viewport === previous.viewport) return;
    if (timer === null) timer = setTimeout(write, delayMs);
  });

  return {
    flush() {
      if (timer !== null) clearTimeout(timer);
      write();
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      unsubscribe();
    },
  };
}
