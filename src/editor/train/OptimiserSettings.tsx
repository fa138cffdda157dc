import { useEffect, useState } from 'react';
import { DEFAULT_OPTIMISER, FIELDS_OF, OPTIMISER_KINDS, whyBadOptimiserValue, type OptimiserField, type OptimiserKind } from '../../nn/optimisers';
import { setupOf } from '../../training/setup';
import { optimiserOf } from '../../training/trainerOptions';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';

const LABELS: Record<OptimiserField, { text: string; title: string }> = {
  momentum: { text: 'Momentum μ', title: 'v = μ·v + g, then p −= lr·v (torch.optim.SGD momentum)' },
  beta1: { text: 'β1', title: 'm = β1·m + (1 − β1)·g: the running mean of the gradient' },
  beta2: { text: 'β2', title: 'v = β2·v + (1 − β2)·g²: the running mean of the squared gradient' },
  eps: { text: 'ε', title: 'added to √v̂, so a parameter whose gradient is 0 does not divide by zero' },
  weightDecay: { text: 'Weight decay', title: 'AdamW: p −= lr·wd·p before each step, apart from the gradient' },
};

/**
 * The optimiser choice and the settings that optimiser reads, in the Train panel's form. A value
 * out of range (β ≥ 1, ε ≤ 0, ...) is refused in its field with the reason; the setup keeps the
 * last good one, so training goes on with it.
 */
export function OptimiserSettings() {
  const store = usePlaygroundStore();
  const optimiser = usePlayground((s) => optimiserOf(setupOf(s.doc)));
  const { updateSetup } = store.getState();
  return (
    <>
      <label>
        <span>Optimiser</span>
        <select
          value={optimiser.kind}
          data-testid="optimiser-select"
          onChange={(e) => updateSetup({ optimiser: { ...DEFAULT_OPTIMISER, ...optimiser, kind: e.target.value as OptimiserKind } })}
        >
          {OPTIMISER_KINDS.map((o) => (
            <option key={o.kind} value={o.kind}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {FIELDS_OF[optimiser.kind].map((field) => (
        <OptimiserNumber key={field} field={field} value={optimiser[field]} onValue={(value) => updateSetup({ optimiser: { ...optimiser, [field]: value } })} />
      ))}
    </>
  );
}

function OptimiserNumber({ field, value, onValue }: { field: OptimiserField; value: number; onValue(value: number): void }) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  // An undo or a file open changes the setup under the field: show the setup's value again
  // (but not while the person types it: "0.10" on the way to "0.105" is the value already).
  useEffect(() => {
    setText((t) => (Number(t) === value ? t : String(value)));
  }, [value]);
  const label = LABELS[field];
  const errorId = `optimiser-${field}-error`;
  return (
    <>
      <label title={label.title}>
        <span>{label.text}</span>
        <input
          type="text"
          inputMode="decimal"
          value={text}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          data-testid={`optimiser-${field}`}
          onChange={(e) => {
            setText(e.target.value);
            const next = e.target.value.trim() === '' ? NaN : Number(e.target.value);
            const why = whyBadOptimiserValue(field, next);
            setError(why && `${label.text} ${why}; still ${value}.`);
            if (!why && next !== value) onValue(next);
          }}
        />
      </label>
      {error && (
        <p className="train-form__error" id={errorId} role="alert" data-testid={`optimiser-${field}-error`}>
          {error}
        </p>
      )}
    </>
  );
}
