import { useId, useState, type ReactNode } from 'react';
import { parseNumber } from '../../controls/NumberField';
import '../../controls/controls.css';
import '../panelParts.css';
import './backwardTools.css';

interface ParamFieldProps {
  /** The visible label ("learning rate"); also the input's accessible name. */
  label: ReactNode;
  /** The value in use. */
  value: number;
  /** Called with every valid number typed; invalid text leaves `value` as it was. */
  onChange(value: number): void;
  /** A reason the number is not allowed ("h must be greater than 0"), or null. */
  validate?(value: number): string | null;
  /** A short muted note after the input (a unit, a formula). */
  suffix?: ReactNode;
  testId?: string;
}

/**
 * A labelled number input for a tool's parameter (lr, h, span). Takes what a person types, as
 * the node fields do (decimals, 1e-3, a true minus); a number that is not allowed keeps the
 * last good one in use and says why. Escape puts the good one back.
 */
export function ParamField({ label, value, onChange, validate, suffix, testId }: ParamFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [shown, setShown] = useState(value);
  // The value changed from outside (a slider, a reset): show it, unless the draft already says it.
  if (!Object.is(shown, value)) {
    setShown(value);
    if (parseNumber(draft) !== value) setDraft(String(value));
  }
  const parsed = parseNumber(draft);
  const problem = parsed === null ? 'Type a number, like 0.01 or 1e-3' : (validate?.(parsed) ?? null);

  function change(text: string) {
    setDraft(text);
    const n = parseNumber(text);
    if (n !== null && !validate?.(n) && !Object.is(n, value)) {
      setShown(n);
      onChange(n);
    }
  }

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <span className="field__control">
        <input
          id={id}
          className={`bw-input num${problem ? ' is-invalid' : ''}`}
          inputMode="decimal"
          spellCheck={false}
          autoComplete="off"
          value={draft}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          data-testid={testId}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setDraft(String(value));
          }}
          onFocus={(e) => e.currentTarget.select()}
        />
        {suffix && <span className="field__suffix muted">{suffix}</span>}
      </span>
      {problem && (
        <span className="field__problem" id={`${id}-problem`} role="status">
          {problem}; using {String(value)}.
        </span>
      )}
    </div>
  );
}
