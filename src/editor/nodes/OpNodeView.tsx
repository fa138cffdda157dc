import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { unnamedOpNames } from '../../document/codegen/nodeNames';
import { findOp } from '../../engine';
import { EditableText } from '../controls/EditableText';
import { NumberField } from '../controls/NumberField';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';
import { BackwardBadge, GroupChip, cardClass, ControlRow, ErrorMark, NumberRow, OutputChip } from './NodeParts';
import { OP_PORTS } from './portLayout';
import { useNodeField, useNodeNumbers } from './useNodeNumbers';

const { pitch: PORT_PITCH, top: PORTS_TOP } = OP_PORTS;

/**
 * An op applied to its inputs, drawn like draw_dot's pair of an op bubble and a record: the
 * op's glyph where the wires arrive, then label | data | grad.
 */
export const OpNodeView = memo(function OpNodeView({ id, selected }: NodeProps) {
  const opType = useNodeField(id, 'op');
  const label = String(useNodeField(id, 'label') ?? '');
  const param = useNodeField(id, 'param');
  const store = usePlaygroundStore();
  // Unlabelled, the card shows the name the exported code gives it (n1), so both agree.
  const codeName = usePlayground((s) => unnamedOpNames(s.doc).get(id));
  const { data, grad, error, gradStale, isOutput } = useNodeNumbers(id);
  const op = typeof opType === 'string' ? findOp(opType) : undefined;
  if (!op) return null;
  const { updateNode, beginGesture, endGesture } = store.getState();
  const missing = error?.kind === 'missing-input' ? error.ports : [];
  return (
    <div
      className={cardClass('op', selected, error)}
      data-testid="node-card"
      data-label={label}
      data-op={op.type}
      style={{ minHeight: PORTS_TOP + op.inputs.length * PORT_PITCH }}
    >
      <BackwardBadge id={id} />
      <div className="node-card__head">
        <span className="op-glyph" title={op.doc} data-testid="op-glyph" aria-hidden="true">
          {op.glyph}
        </span>
        {/* The glyph in words for screen readers ("×" is read inconsistently): the card reads "multiply d data 4.0 grad 0.0". */}
        <span className="sr-only">{op.label}</span>
        <EditableText
          className="node-card__label"
          value={label}
          placeholder={codeName ?? op.label}
          label="Label"
          onChange={(next) => updateNode(id, { label: next })}
          testId="node-label"
        />
        {isOutput && <OutputChip />}
        {error && <ErrorMark error={error} />}
      </div>
      <GroupChip id={id} />
      <div className="op-ports" aria-hidden="true">
        {op.inputs.map((port, i) => (
          <span
            key={port}
            className={`op-port${missing.includes(port) ? ' is-missing' : ''}`}
            style={{ top: PORTS_TOP + i * PORT_PITCH - 8 }}
          >
            {port}
          </span>
        ))}
      </div>
      <div className="node-card__body">
        {op.param && (
          <ControlRow name={op.param.name}>
            <NumberField
              value={typeof param === 'number' ? param : op.param.defaultValue}
              label={`${op.param.name} of ${label || op.label}`}
              step={0.1}
              onChange={(next) => updateNode(id, { param: next })}
              onGestureStart={beginGesture}
              onGestureEnd={endGesture}
              testId="node-param"
            />
          </ControlRow>
        )}
        <NumberRow name="data" value={data} why={error} testId="node-data" />
        <NumberRow name="grad" value={grad} stale={gradStale} testId="node-grad" />
      </div>
      {op.inputs.map((port, i) => (
        <Handle
          key={port}
          id={port}
          type="target"
          position={Position.Left}
          style={{ top: PORTS_TOP + i * PORT_PITCH }}
          title={`input ${port}`}
        />
      ))}
      <Handle type="source" position={Position.Right} id="out" />
    </div>
  );
});
