import { describe, expect, it } from 'vitest';
import { docOf, val } from '../document/testDocs';
import { keepDoc, keepUnreadable, listKept, MAX_KEPT_GRAPHS, MAX_UNREADABLE, rawKept, readKept, removeKept } from './keptCopies';
import { memoryStorage, type KeyValueStorage } from './keyValueStorage';
import { SharedStorage } from '../../test/state/fakeTabs';

const graph = (label: string) => docOf([val(label, 1)]);

/** A storage that refuses writes past `chars` characters, like a full browser. */
function limited(chars = Infinity): { storage: KeyValueStorage; shared: SharedStorage } {
  const shared = new SharedStorage();
  shared.quota = chars;
  return { storage: shared.view('tab'), shared };
}

describe('kept copies (File → Recent)', () => {
  it('lists copies newest first, with the graph’s label, its size and why it was kept', () => {
    const storage = memoryStorage();
    keepDoc(storage, graph('old'), null, 'link', 1000);
    keepDoc(storage, docOf([val('a', 1, 'loss'), val('b', 2)], [], 'a'), null, 'restore', 2000);
    expect(listKept(storage).map(({ title, nodes, reason }) => ({ title, nodes, reason }))).toEqual([
      { title: 'loss', nodes: 2, reason: 'restore' },
      { title: 'old', nodes: 1, reason: 'link' },
    ]);
  });

  it(`keeps the last ${MAX_KEPT_GRAPHS} graphs and the last ${MAX_UNREADABLE} unreadable copies, pushing out the oldest`, () => {
    const storage = memoryStorage();
    for (let i = 1; i <= MAX_KEPT_GRAPHS + 2; i++) keepDoc(storage, graph(`g${i}`), null, 'tab', i * 1000);
    for (let i = 1; i <= MAX_UNREADABLE + 2; i++) keepUnreadable(storage, `{"broken": ${i}`, i * 1000);
    const kept = listKept(storage);
    expect(kept.filter((k) => k.reason !== 'unreadable').map((k) => k.title)).toEqual(['g7', 'g6', 'g5', 'g4', 'g3']);
    expect(kept.filter((k) => k.reason === 'unreadable').map((k) => rawKept(storage, k.id))).toEqual(['{"broken": 5', '{"broken": 4', '{"broken": 3']);
  });

  it('keeps an unreadable copy byte for byte, says why it cannot be read, and never keeps the same thing twice', () => {
    const storage = memoryStorage();
    const raw = '{"format":"micrograd-playground/saved-work", "version": 1, "revision": 3, "tab": "x", "savedAt": 5, "file": {"nodes": [';
    const first = keepUnreadable(storage, raw, 1000);
    expect(keepUnreadable(storage, raw, 2000)).toEqual(first);
    expect(keepDoc(storage, graph('a'), null, 'link', 3000)).toEqual(keepDoc(storage, graph('a'), { x: 1, y: 2, zoom: 1 }, 'tab', 4000));
    expect(listKept(storage)).toHaveLength(2);
    const unreadable = listKept(storage).find((k) => k.reason === 'unreadable')!;
    expect(rawKept(storage, unreadable.id)).toBe(raw);
    expect(unreadable.problem).toMatch(/^it /);
    expect(readKept(storage, unreadable.id).ok).toBe(false);
  });

  it('makes room for a new copy by pushing out the oldest graphs, never an unreadable copy', () => {
    const { storage, shared } = limited();
    keepUnreadable(storage, 'x'.repeat(600), 1000);
    keepDoc(storage, graph('old1'), null, 'tab', 2000);
    keepDoc(storage, graph('old2'), null, 'tab', 3000);
    keepDoc(storage, graph('old3'), null, 'tab', 4000);
    // Room for about half a copy more: the new one needs the oldest graph's place.
    shared.quota = shared.used() + 100;
    expect(keepDoc(storage, graph('new'), null, 'link', 5000).ok).toBe(true);
    const kept = listKept(storage);
    expect(kept[0]!.title).toBe('new');
    expect(kept.some((k) => k.reason === 'unreadable')).toBe(true);
    expect(kept.map((k) => k.title)).toEqual(['new', 'old3', 'old2', 'Unreadable autosave']);
  });

  it('says why when even an emptied Recent has no room', () => {
    const { storage } = limited(300);
    const result = keepDoc(storage, docOf(Array.from({ length: 20 }, (_, i) => val(`n${i}`, i))), null, 'link', 1000);
    expect(result).toEqual({ ok: false, reason: 'the browser’s storage for this page is full' });
  });

  it('removes only kept copies, not other keys', () => {
    const storage = memoryStorage();
    storage.setItem('micrograd-playground/theme', 'dark');
    const { id } = keepDoc(storage, graph('a'), null, 'link', 1000) as { id: string };
    removeKept(storage, 'micrograd-playground/theme');
    removeKept(storage, id);
    expect(listKept(storage)).toEqual([]);
    expect(storage.getItem('micrograd-playground/theme')).toBe('dark');
  });
});
