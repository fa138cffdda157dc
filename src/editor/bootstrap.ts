import { findPreset } from '../document/presets';
import { decodeShareHash } from '../document/shareLink';
import { readAutosave, startAutosave } from '../state/persistence';
import { createPlaygroundStore, type PlaygroundStore } from '../state/store';

const WELCOMED_KEY = 'micrograd-playground/welcomed';
/** The example a first visit opens on: the graph the lecture backpropagates by hand. */
const FIRST_PRESET = 'lecture-L';

/**
 * Decides what the playground opens on, in this order: a shared link in the URL hash, the
 * autosaved work of the last visit, or the lecture's example. Then keeps autosaving.
 */
export async function bootstrap(): Promise<{ store: PlaygroundStore; firstVisit: boolean; onExample: boolean; markWelcomed(): void }> {
  const storage = safeStorage();
  const welcomed = storage?.getItem(WELCOMED_KEY) === '1';
  let store: PlaygroundStore | null = null;
  let linkError: string | null = null;

  if (location.hash.length > 1) {
    const shared = await decodeShareHash(location.hash);
    if (shared.ok) {
      store = createPlaygroundStore(shared.doc);
      store.getState().loadDocument(shared.doc, { layout: true });
      // The link has done its job; a reload should show the autosave, which now holds it.
      history.replaceState(null, '', location.pathname + location.search);
    } else {
      linkError = shared.reason;
    }
  }
  if (!store && storage) {
    const saved = readAutosave(storage);
    if (saved) store = createPlaygroundStore(saved.doc, saved.viewport ?? undefined);
    if (saved && !saved.viewport) store?.getState().loadDocument(saved.doc, { layout: true });
  }
  const onExample = !store;
  if (!store) {
    const preset = findPreset(FIRST_PRESET)!;
    store = createPlaygroundStore();
    store.getState().loadDocument(preset.build(), { layout: true });
  }
  // Opening is not an edit the person made: nothing to undo yet.
  store.setState({ history: { past: [], future: [] } });
  if (linkError) store.getState().notify('error', `This share link could not be opened: ${linkError}`);

  if (storage) {
    const autosave = startAutosave(store, storage);
    window.addEventListener('pagehide', () => autosave.flush());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') autosave.flush();
    });
  }
  return {
    store,
    firstVisit: !welcomed,
    onExample,
    markWelcomed: () => storage?.setItem(WELCOMED_KEY, '1'),
  };
}

function safeStorage(): Storage | null {
  try {
    const s = window.localStorage;
    s.getItem(WELCOMED_KEY);
    return s;
  } catch {
    return null;
  }
}
