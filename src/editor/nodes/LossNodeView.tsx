import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { DEFAULT_CLASSES, lossPorts, MAX_CLASSES } from '../../document/kinds/loss';
import type { LossKind } from '../../document/types';
import { EditableText } from '../controls/EditableText';
import { usePlayground, usePlaygroundStore } from '../store/StoreContext';
import { datasetsOf, setupOf } from '../../training/setup';
import { sampleValues, shownSample } from '../../training/datasetLoss';
import { formatLoss } from '../train/chartMath';
import { trainingLossFor, trainingLossLabel } from '../train/lossLabel';
import { BackwardBadge, cardClass, ErrorMark, NumberRow, OutputChip } from './NodeParts';
import { OP_PORTS, portY } from './portLayout';
import { useNodeField, useNodeNumbers } from './useNodeNumbers';
import './LossNodeView.css';

/** The loss kinds, with how each scores one sample. */
const LOSS_LABELS: Record<LossKind, string> = {
  squared: 'squared error (s − y)²',
  hinge: 'hinge relu(1 − y·s)',
  bce: 'cross-entropy log(1 + e^(−y·s))',
  softmax: 'softmax + cross-entropy, k classes',
};

/** The loss kinds as <option>s, for every select that picks one (the card, Train, Insert MLP). */
export function LossOptions() {
  return (Object.keys(LOSS_LABELS) as LossKind[]).map((k) => (
    <option key={k} value={k}>
      {LOSS_LABELS[k]}
    </option>
  ));
}

export const LossNodeView = memo(function LossNodeView({ id, selected }: NodeProps) {
  const kind = useNodeField(id, 'kind');
  const label = String(useNodeField(id, 'label') ?? '');
  const loss = (useNodeField(id, 'loss') as LossKind | undefined) ?? 'hinge';
  const classes = (useNodeField(id, 'classes') as number | undefined) ?? DEFAULT_CLASSES;
  const store = usePlaygroundStore();
  const { data, grad, error, gradStale, isOutput } = useNodeNumbers(id);
  if (kind !== 'loss') return null;
  const { updateNode } = store.getState();
  const missing = error?.kind === 'missing-input' ? error.ports : [];
  const ports = lossPorts({ loss, classes });
  return (
    <div className={`${cardClass('loss', selected, error)} node-card--op`} data-testid="node-card" data-label={label} style={{ minHeight: portY(OP_PORTS, ports.length) + 10 }}>
      <BackwardBadge id={id} />
      <div className="node-card__head">
        <span className="op-glyph" title="The loss: how wrong the prediction is for this sample">ℒ</span>
        <EditableText className="node-card__label" value={label} placeholder="loss" label="Label" onChange={(next) => updateNode(id, { label: next })} testId="node-label" />
        {isOutput && <OutputChip />}
        {error && <ErrorMark error={error} />}
      </div>
      <select className="act-select act-select--wide nodrag" aria-label="Loss" value={loss} onChange={(e) => updateNode(id, e.target.value === 'softmax' ? { loss: 'softmax', classes } : { loss: e.target.value as LossKind })}>
        <LossOptions />
      </select>
      {loss === 'softmax' && (
        <label className="loss-classes nodrag">
          classes
          <input
            type="number"
            min={1}
            max={MAX_CLASSES}
            step={1}
            value={classes}
            aria-label="Classes"
            data-testid="loss-classes"
            onChange={(e) => {
              const k = Math.round(Number(e.target.value));
              // 1 is allowed here so the card can say why it is refused (wires into it are).
              if (Number.isFinite(k) && k >= 1 && k <= MAX_CLASSES) updateNode(id, { classes: k });
            }}
          />
        </label>
      )}
      <div className="op-ports" aria-hidden="true">
        {ports.map((port, i) => (
          <span key={port} className={`op-port${missing.includes(port) ? ' is-missing' : ''}`} style={{ top: portY(OP_PORTS, i) - 8 }}>
            {port === 'score' ? 's' : port === 'target' ? 'y' : port}
          </span>
        ))}
      </div>
      <NumberRow name="data" value={data} why={error} testId="node-data" />
      <NumberRow name="grad" value={grad} stale={gradStale} testId="node-grad" />
      <TrainingLoss id={id} />
      {ports.map((port, i) => (
        <Handle key={port} id={port} type="target" position={Position.Left} style={{ top: portY(OP_PORTS, i) }} title={`input ${port}`} />
      ))}
      <Handle type="source" position={Position.Right} id="out" />
    </div>
  );
});

/**
 * Under a network's loss card: the loss training minimises, over every sample (the number the
 * Train panel prints), and which sample the card's own `data` is, with ‹ › to show another.
 * The lecture's loss is the sum over its four samples; the graph on the canvas computes one of
 * them, so the card says both, and the learner can walk through the four.
 */
function TrainingLoss({ id }: { id: string }) {
  const store = usePlaygroundStore();
  const loss = usePlayground((s) => trainingLossFor(s.doc, id));
  const shown = usePlayground((s) => (loss ? shownSample(s.doc) : -1));
  const count = usePlayground((s) => datasetsOf(setupOf(s.doc)).all.x.length);
  if (!loss) return null;
  if (!loss.ok) return <p className="loss-total loss-total--none">{`No training loss: ${loss.reason}.`}</p>;
  const show = (index: number) => {
    const { doc, beginGesture, updateNode, endGesture } = store.getState();
    beginGesture();
    for (const { id: node, value } of sampleValues(doc, (index + count) % count)) updateNode(node, { value });
    endGesture();
  };
  return (
    <div className="loss-total nodrag" data-testid="loss-total">
      <div className="node-row">
        <span className="node-row__key" data-testid="loss-total-label">
          {trainingLossLabel(loss)}
        </span>
        <span className="node-row__num num" data-testid="loss-total-value" data-value={loss.total}>
          {formatLoss(loss.total)}
        </span>
      </div>
      <div className="loss-sample">
        <button type="button" className="loss-sample__step" aria-label="Show the previous sample" onClick={() => show(shown < 0 ? 0 : shown - 1)} data-testid="loss-sample-prev">
          ‹
        </button>
        <span data-testid="loss-sample">{shown < 0 ? 'data: inputs typed by hand' : `data: sample ${shown + 1} of ${count}`}</span>
        <button type="button" className="loss-sample__step" aria-label="Show the next sample" onClick={() => show(shown + 1)} data-testid="loss-sample-next">
          ›
        </button>
      </div>
    </div>
  );
}
