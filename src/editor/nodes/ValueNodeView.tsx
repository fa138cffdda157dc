import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { EditableText } from '../controls/EditableText';
import { NumberField } from '../controls/NumberField';
import { usePlaygroundStore } from '../store/StoreContext';
import { BackwardBadge, GroupChip, cardClass, ControlRow, ErrorMark, NumberRow, OutputChip } from './NodeParts';
import { useNodeField, useNodeNumbers } from './useNodeNumbers';

/** A leaf Value: a name, a number you type or scrub, and its grad. */
export const ValueNodeView = memo(function ValueNodeView({ id, selected }: NodeProps) {
  const kind = useNodeField(id, 'kind');
  const label = String(useNodeField(id, 'label') ?? '');
  const value = Number(useNodeField(id, 'value'));
  const trainable = useNodeField(id, 'trainable') === true;
  const store = usePlaygroundStore();
  const { grad, error, gradStale, isOutput } = useNodeNumbers(id);
  if (kind !== 'value') return null;
  const { updateNode, beginGesture, endGesture } = store.getState();
  return (
    <div className={cardClass('value', selected, error)} data-testid="node-card" data-label={label}>
      <BackwardBadge id={id} />
      <div className="node-card__head">
        <EditableText
          className="node-card__label"
          value={label}
          placeholder="value"
          label="Label"
          onChange={(next) => updateNode(id, { label: next })}
          testId="node-label"
        />
        {isOutput ? <OutputChip /> : null}
        <button
          type="button"
          className={`param-toggle nodrag${trainable ? ' is-on' : ''}`}
          aria-pressed={trainable}
          title={trainable ? 'A parameter: training changes it. Click to make it a fixed leaf.' : 'A fixed leaf. Click to make it a trainable parameter.'}
          data-testid="trainable-toggle"
          onClick={() => updateNode(id, { trainable: !trainable })}
        >
          {trainable ? 'param' : 'leaf'}
        </button>
        {error && <ErrorMark error={error} />}
      </div>
      <GroupChip id={id} />
      <ControlRow name="data">
        <NumberField
          value={value}
          label={`data of ${label || 'value'}`}
          onChange={(next) => updateNode(id, { value: next })}
          onGestureStart={beginGesture}
          onGestureEnd={endGesture}
          testId="node-data"
        />
      </ControlRow>
      <NumberRow name="grad" value={grad} stale={gradStale} testId="node-grad" />
      <Handle type="source" position={Position.Right} id="out" />
    </div>
  );
});
