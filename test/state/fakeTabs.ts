import { val, docOf } from '../../src/document/testDocs';
import type { GraphDoc } from '../../src/document/types';
import type { KeyValueStorage } from '../../src/state/keyValueStorage';
import { AUTOSAVE_KEY } from '../../src/state/autosave';
import { openTab, type OpenedTab } from '../../src/state/openTab';
import { decodeSavedWork } from '../../src/state/savedWorkFormat';

/**
 * One browser's localStorage shared by several simulated tabs, as the tests need it: every
 * tab reads and writes the same items at once, while the `storage` event that tells the other
 * tabs arrives later, when the test delivers it (browsers deliver it asynchronously). It logs
 * every write, and can be given a quota to fill.
 */
export class SharedStorage {
  readonly items = new Map<string, string>();
  /** Most characters (keys and values) it holds before refusing a write, like a full browser. */
  quota = Infinity;
  /** Every write and removal, with the tab that made it. */
  readonly log: { tab: string; key: string; before: string | null; after: string | null }[] = [];
  private readonly views = new Set<TabStorage>();

  /** The storage as one tab sees it. */
  view(tab: string): TabStorage {
    const view = new TabStorage(this, tab);
    this.views.add(view);
    return view;
  }

  /** Characters in use. */
  used(): number {
    let n = 0;
    for (const [k, v] of this.items) n += k.length + v.length;
    return n;
  }

  /** Records a change and queues the `storage` event for every other open tab. */
  changed(from: TabStorage, key: string, before: string | null, after: string | null): void {
    this.log.push({ tab: from.tab, key, before, after });
    for (const view of this.views) if (view !== from) view.pending.push(key);
  }

  close(view: TabStorage): void {
    this.views.delete(view);
  }
}

/** One tab's window onto a {@link SharedStorage}. */
export class TabStorage implements KeyValueStorage {
  /** Keys changed by other tabs whose `storage` event has not been delivered yet. */
  readonly pending: string[] = [];
  constructor(
    private readonly shared: SharedStorage,
    readonly tab: string,
  ) {}
  get length(): number {
    return this.shared.items.size;
  }
  key(index: number): string | null {
    return [...this.shared.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.shared.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    const before = this.getItem(key);
    const grow = key.length + value.length - (before === null ? 0 : key.length + before.length);
    if (this.shared.used() + grow > this.shared.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.shared.items.set(key, value);
    this.shared.changed(this, key, before, value);
  }
  removeItem(key: string): void {
    const before = this.getItem(key);
    if (before === null) return;
    this.shared.items.delete(key);
    this.shared.changed(this, key, before, null);
  }
}

/** A simulated tab: the app's own start-up (`openTab`) over a shared storage. */
export interface FakeTab extends OpenedTab {
  name: string;
  storage: TabStorage;
  /** Delivers the `storage` events other tabs caused, in order. */
  deliver(): void;
  /** The person closes the tab: `pagehide` flushes, then the tab is gone. */
  close(): void;
}

/** The graph a fresh tab shows when there is nothing saved: one value, `first`. */
export function firstDoc(): GraphDoc {
  return docOf([val('first', 1)]);
}

let clock = 1_700_000_000_000;
/** A clock that moves a second per reading, so kept copies and saves have distinct times. */
export function tick(): number {
  clock += 1000;
  return clock;
}

/** Opens a tab named `name` on the shared storage (optionally with a shared link's graph). */
export function openFakeTab(shared: SharedStorage, name: string, link: GraphDoc | null = null): FakeTab {
  const storage = shared.view(name);
  const opened = openTab(storage, { link, firstDoc, now: tick, tab: name, delayMs: 1_000_000 });
  return {
    ...opened,
    name,
    storage,
    deliver() {
      while (storage.pending.length > 0) opened.keeper.storageChanged(storage.pending.shift()!);
    },
    close() {
      opened.keeper.flush();
      opened.autosave.stop();
      shared.close(storage);
    },
  };
}

/** Adds a value node called `label` in the tab, as a person's edit (one undo step). */
export function addValue(tab: FakeTab, label: string): void {
  tab.store.getState().addNodes([{ ...val(label, 1), position: { x: 0, y: 0 } }], false);
}

/** The labels of the nodes a tab shows, sorted. */
export function labelsOf(doc: GraphDoc): string[] {
  return Object.values(doc.nodes)
    .map((n) => ('label' in n ? n.label : n.id))
    .sort();
}

/** The labels and revision of the graph stored under `key` (the autosave unless told), or empty and -1. */
export function stored(shared: SharedStorage, key = AUTOSAVE_KEY): { labels: string[]; revision: number } {
  const read = decodeSavedWork(shared.items.get(key) ?? '');
  return read.ok ? { labels: labelsOf(read.work.doc), revision: read.work.revision } : { labels: [], revision: -1 };
}
