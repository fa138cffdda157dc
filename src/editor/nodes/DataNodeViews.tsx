import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { EditableText } from '../controls/EditableText';
import { NumberField } from '../controls/NumberField';
import { usePlaygroundStore } from '../store/StoreContext';
import { BackwardBadge, cardClass, ControlRow, ErrorMark, NumberRow } from './NodeParts';
import { useNodeField, useNodeNumbers } from './useNodeNumbers';

/** How many features an input can be bound to (the datasets have 2, the lecture's has 3). */
const FEATURES = 3;

/** A dataset feature: during training it takes each sample's value in turn. */
export const InputNodeView = memo(function InputNodeView({ id, selected }: NodeProps) {
  const kind = useNodeField(id, 'kind');
  const label = String(useNodeField(id, 'label') ?? '');
  const value = Number(useNodeField(id, 'value') ?? 0);
  const feature = Number(useNodeField(id, 'feature') ?? 0);
  const store = usePlaygroundStore();
  const { grad, error, gradStale } = useNodeNumbers(id);
  if (kind !== 'input') return null;
  const { updateNode, beginGesture, endGesture } = store.getState();
  return (
    <div className={cardClass('input', selected, error)} data-testid="node-card" data-label={label}>
      <BackwardBadge id={id} />
      <div className="node-card__head">
        <EditableText className="node-card__label" value={label} placeholder="x" label="Label" onChange={(next) => updateNode(id, { label: next })} testId="node-label" />
        <select className="act-select nodrag" aria-label="Dataset feature" value={feature} onChange={(e) => updateNode(id, { feature: Number(e.target.value) })}>
          {Array.from({ length: FEATURES }, (_, i) => (
            <option key={i} value={i}>
              feature x{i + 1}
            </option>
          ))}
        </select>
        {error && <ErrorMark error={error} />}
      </div>
      <ControlRow name="data">
        <NumberField value={value} label={`sample value of ${label}`} onChange={(v) => updateNode(id, { value: v })} onGestureStart={beginGesture} onGestureEnd={endGesture} testId="node-data" />
      </ControlRow>
      <NumberRow name="grad" value={grad} stale={gradStale} testId="node-grad" />
      <Handle type="source" position={Position.Right} id="out" />
    </div>
  );
});

/** The sample's label, −1 or +1, that the loss compares the prediction with. */
export const TargetNodeView = memo(function TargetNodeView({ id, selected }: NodeProps) {
  const kind = useNodeField(id, 'kind');
  const label = String(useNodeField(id, 'label') ?? '');
  const value = Number(useNodeField(id, 'value') ?? 0);
  const store = usePlaygroundStore();
  const { error } = useNodeNumbers(id);
  if (kind !== 'target') return null;
  const { updateNode, beginGesture, endGesture } = store.getState();
  return (
    <div className={cardClass('target', selected, error)} data-testid="node-card" data-label={label}>
      <BackwardBadge id={id} />
      <div className="node-card__head">
        <EditableText className="node-card__label" value={label} placeholder="y" label="Label" onChange={(next) => updateNode(id, { label: next })} testId="node-label" />
        <span className="node-card__kind">target</span>
        {error && <ErrorMark error={error} />}
      </div>
      <ControlRow name="label">
        <NumberField value={value} label={`sample label ${label}`} onChange={(v) => updateNode(id, { value: v })} onGestureStart={beginGesture} onGestureEnd={endGesture} testId="node-data" />
      </ControlRow>
      <Handle type="source" position={Position.Right} id="out" />
    </div>
  );
});
