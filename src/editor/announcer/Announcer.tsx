import { useEffect, useState } from 'react';
import type { GraphDoc } from '../../document/types';
import { usePlaygroundStore } from '../store/StoreContext';
import { backwardDone, outputChange, stepSentence } from './announcements';
import '../controls/controls.css';

/** An edit burst (a drag of a number, typing) is announced once, this long after it settles. */
const EDIT_SETTLE_MS = 300;

/**
 * The page's one polite live region: screen readers hear what changed without losing their
 * place. It says the output's new value after an edit ("L is now −2.0"), the grads after
 * Backward ("Backward done: L.grad 1.0; a.grad 6.0, …") and each step's chain rule when
 * stepping. Visually hidden: everything it says is on screen already.
 */
export function Announcer() {
  const store = usePlaygroundStore();
  const [text, setText] = useState('');
  useEffect(() => {
    let editStart: GraphDoc | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.doc !== prev.doc) {
        editStart ??= prev.doc;
        clearTimeout(timer);
        timer = setTimeout(() => {
          const said = editStart && outputChange(editStart, store.getState().doc);
          editStart = null;
          if (said) setText(said);
        }, EDIT_SETTLE_MS);
      }
      if (s.grads.passes > prev.grads.passes) setText(backwardDone(s.doc, s.grads));
      else if (s.backwardRun !== prev.backwardRun) {
        const step = stepSentence(s.doc, s.backwardRun, prev.backwardRun);
        if (step) setText(step);
      }
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store]);
  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="announcer">
      {text}
    </div>
  );
}
