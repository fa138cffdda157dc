import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatNumber, signOf } from '../formatNumber';
import { useInlineEdit } from './useInlineEdit';
import './controls.css';
import './inlineEdit.css';

/** Pixels of pointer travel before a press becomes a scrub rather than a click. */
const SCRUB_THRESHOLD = 3;

interface NumberFieldProps {
  value: number;
  /** Called for every change; during a scrub, many times. */
  onChange(value: number): void;
  /** A scrub starts: the edits until onGestureEnd are one undo step. */
  onGestureStart(): void;
  onGestureEnd(): void;
  /** Accessible name, e.g. "data of a". */
  label: string;
  /** Value change per pixel of scrub, and per arrow key press is ten of these. */
  step?: number;
  testId?: string;
}

/** Parses what a person types: decimals, exponents, a leading '+', a true minus sign. */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/\u2212/g, '-').replace(/^\+/, '');
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

function decimalsOf(step: number): number {
  return Math.max(0, Math.ceil(-Math.log10(step)));
}

/**
 * A number you can type or scrub, like a slider hidden in the number: drag sideways to change
 * it (Shift ×10, Alt ÷10), click to type, arrow keys to nudge. The classes keep React Flow
 * from dragging the node or panning the canvas while you do.
 */
export function NumberField({ value, onChange, onGestureStart, onGestureEnd, label, step = 0.01, testId }: NumberFieldProps) {
  const { editing, draft, setDraft, start, stop, inputProps, displayRef } = useInlineEdit<HTMLButtonElement>();
  const [invalid, setInvalid] = useState(false);
  const press = useRef<{ x: number; value: number; scrubbing: boolean; pointer: number } | null>(null);

  function stepFor(e: { shiftKey: boolean; altKey: boolean }): number {
    return e.shiftKey ? step * 10 : e.altKey ? step / 10 : step;
  }

  function onPointerDown(e: PointerEvent<HTMLButtonElement>) {
    if (e.button !== 0) return;
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    press.current = { x: e.clientX, value, scrubbing: false, pointer: e.pointerId };
  }

  function onPointerMove(e: PointerEvent<HTMLButtonElement>) {
    const p = press.current;
    if (!p || p.pointer !== e.pointerId) return;
    const dx = e.clientX - p.x;
    if (!p.scrubbing) {
      if (Math.abs(dx) < SCRUB_THRESHOLD) return;
      p.scrubbing = true;
      onGestureStart();
    }
    const s = stepFor(e);
    const next = Number((p.value + Math.round(dx) * s).toFixed(decimalsOf(s)));
    if (!Object.is(next, value)) onChange(next);
  }

  function onPointerUp(e: PointerEvent<HTMLButtonElement>) {
    const p = press.current;
    if (!p || p.pointer !== e.pointerId) return;
    press.current = null;
    if (p.scrubbing) onGestureEnd();
    else startEditing();
  }

  function startEditing() {
    setInvalid(false);
    start(String(value));
  }

  function commit() {
    const n = parseNumber(draft);
    if (n === null) {
      setInvalid(true);
      return;
    }
    stop();
    if (!Object.is(n, value)) onChange(n);
  }

  function onButtonKey(e: KeyboardEvent<HTMLButtonElement>) {
    const dir = e.key === 'ArrowUp' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowDown' || e.key === 'ArrowLeft' ? -1 : 0;
    if (dir !== 0) {
      e.preventDefault();
      e.stopPropagation();
      const s = stepFor(e) * 10;
      onChange(Number((value + dir * s).toFixed(decimalsOf(s))));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      startEditing();
    }
  }

  if (editing) {
    return (
      <input
        className={`number-field__input nodrag nopan nowheel num${invalid ? ' is-invalid' : ''}`}
        aria-label={label}
        aria-invalid={invalid}
        title={invalid ? 'Type a number, like 2, -3.5 or 1e-3' : undefined}
        inputMode="decimal"
        {...inputProps(commit)}
        data-testid={testId ? `${testId}-input` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          setInvalid(false);
        }}
        onBlur={() => (parseNumber(draft) === null ? stop() : commit())}
      />
    );
  }

  return (
    <button
      ref={displayRef}
      type="button"
      // Its arrows change the number: the canvas leaves them to it (useShortcuts).
      data-arrow-keys
      className={`number-field nodrag nopan num sign-${signOf(value)}`}
      aria-label={`${label}: ${value}. Drag sideways or use arrow keys to change, click to type.`}
      title={`${value} (drag to scrub, click to type)`}
      data-testid={testId}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onButtonKey}
    >
      {formatNumber(value)}
    </button>
  );
}
