import { useState } from 'react';
import { FILE_LIMITS } from '../../document/fileFields';

interface EditableTextProps {
  value: string;
  placeholder: string;
  onChange(value: string): void;
  label: string;
  className?: string;
  testId?: string;
}

/** Text that turns into an input on double-click (or Enter when focused); Escape cancels. */
export function EditableText({ value, placeholder, onChange, label, className = '', testId }: EditableTextProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);

  function commit() {
    setEditing(false);
    const next = draft.trim().slice(0, FILE_LIMITS.maxLabelChars);
    if (next !== value) onChange(next);
  }

  if (editing) {
    return (
      <input
        className={`editable-text__input nodrag nopan ${className}`}
        aria-label={label}
        autoFocus
        value={draft}
        maxLength={FILE_LIMITS.maxLabelChars}
        data-testid={testId ? `${testId}-input` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setEditing(false);
        }}
        onFocus={(e) => e.currentTarget.select()}
      />
    );
  }
  return (
    <span
      role="button"
      tabIndex={0}
      className={`editable-text ${value ? '' : 'is-empty'} ${className}`}
      title="Double-click to rename"
      aria-label={`${label}: ${value || 'unnamed'}. Press Enter to rename.`}
      data-testid={testId}
      onDoubleClick={(e) => {
        e.stopPropagation();
        setDraft(value);
        setEditing(true);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          e.stopPropagation();
          setDraft(value);
          setEditing(true);
        }
      }}
    >
      {value || placeholder}
    </span>
  );
}
