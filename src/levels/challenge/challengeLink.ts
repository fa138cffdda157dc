import { FILE_LIMITS } from '../../document/file/fileFields';
import { fromBase64Url, MAX_SHARE_HASH_CHARS, readAll, toBase64Url } from '../../document/file/shareLink';
import { parseDocumentFile, toGraphFile } from '../../document/file/serialize';
import type { GraphDoc } from '../../document/types';
import type { Challenge } from './challengeLevel';
import { CHALLENGE_FORMAT, challengeFileSchema, type ChallengeAnswer } from './types';

/**
 * A challenge inside a link: `#c=` then the challenge JSON, deflate-compressed, in base64url,
 * as graph links are (no server sees it). A student's shared-back answer is the same challenge
 * with their graph and typed numbers added, so the teacher's app can check it again from
 * scratch: what a link says about being solved is never read, only recomputed.
 */

/** The hash parameter that holds a challenge. */
const CHALLENGE_PARAM = 'c';

/** A student's answer as the app holds it. */
export interface SharedAnswer extends ChallengeAnswer {
  doc: GraphDoc;
}

/** What a challenge link opens: the challenge, and the answer when it was shared back. */
export type ChallengeRead = { ok: true; challenge: Challenge; answer: SharedAnswer | null } | { ok: false; reason: string };

/** True when a hash names a challenge (so it is not read as a graph link). */
export function isChallengeHash(hash: string): boolean {
  return hash
    .replace(/^#/, '')
    .split('&')
    .some((part) => part.startsWith(`${CHALLENGE_PARAM}=`));
}

/** The challenge (and an answer) as JSON text: what the link compresses and the session keeps. */
export function challengeText(challenge: Challenge, answer: SharedAnswer | null = null): string {
  const { title, goals, palette, hidden, budget, hints, start } = challenge;
  const file = { format: CHALLENGE_FORMAT, version: 1, title, goals, start: toGraphFile(start), palette, hidden, budget, hints };
  if (answer) Object.assign(file, { answer: { graph: toGraphFile(answer.doc), predictions: answer.predictions, hintsUsed: answer.hintsUsed } });
  return JSON.stringify(file);
}

/**
 * A fingerprint of the challenge alone (not the answer): SHA-256 of its text, in hex. Null where
 * the browser offers no Web Crypto (a page served over plain http from another machine).
 */
export async function challengeFingerprint(challenge: Challenge): Promise<string | null> {
  if (typeof crypto === 'undefined' || !crypto.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(challengeText(challenge)));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** `#c=<challenge>`: the hash of a link that opens the challenge (and the answer, when given). */
export async function encodeChallengeHash(challenge: Challenge, answer: SharedAnswer | null = null): Promise<string> {
  const bytes = await readAll(new Blob([challengeText(challenge, answer)]).stream().pipeThrough(new CompressionStream('deflate')), Infinity);
  return `#${CHALLENGE_PARAM}=${toBase64Url(bytes ?? new Uint8Array(0))}`;
}

/**
 * Reads a challenge link's hash. Never rejects; a broken or changed link is refused with the
 * reason. Decompression stops at the file size limit, so a tiny link cannot inflate to gigabytes.
 */
export async function decodeChallengeHash(hash: string): Promise<ChallengeRead> {
  if (hash.length > MAX_SHARE_HASH_CHARS) return fail('it is too long to hold a challenge.');
  const param = hash
    .replace(/^#/, '')
    .split('&')
    .find((part) => part.startsWith(`${CHALLENGE_PARAM}=`));
  if (param === undefined) return fail('it holds no challenge.');
  const bytes = fromBase64Url(param.slice(CHALLENGE_PARAM.length + 1));
  if (!bytes || bytes.length === 0) return fail('it is damaged: the challenge is not valid base64url (was it cut short or changed?).');
  let inflated: Uint8Array | null;
  try {
    inflated = await readAll(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate')), FILE_LIMITS.maxChars);
  } catch {
    return fail('it is damaged: the challenge could not be decompressed (was it cut short or changed?).');
  }
  if (!inflated) return fail('the challenge in it is too large.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return fail('it is damaged: the challenge is not text.');
  }
  return parseChallengeText(text);
}

/** Reads challenge JSON text (from a link or a saved session): the gate everything from outside passes. */
export function parseChallengeText(text: string): ChallengeRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('it is damaged: the challenge is not JSON.');
  }
  const parsed = challengeFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
    return fail(`${issue.message}${where}.`);
  }
  const { title, goals, palette, hidden, budget, hints, answer } = parsed.data;
  const start = parseDocumentFile(JSON.stringify(parsed.data.start), { source: 'link' });
  if (!start.ok) return fail(`its starting graph cannot be read: ${start.reason}`);
  if (goals.some((g) => g.kind === 'within-budget') && budget === null) return fail('it sets a node budget goal without a budget.');
  const challenge: Challenge = { title, goals, palette, hidden, budget, hints, start: start.doc };
  if (!answer) return { ok: true, challenge, answer: null };
  const graph = parseDocumentFile(JSON.stringify(answer.graph), { source: 'link' });
  if (!graph.ok) return fail(`the answer’s graph cannot be read: ${graph.reason}`);
  return { ok: true, challenge, answer: { doc: graph.doc, predictions: answer.predictions, hintsUsed: answer.hintsUsed } };
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
