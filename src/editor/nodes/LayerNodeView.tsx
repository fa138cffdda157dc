import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { indexedPorts } from '../../document/ports';
import type { Activation } from '../../nn/activation';
import { nodeResult } from '../../state/derived';
import { EditableText } from '../controls/EditableText';
import { UnitMapGrid } from '../train/UnitMapGrid';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';
import { ActivationSelect, ExpandButton, InputHandles, OutputHandles } from './NetworkParts';
import { netCardHeight } from './portLayout';
import { errorText } from '../../document/evaluate';
import { BackwardBadge, cardClass, ErrorMark, noValueText } from './NodeParts';
import { useNodeField, useNodeNumbers } from './useNodeNumbers';

/** A layer: nout neurons over the same nin inputs; each output port carries one neuron's value. */
export const LayerNodeView = memo(function LayerNodeView({ id, selected }: NodeProps) {
  const kind = useNodeField(id, 'kind');
  const label = String(useNodeField(id, 'label') ?? '');
  const weights = (useNodeField(id, 'weights') as number[][] | undefined) ?? [];
  const activation = (useNodeField(id, 'activation') as Activation | undefined) ?? 'relu';
  const store = usePlaygroundStore();
  const { error } = useNodeNumbers(id);
  const outputs = usePlayground((s) => nodeResult(s, id)?.outputs);
  if (kind !== 'layer') return null;
  const { updateNode } = store.getState();
  const nin = weights[0]?.length ?? 0;
  const nout = weights.length;
  const missing = error?.kind === 'missing-input' ? error.ports : [];
  const shown = outputs ?? indexedPorts('y', nout).map((port) => ({ port, data: NaN, grad: 0 }));
  return (
    <div className={`${cardClass('layer', selected, error)} node-card--net node-card--layer`} data-testid="node-card" data-label={label} style={{ minHeight: netCardHeight(Math.max(nin, nout)) }}>
      <BackwardBadge id={id} />
      <div className="node-card__head">
        <span className="op-glyph" title="A layer of neurons sharing their inputs">
          {nin}→{nout}
        </span>
        <EditableText className="node-card__label" value={label} placeholder="layer" label="Label" onChange={(next) => updateNode(id, { label: next })} testId="node-label" />
        <ActivationSelect value={activation} onChange={(a) => updateNode(id, { activation: a })} />
        <ExpandButton id={id} />
        {error && <ErrorMark error={error} />}
      </div>
      {!outputs && error && (
        <p className="node-row__why node-card__why" title={errorText(error)} data-testid="node-data">
          {noValueText(error)}
        </p>
      )}
      <UnitMapGrid id={id} units={nout} />
      <InputHandles ports={indexedPorts('x', nin)} missing={missing} />
      <OutputHandles outputs={shown} />
    </div>
  );
});
