import { memo } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { documentWeight, nodeResult } from '../../state/derived';
import { weightWidth } from '../train/LiveWeightPainter';
import { usePlayground } from '../store/StoreContext';
import { signOf } from '../formatNumber';
import { strokeWidthFor } from './wireWidth';
import './ValueEdge.css';

/**
 * A wire coloured by the sign of the value it carries and thickened by its size, in the same
 * colour language as the numbers on the cards.
 */
export const ValueEdge = memo(function ValueEdge(props: EdgeProps) {
  const { id, source, target, sourceHandleId, targetHandleId, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected } = props;
  // In Train mode a wire into a neuron shows its weight, as TensorFlow Playground does: the
  // colour is the weight's sign, the thickness its size. This is the document's weight; while
  // the worker trains, LiveWeightPainter repaints the path directly with the live one.
  const weight = usePlayground((s) => (s.mode === 'train' && targetHandleId ? documentWeight(s, target, targetHandleId) : null));
  const value = usePlayground((s) => {
    const r = nodeResult(s, source);
    if (!r) return NaN;
    // A layer has several outputs: the wire carries the one it leaves from.
    if (r.outputs && sourceHandleId) return r.outputs.find((o) => o.port === sourceHandleId)?.data ?? NaN;
    return r.data;
  });
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const shown = weight ?? value;
  const sign = Number.isNaN(shown) ? 'zero' : signOf(shown);
  return (
    <BaseEdge
      id={id}
      path={path}
      className={`value-edge value-edge--${sign}${weight !== null ? ' is-weight' : ''}${selected ? ' is-selected' : ''}`}
      style={{ strokeWidth: weight !== null ? weightWidth(weight) : strokeWidthFor(value) }}
      interactionWidth={14}
    />
  );
});
