import { useId } from 'react';
import { FILE_LIMITS, labelProblem } from '../../document/file/fileFields';
import { usePlaygroundStore } from '../store/StoreContext';
import { useInlineEdit } from './useInlineEdit';
import './inlineEdit.css';

interface EditableTextProps {
  value: string;
  placeholder: string;
  onChange(value: string): void;
  label: string;
  className?: string;
  testId?: string;
}

/**
 * A node's label: text that turns into an input on double-click (or Enter when focused); Escape
 * cancels. A label a file could not hold (a tab, a line break, a text-direction control pasted
 * in) is refused with the reason under the input, so what is saved always opens again and never
 * reaches exported code; leaving the input then keeps the old label and says so in a notice.
 */
export function EditableText({ value, placeholder, onChange, label, className = '', testId }: EditableTextProps) {
  const { editing, draft, setDraft, start, stop, inputProps, displayRef } = useInlineEdit<HTMLSpanElement>();
  const store = usePlaygroundStore();
  const problemId = useId();
  const next = draft.trim().slice(0, FILE_LIMITS.maxLabelChars);
  const problem = editing ? labelProblem(next) : null;

  function commit() {
    if (problem !== null) return;
    stop();
    if (next !== value) onChange(next);
  }

  function leave() {
    if (problem === null) {
      commit();
      return;
    }
    stop();
    store.getState().notify('error', `Label not changed: a label ${problem}.`);
  }

  if (editing) {
    return (
      <span className="editable-text__field">
        <input
          className={`editable-text__input nodrag nopan ${problem !== null ? 'is-invalid' : ''} ${className}`}
          aria-label={label}
          aria-invalid={problem !== null}
          aria-describedby={problem !== null ? problemId : undefined}
          {...inputProps(commit)}
          maxLength={FILE_LIMITS.maxLabelChars}
          data-testid={testId ? `${testId}-input` : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={leave}
        />
        {problem !== null ? (
          <span id={problemId} className="editable-text__problem" role="alert" data-testid={testId ? `${testId}-problem` : undefined}>
            A label {problem}.
          </span>
        ) : null}
      </span>
    );
  }
  return (
    <span
      ref={displayRef}
      role="button"
      tabIndex={0}
      className={`editable-text ${value ? '' : 'is-empty'} ${className}`}
      title="Double-click to rename"
      aria-label={`${label}: ${value || 'unnamed'}. Press Enter to rename.`}
      data-testid={testId}
      onDoubleClick={(e) => {
        e.stopPropagation();
        start(value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          e.stopPropagation();
          start(value);
        }
      }}
    >
      {value || placeholder}
    </span>
  );
}
