import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { NumberField } from '../controls/NumberField';
import { usePlaygroundStore } from '../store/StoreContext';
import { BackwardBadge, cardClass, ErrorMark } from './NodeParts';
import { useNodeField, useNodeNumbers } from './useNodeNumbers';

/** A plain number operand (micrograd turns it into a leaf): compact, no name. */
export const ConstantNodeView = memo(function ConstantNodeView({ id, selected }: NodeProps) {
  const kind = useNodeField(id, 'kind');
  const value = Number(useNodeField(id, 'value'));
  const store = usePlaygroundStore();
  const { error } = useNodeNumbers(id);
  if (kind !== 'constant') return null;
  const { updateNode, beginGesture, endGesture } = store.getState();
  return (
    <div className={cardClass('constant', selected, error)} data-testid="node-card" data-label="">
      <BackwardBadge id={id} />
      <span className="node-card__kind">const</span>
      <NumberField
        value={value}
        label="constant"
        onChange={(next) => updateNode(id, { value: next })}
        onGestureStart={beginGesture}
        onGestureEnd={endGesture}
        testId="node-data"
      />
      {error && <ErrorMark error={error} />}
      <Handle type="source" position={Position.Right} id="out" />
    </div>
  );
});
