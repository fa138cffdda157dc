import { findPreset } from '../document/presets';
import { decodeShareHash } from '../document/file/shareLink';
import { isChallengeHash } from '../levels/challenge';
import { openChallengeHash } from './levels/challenge/challengeLinks';
import { memoryStorage, type KeyValueStorage } from '../state/keyValueStorage';
import { createLevelPlay, type LevelPlay } from '../state/levelPlay';
import { openTab } from '../state/openTab';
import type { PlaygroundStore } from '../state/store';
import type { WorkKeeper } from '../state/workKeeper';

const WELCOMED_KEY = 'micrograd-playground/welcomed';
/** The example a first visit opens on: the graph the lecture backpropagates by hand. */
const FIRST_PRESET = 'lecture-L';

/** What the app needs from the start-up: the store, the keeper of saved work, and the welcome state. */
interface Started {
  store: PlaygroundStore;
  keeper: WorkKeeper;
  levels: LevelPlay;
  firstVisit: boolean;
  onExample: boolean;
  markWelcomed(): void;
}

/**
 * Opens the tab (`openTab`: the autosave or the first example, and a shared link over it),
 * then connects it to the page: links opened later (`hashchange`), saves made in other tabs
 * (`storage`), and the last write when the page is hidden or closed.
 */
export async function bootstrap(): Promise<Started> {
  const browserStorage = safeStorage();
  // Without localStorage (some private modes) Recent and links still work for this visit.
  const storage = browserStorage ?? memoryStorage();
  const welcomed = readWelcomed(storage);
  // A challenge link is not a graph link: it opens as a level once level play exists (below).
  const challengeHash = location.hash.length > 1 && isChallengeHash(location.hash) ? location.hash : null;
  const link = location.hash.length > 1 && challengeHash === null ? await decodeShareHash(location.hash) : null;
  const { store, keeper, onExample } = openTab(storage, {
    link: link?.ok ? link.doc : null,
    firstDoc: () => findPreset(FIRST_PRESET)!.build(),
    persistent: browserStorage !== null,
  });
  if (link) afterLink(store, link);
  const levels = createLevelPlay(store, keeper, storage);
  if (challengeHash !== null) await openChallengeHash(challengeHash, store, levels);

  window.addEventListener('hashchange', () => {
    if (location.hash.length <= 1) return;
    if (isChallengeHash(location.hash)) {
      void openChallengeHash(location.hash, store, levels);
      return;
    }
    void decodeShareHash(location.hash).then((next) => {
      if (next.ok) keeper.openLink(next.doc);
      afterLink(store, next);
    });
  });
  window.addEventListener('storage', (e) => {
    if (e.storageArea === browserStorage) keeper.storageChanged(e.key);
  });
  window.addEventListener('pagehide', () => keeper.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') keeper.flush();
  });
  return {
    store,
    keeper,
    levels,
    firstVisit: !welcomed,
    onExample,
    markWelcomed: () => {
      try {
        storage.setItem(WELCOMED_KEY, '1');
      } catch {
        /* storage full: the welcome shows again next time, nothing worse */
      }
    },
  };
}

/** A link that opened has done its job (a reload shows the autosave); a bad one is explained. */
function afterLink(store: PlaygroundStore, link: { ok: true } | { ok: false; reason: string }): void {
  if (link.ok) history.replaceState(null, '', location.pathname + location.search);
  else store.getState().notify('error', `This share link could not be opened: ${link.reason} Your graph is unchanged.`);
}

function readWelcomed(storage: KeyValueStorage): boolean {
  try {
    return storage.getItem(WELCOMED_KEY) === '1';
  } catch {
    return false;
  }
}

function safeStorage(): KeyValueStorage | null {
  try {
    const s = window.localStorage;
    s.getItem(WELCOMED_KEY);
    return s;
  } catch {
    return null;
  }
}
