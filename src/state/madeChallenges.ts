import { readItem, type KeyValueStorage } from './keyValueStorage';

/**
 * The challenges made in this browser, by fingerprint (a SHA-256 of the challenge's text). A
 * student's shared-back answer carries the challenge with it, and a student could change its goal
 * before sending it; the teacher's browser recognises its own challenges, so an answer to an
 * altered challenge is told apart from an answer to the one the teacher made.
 */

/** Where the fingerprints live. */
export const MADE_KEY = 'micrograd-playground/challenges/made';
/** Enough for a term of challenges; the oldest are forgotten first. */
const MAX_MADE = 200;

/** One challenge made here. */
interface Made {
  fingerprint: string;
  madeAt: number;
}

function readMade(storage: KeyValueStorage): Made[] {
  try {
    const json: unknown = JSON.parse(readItem(storage, MADE_KEY) ?? '[]');
    return Array.isArray(json) ? json.filter((m): m is Made => typeof m?.fingerprint === 'string' && typeof m?.madeAt === 'number') : [];
  } catch {
    return [];
  }
}

/** Remembers a challenge made here; false when storage refused (the link still works). */
export function rememberMade(storage: KeyValueStorage, fingerprint: string, now: number): boolean {
  const made = readMade(storage).filter((m) => m.fingerprint !== fingerprint);
  made.push({ fingerprint, madeAt: now });
  try {
    storage.setItem(MADE_KEY, JSON.stringify(made.slice(-MAX_MADE)));
    return true;
  } catch {
    return false;
  }
}

/** When this challenge was made here, or null when it was not (or was forgotten). */
export function madeAt(storage: KeyValueStorage, fingerprint: string): number | null {
  return readMade(storage).find((m) => m.fingerprint === fingerprint)?.madeAt ?? null;
}
