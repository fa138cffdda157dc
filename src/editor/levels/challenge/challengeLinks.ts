import { challengeFingerprint, decodeChallengeHash, encodeChallengeHash, parseChallengeText, type SharedAnswer } from '../../../levels/challenge';
import { MAX_SHARE_HASH_CHARS } from '../../../document/file/shareLink';
import type { LevelPlay } from '../../../state/levelPlay';
import type { PlaygroundStore } from '../../../state/store';

/** A full address for a hash on this page. */
export function pageLink(hash: string): string {
  return `${location.origin}${location.pathname}${hash}`;
}

/**
 * Opens a challenge link (`#c=…`) as a level: the sandbox is put aside as levels do, and comes
 * back from the header's Sandbox button. A broken or changed link is refused with the reason,
 * and nothing is touched: not the graph, not the saved work, not the progress.
 */
export async function openChallengeHash(hash: string, store: PlaygroundStore, levels: LevelPlay): Promise<boolean> {
  const read = await decodeChallengeHash(hash);
  if (!read.ok) {
    store.getState().notify('error', `This challenge link could not be opened: ${read.reason} Your graph and your level progress are unchanged.`);
    return false;
  }
  const madeHereAt = read.answer ? levels.getState().madeHereAt(await challengeFingerprint(read.challenge)) : null;
  const run = levels.getState().playChallenge(read.challenge, read.answer && { ...read.answer, madeHereAt });
  if (!run) return false;
  // Done with the hash: a reload goes on with the saved session, not the link again.
  history.replaceState(null, '', location.pathname + location.search);
  if (read.answer) {
    const origin = madeHereAt === null ? ' This challenge was not made in this browser: check its goal is the one you set.' : '';
    const verdict = run.solved ? `solved, ${run.stars} ★ (checked again here, not taken from the link)` : `not solved yet: ${run.checks.filter((c) => !c.passed).length} check(s) fail when run again here`;
    store.getState().notify(run.solved ? 'success' : 'info', `A student’s answer to “${read.challenge.title}”: ${verdict}.${origin}`);
  } else {
    store.getState().notify('info', `Challenge “${read.challenge.title}”. Your sandbox graph is put aside; the Sandbox button brings it back.`);
  }
  return true;
}

/** The link a student sends back: the challenge with their graph and typed numbers, or why there is none. */
export async function shareBackLink(store: PlaygroundStore, levels: LevelPlay): Promise<{ ok: true; url: string } | { ok: false; reason: string }> {
  const session = levels.getState().session;
  if (session?.challenge === undefined) return { ok: false, reason: 'No challenge is being played.' };
  const read = parseChallengeText(session.challenge);
  if (!read.ok) return { ok: false, reason: `The challenge cannot be read: ${read.reason}` };
  const answer: SharedAnswer = { doc: store.getState().doc, predictions: { ...session.predictions }, hintsUsed: session.hintsUsed };
  const hash = await encodeChallengeHash(read.challenge, answer);
  if (hash.length > MAX_SHARE_HASH_CHARS) return { ok: false, reason: 'This graph is too large for a link.' };
  return { ok: true, url: pageLink(hash) };
}
