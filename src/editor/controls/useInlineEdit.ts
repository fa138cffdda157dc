import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';

/** The props every inline-edit input takes from `useInlineEdit`. */
interface InlineEditInputProps {
  autoFocus: true;
  value: string;
  onKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
  onFocus(e: FocusEvent<HTMLInputElement>): void;
}

/**
 * The editing half of a control that shows a value and turns into an input to change it
 * (a node's label, a node's number). Holds whether it is editing and the draft text, and gives
 * the input its shared keys: Enter commits, Escape cancels, and no key reaches the canvas's
 * shortcuts while typing (Backspace must not delete the node). The input opens focused with its
 * text selected, so typing replaces it. Closed from the keyboard (Enter, Escape), focus goes back
 * to the shown value (`displayRef`), where it was: the input leaving would drop it on the page.
 */
export function useInlineEdit<E extends HTMLElement = HTMLElement>() {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const displayRef = useRef<E>(null);
  const closedByKey = useRef(false);
  useEffect(() => {
    if (editing || !closedByKey.current) return;
    closedByKey.current = false;
    // Only when focus was dropped: a person who tabbed or clicked elsewhere keeps that place.
    if (!document.activeElement || document.activeElement === document.body) displayRef.current?.focus({ preventScroll: true });
  }, [editing]);
  return {
    editing,
    draft,
    setDraft,
    displayRef,
    /** Opens the input holding `text`. */
    start(text: string) {
      setDraft(text);
      setEditing(true);
    },
    /** Closes the input; the draft is dropped unless the caller used it. */
    stop() {
      setEditing(false);
    },
    /** Spread on the input; `commit` runs on Enter (it decides whether the draft is good). */
    inputProps(commit: () => void): InlineEditInputProps {
      return {
        autoFocus: true,
        value: draft,
        onKeyDown(e) {
          e.stopPropagation();
          if (e.key === 'Enter' || e.key === 'Escape') closedByKey.current = true;
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setEditing(false);
        },
        onFocus(e) {
          e.currentTarget.select();
        },
      };
    },
  };
}
