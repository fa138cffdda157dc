import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { indexedPorts } from '../../document/ports';
import type { Activation } from '../../nn/activation';
import { EditableText } from '../controls/EditableText';
import { UnitMap } from '../train/UnitMap';
import { usePlaygroundStore } from '../store/StoreContext';
import { ActivationSelect, ExpandButton, InputHandles, WeightList } from './NetworkParts';
import { NeuronActivityNote } from './NeuronActivityNote';
import { neuronCardHeight, neuronFans, neuronInputPorts } from './portLayout';
import { BackwardBadge, cardClass, ErrorMark, NumberRow, OutputChip } from './NodeParts';
import { useNodeField, useNodeNumbers } from './useNodeNumbers';

/**
 * A neuron: act(b + Σ wᵢxᵢ), one input port per weight, its weights shown beside the ports; past
 * a few inputs the ports fan into the card's left middle and the weights move into the b row's list.
 */
export const NeuronNodeView = memo(function NeuronNodeView({ id, selected }: NodeProps) {
  const kind = useNodeField(id, 'kind');
  const label = String(useNodeField(id, 'label') ?? '');
  const weights = (useNodeField(id, 'weights') as number[] | undefined) ?? [];
  const bias = Number(useNodeField(id, 'bias') ?? 0);
  const activation = (useNodeField(id, 'activation') as Activation | undefined) ?? 'relu';
  const store = usePlaygroundStore();
  const { data, grad, error, gradStale, isOutput } = useNodeNumbers(id);
  if (kind !== 'neuron') return null;
  const { updateNode } = store.getState();
  const ports = indexedPorts('x', weights.length);
  const missing = error?.kind === 'missing-input' ? error.ports : [];
  const fans = neuronFans(ports.length);
  return (
    <div className={`${cardClass('neuron', selected, error)} node-card--net`} data-testid="node-card" data-label={label} style={{ minHeight: neuronCardHeight(ports.length) }}>
      <BackwardBadge id={id} />
      <div className="node-card__head">
        <span className="op-glyph" title="A neuron: act(b + Σ wᵢ·xᵢ)">Σ</span>
        <EditableText className="node-card__label" value={label} placeholder="neuron" label="Label" onChange={(next) => updateNode(id, { label: next })} testId="node-label" />
        <ActivationSelect value={activation} onChange={(a) => updateNode(id, { activation: a })} />
        <ExpandButton id={id} />
        {isOutput && <OutputChip />}
        {error && <ErrorMark error={error} />}
      </div>
      <div className="node-card__body node-card__body--net">
        {fans ? <WeightList ports={ports} weights={weights} bias={bias} /> : <NumberRow name="b" value={bias} />}
        <NumberRow name="data" value={data} why={error} testId="node-data" />
        <NumberRow name="grad" value={grad} stale={gradStale} testId="node-grad" />
        <NeuronActivityNote id={id} />
      </div>
      <InputHandles ports={ports} weights={weights} missing={missing} layout={neuronInputPorts(ports.length)} named={!fans} />
      <Handle type="source" position={Position.Right} id="out" />
      <UnitMap id={id} unit={0} className="unit-map--neuron" />
    </div>
  );
});
