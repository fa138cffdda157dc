import { memo, type CSSProperties, type ReactNode } from 'react';
import { unnamedOpNames } from '../../../document/codegen/nodeNames';
import { findOp } from '../../../engine';
import { signOf } from '../../formatNumber';
import { usePlayground } from '../../store/StoreContext';
import { useNodeField, useNodeNumbers } from '../useNodeNumbers';
import { compactHead, compactNumber, compactOperand, magnitudeTint } from './semanticZoom';
import './compact.css';

/** What every compact card receives: the node's id and whether it is selected. */
export interface CompactProps {
  id: string;
  selected: boolean;
}

/** The number a compact card shows: the grad in Backward mode (what the lecture reads there), else the data. */
export function useShownNumber(id: string): { value: number; name: 'data' | 'grad'; error: boolean } {
  const { data, grad, error } = useNodeNumbers(id);
  // Before any pass every grad is 0: the data says more until Backward has run.
  const backward = usePlayground((s) => s.mode === 'backward' && (s.grads.passes > 0 || s.backwardRun !== null));
  return backward ? { value: grad, name: 'grad', error: error !== null } : { value: data, name: 'data', error: error !== null };
}

/** The inline style that tints a compact shape in its number's sign colour, stronger for larger |x|. */
export function tintStyle(value: number): CSSProperties {
  return { '--tint': `${Math.round(magnitudeTint(value) * 100)}%` } as CSSProperties;
}

/**
 * The frame every compact card shares: it lies over the full card (which stays in place, see
 * withSemanticZoom), tinted by the number's sign and size. Its text is sized by container
 * units from the card's own box (compact.css), as large as the box allows.
 */
export function CompactFrame({ value, selected, error, className, label, children }: { value: number; selected: boolean; error: boolean; className?: string; label: string; children: ReactNode }) {
  const classes = ['compact-card', `compact-card--${signOf(value)}`, selected ? 'is-selected' : '', error ? 'has-error' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <div className={classes} style={tintStyle(value)} data-testid="compact-card" data-label={label} aria-hidden="true">
      {children}
    </div>
  );
}

/** A line of compact text: its length tells the CSS how large a font fits the card's width. */
export function CompactText({ text, className, shown }: { text: string; className: string; shown?: string }) {
  return (
    <span className={className} style={{ '--chars': Math.max(3, [...text].length) } as CSSProperties}>
      {shown ?? text}
    </span>
  );
}

/** The label line and the big number: what every compact card of a scalar shows. */
export function LabelAndNumber({ id, selected, head, label, unit, className }: CompactProps & { head?: string; label: string; unit?: ReactNode; className?: string }) {
  const { value, name, error } = useShownNumber(id);
  head ??= label;
  return (
    <CompactFrame value={value} selected={selected} error={error} label={label} className={className}>
      <span className="compact-card__head">
        {unit}
        {/* A unit's disc takes about two characters' width of the line. */}
        <CompactText className="compact-card__label" text={unit ? `${head}xx` : head} shown={head} />
      </span>
      <span className="compact-card__number-row" title={name}>
        <CompactText className={`compact-card__number num sign-${signOf(value)}`} text={error ? '!' : compactNumber(value)} />
      </span>
    </CompactFrame>
  );
}

/** A compact leaf (value, input, target): its name and its number, as the full card's head and data. */
export const CompactLeaf = memo(function CompactLeaf({ id, selected }: CompactProps) {
  const label = String(useNodeField(id, 'label') ?? '');
  return <LabelAndNumber id={id} selected={selected} label={label} />;
});

/** A compact target: one row shorter than a leaf, so its name and its ±1 share one line ("y −1"). */
export const CompactTarget = memo(function CompactTarget({ id, selected }: CompactProps) {
  const label = String(useNodeField(id, 'label') ?? '');
  const value = Number(useNodeField(id, 'value'));
  return (
    <CompactFrame value={value} selected={selected} error={false} label={label} className="compact-card--row">
      <CompactText className="compact-card__number num" text={`${label} ${compactOperand(value)}`} />
    </CompactFrame>
  );
});

/** A compact constant: just its number. */
export const CompactConstant = memo(function CompactConstant({ id, selected }: CompactProps) {
  const value = Number(useNodeField(id, 'value'));
  // A constant is usually a round operand (2, 1, 10.0): no trailing zeros.
  const text = compactOperand(value);
  return (
    <CompactFrame value={value} selected={selected} error={false} label="" className="compact-card--constant">
      <span className={`compact-card__number num sign-${signOf(value)}`}>{text}</span>
    </CompactFrame>
  );
});

/** A compact op: its glyph, its name (the code's name when unlabelled) and its number. */
export const CompactOp = memo(function CompactOp({ id, selected }: CompactProps) {
  const opType = useNodeField(id, 'op');
  const own = String(useNodeField(id, 'label') ?? '');
  const codeName = usePlayground((s) => (own ? undefined : unnamedOpNames(s.doc).get(id)));
  const op = typeof opType === 'string' ? findOp(opType) : undefined;
  const name = own || codeName || (op?.label ?? '');
  return <LabelAndNumber id={id} selected={selected} head={compactHead(op?.glyph ?? '?', name, own !== '')} label={name} />;
});

/** A compact loss: ℒ, its name and the loss. */
export const CompactLoss = memo(function CompactLoss({ id, selected }: CompactProps) {
  const label = String(useNodeField(id, 'label') ?? '');
  return <LabelAndNumber id={id} selected={selected} head={compactHead('ℒ', label || 'loss', true)} label={label || 'loss'} />;
});
