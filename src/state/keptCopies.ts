import type { Viewport } from '../document/file/fileFormat';
import type { GraphDoc } from '../document/types';
import { isStorageFull, keysWithPrefix, readItem, refusalText, type KeyValueStorage } from './keyValueStorage';
import { decodeSavedWork, encodeSavedWork, graphText, type SavedWorkRead } from './savedWorkFormat';

/**
 * Copies of work kept aside in the browser's storage: File → Recent lists them. A graph is
 * kept whenever something is about to replace it (a shared link, a restore, another tab's
 * save); an autosave that cannot be read is kept exactly as it was, so it can be downloaded.
 *
 * Each copy has its own key, with when and why in the key itself, so two tabs keeping copies
 * at once never overwrite a shared list.
 */

/** Keys of kept graphs: `<prefix><keptAt>/<reason>/<random>`. */
export const KEPT_PREFIX = 'micrograd-playground/kept/';
/** Keys of unreadable autosaves, kept as raw text: `<prefix><keptAt>/<random>`. */
export const UNREADABLE_PREFIX = 'micrograd-playground/unreadable/';
/** How many kept graphs Recent holds; a newer one pushes out the oldest. */
export const MAX_KEPT_GRAPHS = 5;
/** How many unreadable autosaves are kept; a newer one pushes out the oldest. */
export const MAX_UNREADABLE = 3;

/** Why a graph was kept: what replaced it. */
type KeptReason =
  /** A shared link opened over it. */
  | 'link'
  /** A copy from Recent was restored over it. */
  | 'restore'
  /** It was the autosave when this visit began changing it. */
  | 'visit'
  /** Another tab's save replaced it (or it replaced another tab's save). */
  | 'tab'
  /** A tab was closed with changes it could not autosave. */
  | 'closed'
  /** File → New cleared the canvas. */
  | 'new'
  /** An example from the Examples menu replaced it. */
  | 'example'
  /** A level opened over it (it comes back on leaving the level; this copy is a spare). */
  | 'level';

const REASONS: readonly KeptReason[] = ['link', 'restore', 'visit', 'tab', 'closed', 'new', 'example', 'level'];

/** One line of File → Recent. */
export interface KeptSummary {
  /** The storage key: pass it back to restore, download or remove the copy. */
  id: string;
  /** When it was kept (milliseconds since 1970). */
  keptAt: number;
  reason: KeptReason | 'unreadable';
  /** The graph's output label, or another label, to tell copies apart. */
  title: string;
  /** Nodes in the graph (0 for an unreadable copy). */
  nodes: number;
  /** Why an unreadable copy cannot be opened; null for a graph. */
  problem: string | null;
}

/** The key of the new copy, or why it could not be kept. */
type KeepResult = { ok: true; id: string } | { ok: false; reason: string };

/**
 * Keeps saved-work text as a Recent copy. A graph that is already kept is not kept twice (the
 * copy keeps its id, so a banner pointing at it stays right). `makeRoom` lets it push out the
 * oldest kept graphs when storage is full: a copy of work about to be replaced matters more
 * than older copies.
 */
export function keepWork(storage: KeyValueStorage, text: string, reason: KeptReason, now: number, makeRoom = true): KeepResult {
  const read = decodeSavedWork(text);
  if (!read.ok) return keepUnreadable(storage, text, now);
  const mine = graphText(read.work.doc);
  for (const key of keysWithPrefix(storage, KEPT_PREFIX)) {
    const other = readKept(storage, key);
    if (other.ok && graphText(other.work.doc) === mine) return { ok: true, id: key };
  }
  const id = `${KEPT_PREFIX}${nextTime(storage, now)}/${reason}/${randomPart()}`;
  const written = writeMakingRoom(storage, id, text, makeRoom);
  if (written.ok) dropOldest(storage, KEPT_PREFIX, MAX_KEPT_GRAPHS);
  return written;
}

/** Keeps a graph that is on screen (not yet in storage) as a Recent copy. */
export function keepDoc(storage: KeyValueStorage, doc: GraphDoc, viewport: Viewport | null, reason: KeptReason, now: number): KeepResult {
  return keepWork(storage, encodeSavedWork({ doc, viewport, revision: 0, tab: 'kept', savedAt: now }), reason, now);
}

/** Keeps text that could not be read, byte for byte, so the person can download it. */
export function keepUnreadable(storage: KeyValueStorage, raw: string, now: number): KeepResult {
  for (const key of keysWithPrefix(storage, UNREADABLE_PREFIX)) {
    if (readItem(storage, key) === raw) return { ok: true, id: key };
  }
  const id = `${UNREADABLE_PREFIX}${nextTime(storage, now)}/${randomPart()}`;
  const written = writeMakingRoom(storage, id, raw, true);
  if (written.ok) dropOldest(storage, UNREADABLE_PREFIX, MAX_UNREADABLE);
  return written;
}

/** Every kept copy, newest first. */
export function listKept(storage: KeyValueStorage): KeptSummary[] {
  const list: KeptSummary[] = [];
  for (const id of [...keysWithPrefix(storage, KEPT_PREFIX), ...keysWithPrefix(storage, UNREADABLE_PREFIX)]) {
    const { keptAt, reason } = parseKey(id);
    const read = readKept(storage, id);
    if (read.ok) {
      const nodes = Object.values(read.work.doc.nodes);
      const out = read.work.doc.output ? read.work.doc.nodes[read.work.doc.output] : undefined;
      const labelled = [out, ...nodes].find((n) => n && 'label' in n && n.label.trim() !== '');
      const title = labelled && 'label' in labelled ? labelled.label : 'Untitled graph';
      list.push({ id, keptAt, reason: id.startsWith(UNREADABLE_PREFIX) ? 'unreadable' : reason, title, nodes: nodes.length, problem: null });
    } else {
      list.push({ id, keptAt, reason: 'unreadable', title: 'Unreadable autosave', nodes: 0, problem: read.reason });
    }
  }
  return list.sort((a, b) => b.keptAt - a.keptAt);
}

/** The graph in a kept copy (an unreadable one says why it cannot be read). */
export function readKept(storage: KeyValueStorage, id: string): SavedWorkRead {
  const text = rawKept(storage, id);
  if (text === null) return { ok: false, reason: 'this copy is no longer kept (was it removed in another tab?)' };
  return decodeSavedWork(text);
}

/** A kept copy's text exactly as stored, for downloading; null when it is gone. */
export function rawKept(storage: KeyValueStorage, id: string): string | null {
  if (!id.startsWith(KEPT_PREFIX) && !id.startsWith(UNREADABLE_PREFIX)) return null;
  return readItem(storage, id);
}

/** Removes a kept copy (the person chose to, or to make room). */
export function removeKept(storage: KeyValueStorage, id: string): void {
  if (!id.startsWith(KEPT_PREFIX) && !id.startsWith(UNREADABLE_PREFIX)) return;
  try {
    storage.removeItem(id);
  } catch {
    /* nothing more can be done */
  }
}

function writeMakingRoom(storage: KeyValueStorage, id: string, text: string, makeRoom: boolean): KeepResult {
  for (;;) {
    try {
      storage.setItem(id, text);
      return { ok: true, id };
    } catch (error) {
      // Only kept graphs make room: an unreadable copy goes only when the person removes it.
      const oldest = makeRoom && isStorageFull(error) ? byAge(keysWithPrefix(storage, KEPT_PREFIX))[0] : undefined;
      if (oldest === undefined) return { ok: false, reason: refusalText(error) };
      removeKept(storage, oldest);
    }
  }
}

function dropOldest(storage: KeyValueStorage, prefix: string, keep: number): void {
  const keys = byAge(keysWithPrefix(storage, prefix));
  for (const key of keys.slice(0, Math.max(0, keys.length - keep))) removeKept(storage, key);
}

function byAge(keys: string[]): string[] {
  return keys.sort((a, b) => parseKey(a).keptAt - parseKey(b).keptAt);
}

function parseKey(id: string): { keptAt: number; reason: KeptReason } {
  const [at = '0', reason = ''] = id.replace(KEPT_PREFIX, '').replace(UNREADABLE_PREFIX, '').split('/');
  return { keptAt: Number(at) || 0, reason: (REASONS as readonly string[]).includes(reason) ? (reason as KeptReason) : 'tab' };
}

/** `now`, or just after the newest copy, so the order of keeping is the order listed. */
function nextTime(storage: KeyValueStorage, now: number): number {
  const newest = Math.max(0, ...[...keysWithPrefix(storage, KEPT_PREFIX), ...keysWithPrefix(storage, UNREADABLE_PREFIX)].map((k) => parseKey(k).keptAt));
  return Math.max(Math.floor(now), newest + 1);
}

function randomPart(): string {
  return crypto.randomUUID().slice(0, 8);
}
