import { describe, expect, it } from 'vitest';
import { formatShortcut } from './keys';
import { ACTIONS } from './registry';

/** The `?` sheet lists every action with its keys: none may be left without one or share one. */
describe('the actions’ keys', () => {
  it('gives every action a key', () => {
    expect(ACTIONS.filter((a) => !a.keys?.length).map((a) => a.id)).toEqual([]);
  });

  it('never gives two actions the same key', () => {
    const owners = new Map<string, string[]>();
    for (const a of ACTIONS) {
      for (const k of a.keys ?? []) {
        // As written and as shown ('Mod+z' and 'Mod+Z' are one key).
        const shown = formatShortcut(k);
        owners.set(shown, [...(owners.get(shown) ?? []), a.id]);
      }
    }
    expect([...owners].filter(([, ids]) => ids.length > 1)).toEqual([]);
  });

  it('leaves the browser its own keys (Ctrl+N, Ctrl+T, Ctrl+W open and close windows and tabs)', () => {
    const browser = ['Mod+n', 'Mod+t', 'Mod+w', 'Mod+Shift+n', 'Mod+l', 'Mod+r', 'Mod+Shift+t'].map(formatShortcut);
    const taken = ACTIONS.flatMap((a) => a.keys ?? []).map(formatShortcut);
    expect(taken.filter((k) => browser.includes(k))).toEqual([]);
  });

  it('gives every action its own id', () => {
    expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length);
  });
});
