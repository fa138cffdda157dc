/**
 * Keyboard shortcuts written as 'Mod+Shift+Z': Mod is ⌘ on Apple machines and Ctrl elsewhere,
 * so one declaration serves both and tooltips show the right symbol.
 */

/** True on macOS and iOS, where Mod means the Command key. */
const IS_APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

interface Chord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

function parse(shortcut: string): Chord {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  return {
    mod: parts.includes('Mod'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
    key: key.length === 1 ? key.toLowerCase() : key,
  };
}

/** Does this key event press this shortcut? Extra modifiers do not match. */
export function matches(shortcut: string, e: KeyboardEvent): boolean {
  const c = parse(shortcut);
  const mod = IS_APPLE ? e.metaKey : e.ctrlKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  // '?' is Shift+/ on most layouts: a printable key that is its own shifted self ignores Shift.
  const shiftOk = c.key.length === 1 && !/[a-z0-9]/.test(c.key) ? true : e.shiftKey === c.shift;
  return key === c.key && mod === c.mod && shiftOk && e.altKey === c.alt && (IS_APPLE ? !e.ctrlKey : !e.metaKey);
}

const NAMES: Record<string, string> = {
  Delete: 'Del',
  Backspace: '⌫',
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
  Enter: '↵',
  ' ': 'Space',
};

/** A shortcut as people read it: '⌘⇧Z' on a Mac, 'Ctrl+Shift+Z' elsewhere. */
export function formatShortcut(shortcut: string): string {
  const c = parse(shortcut);
  const key = NAMES[c.key] ?? c.key.toUpperCase();
  if (IS_APPLE) return `${c.mod ? '⌘' : ''}${c.alt ? '⌥' : ''}${c.shift ? '⇧' : ''}${key}`;
  return [c.mod ? 'Ctrl' : '', c.alt ? 'Alt' : '', c.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

/** True when the key event comes from a place where typing must not trigger shortcuts. */
export function isTyping(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  return t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT';
}
