import type { KeptSummary } from '../../state/keptCopies';

const REASON_WORDS: Record<KeptSummary['reason'], string> = {
  link: 'replaced by a shared link',
  restore: 'replaced by a restore',
  visit: 'from an earlier visit',
  tab: 'replaced by another tab',
  closed: 'left in a closed tab',
  new: 'replaced by File → New',
  example: 'replaced by an example',
  level: 'put aside while playing a level',
  unreadable: 'could not be read',
};

/** Why a copy was kept, as File → Recent says it. */
export function reasonWords(reason: KeptSummary['reason']): string {
  return REASON_WORDS[reason];
}

/** How long ago, roughly: 'just now', '5 min ago', '3 h ago', '2 days ago'. */
export function ageWords(at: number, now: number): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/** The name a downloaded raw copy gets, with the time it was kept so several can sit side by side. */
export function rawCopyName(at: number): string {
  const stamp = new Date(at).toISOString().slice(0, 16).replace(/[:T]/g, '-');
  return `unreadable-autosave-${stamp}.json`;
}
