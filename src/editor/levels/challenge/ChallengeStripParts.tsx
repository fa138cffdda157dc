import { useState } from 'react';
import { usePlaygroundStore } from '../../store/StoreContext';
import { useLevelPlay, useLevels } from '../LevelsContext';
import { LinkBox } from './LinkBox';
import { shareBackLink } from './challengeLinks';
import './Challenge.css';

/** Over a student's shared-back answer: says the verdict is this app's own, from running the checks again. */
export function SharedAnswerNote({ solved }: { solved: boolean }) {
  const madeHereAt = useLevels((s) => s.session?.madeHereAt ?? null);
  return (
    <>
      <p className="challenge-note" data-testid="shared-answer-note" data-solved={solved || undefined}>
        A student’s answer, checked again here: {solved ? 'it solves the challenge.' : 'it does not solve the challenge yet.'}
      </p>
      <p className={`challenge-note${madeHereAt === null ? ' is-error' : ''}`} data-testid="answer-origin">
        {madeHereAt === null ? 'This challenge was not made in this browser: its goal may have been changed. Check it is the one you set.' : `The challenge you made here on ${new Date(madeHereAt).toLocaleDateString()}, unchanged.`}
      </p>
    </>
  );
}

/** After a challenge is solved: the student makes a link that sends the solved state back. */
export function ChallengeSolvedActions() {
  const store = usePlaygroundStore();
  const levels = useLevelPlay();
  const fromAnswer = useLevels((s) => s.session?.fromAnswer ?? false);
  const [link, setLink] = useState<{ ok: boolean; text: string } | null>(null);
  if (fromAnswer) return null;
  return (
    <div className="challenge-share-back">
      <button
        type="button"
        className="primary-button"
        data-testid="share-back"
        onClick={() => void shareBackLink(store, levels).then((r) => setLink(r.ok ? { ok: true, text: r.url } : { ok: false, text: r.reason }))}
      >
        Share back with your teacher
      </button>
      {link?.ok && <LinkBox url={link.text} testId="share-back-link" label="Send this link to your teacher" />}
      {link && !link.ok && (
        <p className="challenge-note is-error" role="alert">
          {link.text}
        </p>
      )}
    </div>
  );
}
