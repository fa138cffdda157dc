/**
 * The part of the Web Storage API (localStorage) that keeping work needs. The browser's
 * `localStorage` is one; tests pass {@link memoryStorage}s, so everything that saves runs in
 * Node without a DOM.
 */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  /** Throws when the browser refuses, most often because its storage for the site is full. */
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** How many keys there are; with `key(i)`, lists the copies kept under File → Recent. */
  readonly length: number;
  key(index: number): string | null;
}

/** A storage that lives only as long as the page (used when the browser refuses localStorage). */
export function memoryStorage(): KeyValueStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
  };
}

/** The value under `key`, or null when there is none or the storage cannot be read. */
export function readItem(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** Every key that starts with `prefix`. */
export function keysWithPrefix(storage: KeyValueStorage, prefix: string): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null && key.startsWith(prefix)) keys.push(key);
    }
  } catch {
    /* an unreadable storage lists nothing */
  }
  return keys;
}

/** True when a refused write means "no room left" rather than "not allowed". */
export function isStorageFull(error: unknown): boolean {
  if (!(error instanceof Error) && !(typeof DOMException !== 'undefined' && error instanceof DOMException)) return false;
  const { name } = error as { name: string };
  // Firefox names it differently; old WebKit only set the legacy code 22.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || (error as { code?: number }).code === 22;
}

/** Why a write was refused, in words that fit "Not saved: …". */
export function refusalText(error: unknown): string {
  if (isStorageFull(error)) return 'the browser’s storage for this page is full';
  return `the browser refused to store it (${error instanceof Error ? error.message : String(error)})`;
}
